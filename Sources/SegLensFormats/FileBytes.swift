import Foundation

/// Whole-file reading and writing with errors as ``FormatError``.
enum FileBytes {
    /// The contents of the file at `path`.
    static func read(_ path: String) throws(FormatError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FormatError(kind: .cannotOpen, path: path, message: "cannot open the file (\(reason(of: error)))")
        }
    }

    /// Replaces the file at `path` with `bytes`.
    static func write(_ bytes: [UInt8], to path: String) throws(FormatError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FormatError(kind: .cannotWrite, path: path, message: "cannot write the file (\(reason(of: error)))")
        }
    }

    /// The system's words for a failed file operation, e.g. "No such file or directory".
    private static func reason(of error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
