import SegLensFormats

/// The formats a truth or prediction file may have, told apart by their first bytes (never by the extension).
enum InputFileFormat: String {
    case npy = "NPY"
    case png = "PNG"
    case pgm = "PGM"

    /// The format whose magic bytes `bytes` starts with: `\x93NUMPY`, `\x89PNG\r\n\x1a\n`, `P2` or `P5`.
    init(of bytes: [UInt8], path: String) throws(CommandFailure) {
        if bytes.starts(with: [0x93] + Array("NUMPY".utf8)) {
            self = .npy
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: Array("P2".utf8)) || bytes.starts(with: Array("P5".utf8)) {
            self = .pgm
        } else {
            throw CommandFailure(.badData, "\(path): not an NPY, PNG or PGM file (unknown first bytes)")
        }
    }
}
