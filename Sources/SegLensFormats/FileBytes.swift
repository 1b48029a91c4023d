import Foundation

/// Whole-file reading with errors as ``FormatError`` (writing: ``AtomicFile``).
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
}
