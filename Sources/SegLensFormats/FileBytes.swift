import Foundation

/// Whole-file reading with errors as ``FormatError`` (writing: ``AtomicFile``).
public enum FileBytes {
    /// The contents of the regular file at `path`. Anything else is refused without reading: a directory, a FIFO
    /// or a device (a FIFO without a writer would block forever; it is opened non-blocking only to be looked at).
    public static func read(_ path: String) throws(FormatError) -> [UInt8] {
        func failure() -> FormatError {
            FormatError(kind: .cannotOpen, path: path, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure() }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let error = failure()
            close(descriptor)
            throw error
        }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(descriptor)
            let what = switch type {
            case S_IFDIR: "a directory"
            case S_IFIFO: "a FIFO (named pipe)"
            case S_IFCHR, S_IFBLK: "a device"
            case S_IFSOCK: "a socket"
            default: "not a regular file"
            }
            throw FormatError(kind: .cannotOpen, path: path, message: "cannot read \(what): give a regular file")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        guard let file = fdopen(descriptor, "rb") else {
            let error = failure()
            close(descriptor)
            throw error
        }
        defer { fclose(file) }
        // One buffer of the size the file has; should it have grown since, the rest is appended.
        let size = Int(status.st_size)
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = size > 0 ? fread(buffer.baseAddress!, 1, size, file) : 0
        }
        if bytes.count < size {
            if ferror(file) != 0 { throw failure() }
            return bytes
        }
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
