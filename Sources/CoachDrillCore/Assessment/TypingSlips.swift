/// Common slips of the keyboard in the words that carry a line's form: question words, "you", modals.
///
/// A trainee typing fast writes "Wher are you now with waht you wanted?". Lost to a typo, the question
/// word would leave "are you now..." and the line would read as a yes/no question, with the wrong trap.
/// Only slips that are not themselves English words are listed (so "were", "hat" and "wen" stay as
/// written); content words are left alone, since a missed topic word costs less than a wrong guess.
enum TypingSlips {
    static let words: [String: String] = [
        "waht": "what", "wat": "what", "whta": "what", "wht": "what", "whay": "what",
        "wher": "where", "whre": "where", "wehre": "where", "wheer": "where",
        "whn": "when", "wehn": "when", "hw": "how", "hwy": "why", "whcih": "which", "wich": "which",
        "yuo": "you", "yu": "you", "yoiu": "you", "yuor": "your", "yoru": "your",
        "wil": "will", "wll": "will", "woudl": "would", "wuold": "would", "woud": "would", "wold": "would",
        "coudl": "could", "cuold": "could", "shoudl": "should", "shuold": "should",
        "todya": "today", "tody": "today", "tdoay": "today", "teh": "the", "adn": "and", "nad": "and",
    ]
}
