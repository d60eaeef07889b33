import Foundation

/// UTC timestamps for transcripts and file names, formatted with gmtime_r: Foundation's date formatters
/// load ICU, which costs more start-up time than the whole rest of a session.
enum UTCTime {
    /// "2026-11-21T17:40:05Z"
    static func iso8601(_ date: Date) -> String {
        let t = parts(date)
        return "\(t.year)-\(two(t.month))-\(two(t.day))T\(two(t.hour)):\(two(t.minute)):\(two(t.second))Z"
    }

    /// "20261121T174005Z", for file names.
    static func compact(_ date: Date) -> String {
        let t = parts(date)
        return "\(t.year)\(two(t.month))\(two(t.day))T\(two(t.hour))\(two(t.minute))\(two(t.second))Z"
    }

    private static func parts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var broken = tm()
        gmtime_r(&seconds, &broken)
        return (
            Int(broken.tm_year) + 1900, Int(broken.tm_mon) + 1, Int(broken.tm_mday), Int(broken.tm_hour),
            Int(broken.tm_min), Int(broken.tm_sec)
        )
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
