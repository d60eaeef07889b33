import Testing

@testable import TerminalOutput

@Suite struct TerminalTextTests {
    @Test func plainTextIsUntouched() {
        let text = "Dana says: \"I'm fine\"\tthanks — ça va, 你好 👋\nNext line."
        #expect(TerminalText.sanitize(text) == text)
        #expect(TerminalText.isSafe(text))
    }

    @Test func escapeSequencesAreMadeInert() {
        #expect(TerminalText.sanitize("\u{1B}[2J\u{1B}]0;title\u{07}") == "\\u{1B}[2J\\u{1B}]0;title\\u{7}")
        #expect(TerminalText.sanitize("8-bit CSI \u{9B}31m") == "8-bit CSI \\u{9B}31m")
    }

    @Test func controlCharactersAreEscaped() {
        #expect(TerminalText.sanitize("a\u{0}b\u{8}c\rd\u{7F}e") == "a\\u{0}b\\u{8}c\\u{D}d\\u{7F}e")
        #expect(TerminalText.sanitize("line\nbreak") == "line\nbreak")
        #expect(TerminalText.sanitize("line\nbreak", allowNewlines: false) == "line\\u{A}break")
        #expect(TerminalText.sanitize("sep\u{2028}arated\u{2029}") == "sep\\u{2028}arated\\u{2029}")
    }

    @Test func bidirectionalOverridesAreEscaped() {
        for scalar in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F] {
            let character = Unicode.Scalar(UInt32(scalar)).map { String(Character($0)) } ?? ""
            let sanitized = TerminalText.sanitize("x" + character + "y")
            #expect(sanitized == "x\\u{" + String(scalar, radix: 16, uppercase: true) + "}y")
        }
    }
}
