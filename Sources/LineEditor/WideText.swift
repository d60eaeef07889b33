#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions between Swift strings and the NUL-terminated `wchar_t` strings of libedit's wide API.
/// `wchar_t` holds a Unicode code point on Linux and Darwin; its signedness differs by platform, so
/// conversions go through `truncatingIfNeeded`.
enum WideText {
    /// `text` as a NUL-terminated `wchar_t` array.
    static func characters(of text: String) -> [wchar_t] {
        var characters = text.unicodeScalars.map { wchar_t(truncatingIfNeeded: $0.value) }
        characters.append(0)
        return characters
    }

    /// Calls `body` with `text` as a NUL-terminated `wchar_t` string.
    static func withCString<Result>(_ text: String, _ body: (UnsafePointer<wchar_t>) -> Result) -> Result {
        characters(of: text).withUnsafeBufferPointer { buffer in
            // A non-empty array always has storage; the fallback only satisfies the type checker.
            guard let base = buffer.baseAddress else {
                var terminator: wchar_t = 0
                return body(&terminator)
            }
            return body(base)
        }
    }

    /// The text between `start` and `end`, with anything that is not a code point replaced by U+FFFD.
    static func string(from start: UnsafePointer<wchar_t>, to end: UnsafePointer<wchar_t>) -> String {
        string(from: start, count: max(0, end - start))
    }

    static func string(from start: UnsafePointer<wchar_t>, count: Int) -> String {
        var scalars = String.UnicodeScalarView()
        for index in 0..<count {
            let value = UInt32(truncatingIfNeeded: start[index])
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
