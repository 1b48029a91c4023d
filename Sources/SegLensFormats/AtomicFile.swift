import Foundation

/// Writes a whole file so that readers see either the old contents or the new ones, never a part.
///
/// The bytes go to a new temporary file beside the destination (same directory, so same file system), which is
/// flushed to disk with `fsync` and then moved into place: with `rename(2)` when replacing is allowed, with `link(2)`
/// otherwise, which fails atomically when the destination exists (no window between a check and the write). When
/// anything fails the temporary file is removed and an existing destination is left byte for byte as it was.
///
/// A big file can be written in pieces (``write(to:overwrite:_:)``): the writer appends to the temporary file as it
/// produces the bytes, so that the whole file never needs to be in memory.
public enum AtomicFile {
    /// What to do when the destination already exists.
    public enum Overwrite: Sendable {
        /// Fail with a message that names `--force`; the existing file is not touched.
        case refuse
        /// Replace it (the `--force` of the commands).
        case replace
    }

    /// The temporary file being written, given to the writer of ``write(to:overwrite:_:)``.
    public struct Output {
        fileprivate let descriptor: Int32
        fileprivate let path: String

        /// Appends the bytes of the first `count` elements of `elements` (all of them when nil), as they are in
        /// memory.
        public func append<Element: BitwiseCopyable>(_ elements: [Element], count: Int? = nil) throws(FormatError) {
            let byteCount = (count ?? elements.count) * MemoryLayout<Element>.stride
            precondition(byteCount <= elements.count * MemoryLayout<Element>.stride, "count beyond the elements")
            let code = elements.withUnsafeBytes { bytes -> Int32 in
                var written = 0
                while written < byteCount {
                    let count = Foundation.write(descriptor, bytes.baseAddress! + written, byteCount - written)
                    if count < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    written += count
                }
                return 0
            }
            if code != 0 { throw AtomicFile.failure(path, "cannot write the file", code) }
        }
    }

    /// Writes `bytes` to `path` atomically; `overwrite` says whether an existing file may be replaced.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Overwrite) throws(FormatError) {
        try write(to: path, overwrite: overwrite) { output throws(FormatError) in try output.append(bytes) }
    }

    /// Writes the bytes that `produce` appends to its ``Output`` to `path` atomically; `overwrite` says whether an
    /// existing file may be replaced. When `produce` throws, the temporary file is removed and the error passed on.
    public static func write(
        to path: String, overwrite: Overwrite, _ produce: (Output) throws(FormatError) -> Void
    ) throws(FormatError) {
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
        guard descriptor >= 0 else { throw failure(path, "cannot create a temporary file beside it") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            try produce(Output(descriptor: descriptor, path: path))
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        let mode = mode_t(0o666) & ~currentUmask()
        if fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw failure(path, "cannot write the file", code)
        }
        close(descriptor)
        switch overwrite {
        case .replace:
            if rename(temporary, path) != 0 {
                let code = errno
                unlink(temporary)
                throw failure(path, "cannot move the new file into place", code)
            }
        case .refuse:
            let linked = link(temporary, path)
            let code = errno
            unlink(temporary)
            if linked != 0 {
                if code == EEXIST {
                    throw FormatError(kind: .cannotWrite, path: path, message: "exists already; pass --force to replace it")
                }
                throw failure(path, "cannot move the new file into place", code)
            }
        }
    }

    /// A write failure at `path`: `what` and the system's reason for `code`.
    fileprivate static func failure(_ path: String, _ what: String, _ code: Int32 = errno) -> FormatError {
        FormatError(kind: .cannotWrite, path: path, message: "\(what) (\(String(cString: strerror(code))))")
    }

    /// The process's file-creation mask, which `mkstemp`'s 0600 would otherwise ignore.
    private static func currentUmask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }
}
