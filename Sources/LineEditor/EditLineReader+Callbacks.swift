import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C entry points libedit calls back into. Each one finds its reader through EL_CLIENTDATA and
/// hands over to a method; none captures anything, as a C function pointer cannot.
extension EditLineReader {
    static let promptEntry: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<wchar_t>? = { editLine in
        reader(for: editLine)?.promptPointer
    }

    static let readCharacterEntry: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = {
        editLine, character in
        guard let editLine, let character, let reader = reader(for: editLine) else { return -1 }
        return reader.readCharacter(editLine, into: character)
    }

    static let completeEntry: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        guard let editLine, let reader = reader(for: editLine) else { return cd_cc_error() }
        return reader.completeCommand(editLine)
    }

    static let interruptEntry: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        guard let editLine, let reader = reader(for: editLine) else { return cd_cc_error() }
        return reader.interruptLine(editLine)
    }

    static let refreshPromptEntry: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        guard let editLine, let reader = reader(for: editLine) else { return cd_cc_error() }
        return reader.refreshPrompt()
    }

    static let suspendEntry: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
        guard let editLine, let reader = reader(for: editLine) else { return cd_cc_error() }
        return reader.suspendFromKeyboard(editLine)
    }
}
