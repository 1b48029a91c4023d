import Foundation

/// Whole-file reading and writing with errors as ``FormatError``.
public enum FileBytes {
    /// The contents of the file at `path`.
    public static func read(_ path: String) throws(FormatError) -> [UInt8] {
        func failure() -> FormatError {
            FormatError(kind: .cannotOpen, path: path, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        guard let file = fopen(path, "rb") else { throw failure() }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            bytes.append(contentsOf: chunk[0..<count])
            if count < chunk.count {
                if ferror(file) != 0 { throw failure() }
                return bytes
            }
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
