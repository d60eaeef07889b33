import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The character encoding libedit uses to measure and draw text.
///
/// libedit turns the code points it edits into terminal bytes with the C library's multibyte functions,
/// which follow LC_CTYPE. A process starts in the "C" locale, where "é" cannot be written at all, so
/// the locale has to be taken from the environment before the editor starts. Only LC_CTYPE is set:
/// the other categories (numbers, collation) would change how C code elsewhere in the process formats
/// and compares, and editing does not need them.
public enum TerminalLocale {
    /// Adopts LC_CTYPE from the environment; when that gives plain C/POSIX (or a locale that is not
    /// installed), falls back to a UTF-8 one so typed UTF-8 survives. An explicit non-UTF-8 locale is
    /// respected. Idempotent; returns whether the resulting encoding is UTF-8.
    @discardableResult
    public static func prepare() -> Bool {
        prepared
    }

    private static let prepared: Bool = {
        let chosen = setlocale(LC_CTYPE, "").map { String(cString: $0) }
        if cd_locale_is_utf8() == 1 {
            return true
        }
        guard chosen == nil || chosen == "C" || chosen == "POSIX" else {
            return false
        }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"] where setlocale(LC_CTYPE, candidate) != nil {
            if cd_locale_is_utf8() == 1 {
                return true
            }
        }
        return false
    }()
}
