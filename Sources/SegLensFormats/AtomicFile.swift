import Foundation

/// Writes a whole file so that readers see either the old contents or the new ones, never a part.
///
/// The bytes go to a new temporary file beside the destination (same directory, so same file system), which is
/// flushed to disk with `fsync` and then moved into place: with `rename(2)` when replacing is allowed, with `link(2)`
/// otherwise, which fails atomically when the destination exists (no window between a check and the write). When
/// anything fails the temporary file is removed and an existing destination is left byte for byte as it was.
public enum AtomicFile {
    /// What to do when the destination already exists.
    public enum Overwrite: Sendable {
        /// Fail with a message that names `--force`; the existing file is not touched.
        case refuse
        /// Replace it (the `--force` of the commands).
        case replace
    }

    /// Writes `bytes` to `path` atomically; `overwrite` says whether an existing file may be replaced.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Overwrite) throws(FormatError) {
        func failure(_ what: String, _ code: Int32 = errno) -> FormatError {
            FormatError(kind: .cannotWrite, path: path, message: "\(what) (\(String(cString: strerror(code))))")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw FormatError(kind: .cannotWrite, path: path, message: "is a directory")
            }
            if overwrite == .refuse {
                throw FormatError(kind: .cannotWrite, path: path, message: "exists already; pass --force to replace it")
            }
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/.\(name).seglens-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure("cannot create a temporary file beside it") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw failure("cannot write the file", code)
            }
            written += count
        }
        let mode = mode_t(0o666) & ~currentUmask()
        if fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw failure("cannot write the file", code)
        }
        close(descriptor)
        switch overwrite {
        case .replace:
            if rename(temporary, path) != 0 {
                let code = errno
                unlink(temporary)
                throw failure("cannot move the new file into place", code)
            }
        case .refuse:
            let linked = link(temporary, path)
            let code = errno
            unlink(temporary)
            if linked != 0 {
                if code == EEXIST {
                    throw FormatError(kind: .cannotWrite, path: path, message: "exists already; pass --force to replace it")
                }
                throw failure("cannot move the new file into place", code)
            }
        }
    }

    /// The process's file-creation mask, which `mkstemp`'s 0600 would otherwise ignore.
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
