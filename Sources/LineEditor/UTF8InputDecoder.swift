/// Turns terminal bytes into Unicode scalars as they arrive, one keystroke at a time.
///
/// Decoding here rather than through mbrtowc keeps input independent of the C locale, and a damaged
/// sequence (a terminal in Latin-1, a cut paste) becomes U+FFFD instead of vanishing or stalling.
/// Malformed input is replaced by the maximal-subpart rule, like `String(decoding:as:)`.
struct UTF8InputDecoder {
    private var bytes: [UInt8] = []
    private var start = 0

    /// Whether no bytes are waiting, not even part of a sequence.
    var isEmpty: Bool { start == bytes.count }

    mutating func append(_ buffer: UnsafeRawBufferPointer) {
        if start == bytes.count {
            bytes.removeAll(keepingCapacity: true)
            start = 0
        }
        bytes.append(contentsOf: buffer)
    }

    /// The next complete scalar, or nil when the bytes so far end inside a sequence (or there are none).
    mutating func next() -> Unicode.Scalar? {
        guard start < bytes.count else { return nil }
        let lead = bytes[start]
        if lead < 0x80 {
            start += 1
            return Unicode.Scalar(lead)
        }
        guard let shape = Self.shape(of: lead) else { return replace(count: 1) }

        var value = UInt32(lead) & shape.leadMask
        for offset in 1..<shape.length {
            guard start + offset < bytes.count else { return nil }  // wait for the rest
            let byte = bytes[start + offset]
            let allowed = offset == 1 ? shape.second : 0x80...0xBF
            guard allowed.contains(byte) else { return replace(count: offset) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        start += shape.length
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// At end of input: a sequence left unfinished becomes U+FFFD.
    mutating func finish() -> Unicode.Scalar? {
        if let scalar = next() { return scalar }
        guard start < bytes.count else { return nil }
        start = bytes.count
        return "\u{FFFD}"
    }

    private mutating func replace(count: Int) -> Unicode.Scalar {
        start += count
        return "\u{FFFD}"
    }

    /// Sequence length, lead-byte payload mask and the range the second byte must fall in (which rules
    /// out overlong forms, surrogates and values past U+10FFFF).
    private static func shape(of lead: UInt8) -> (length: Int, leadMask: UInt32, second: ClosedRange<UInt8>)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x1F, 0x80...0xBF)
        case 0xE0: (3, 0x0F, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x0F, 0x80...0xBF)
        case 0xED: (3, 0x0F, 0x80...0x9F)
        case 0xF0: (4, 0x07, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x07, 0x80...0xBF)
        case 0xF4: (4, 0x07, 0x80...0x8F)
        default: nil
        }
    }
}
