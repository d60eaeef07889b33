extension Array {
    /// `Array(repeating:count:)` for the small arrays made for every line judged. The standard library's
    /// initialiser allocates through an unspecialised function that looks the array's type up at run time
    /// (about 750 instructions, more than filling the array); reserving and appending allocates through
    /// code specialised for `Element`.
    init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
