/// A prompt that changes while the user types, such as a drill's countdown (`[0:42] coach> `).
///
/// A terminal reader asks for the text again about once a second while it waits for a key and redraws the
/// prompt in place when it changed, keeping the line being typed and the cursor where they were. Plain
/// input has nobody watching, so it takes the text once.
public struct LivePrompt {
    /// The prompt as it should read now.
    public var text: () -> String
    /// How long to wait between looks, in milliseconds.
    public var refreshMilliseconds: Int32

    public init(refreshMilliseconds: Int32 = 250, text: @escaping () -> String) {
        self.text = text
        self.refreshMilliseconds = max(20, refreshMilliseconds)
    }
}

extension LineReader {
    /// The default for readers that cannot redraw: the prompt as it reads when the wait starts.
    public func readLine(livePrompt: LivePrompt) -> LineReadResult {
        readLine(prompt: livePrompt.text())
    }
}
