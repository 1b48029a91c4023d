import SegLensFormats

/// The formats a truth or prediction file may have, told apart by their first bytes (never by the extension).
enum InputFileFormat: String {
    case npy = "NPY"
    case npz = "NPZ"
    case png = "PNG"
    case pgm = "PGM"

    /// The format whose magic bytes `bytes` starts with: `\x93NUMPY`, `PK\x03\x04` (a ZIP, as numpy's `.npz`),
    /// `\x89PNG\r\n\x1a\n`, `P2` or `P5`. An empty file and a JPEG are named as such.
    init(of bytes: [UInt8], path: String) throws(CommandFailure) {
        if bytes.isEmpty {
            throw CommandFailure(.badData, "\(path): the file is empty (0 bytes)")
        } else if bytes.starts(with: [0x93] + Array("NUMPY".utf8)) {
            self = .npy
        } else if ZipArchive.hasMagic(bytes) {
            self = .npz
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: Array("P2".utf8)) || bytes.starts(with: Array("P5".utf8)) {
            self = .pgm
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            throw CommandFailure(
                .badData, "\(path): byte 0: a JPEG file; JPEG is lossy: masks need PNG (or PGM, NPY), predictions NPY")
        } else {
            throw CommandFailure(.badData, "\(path): byte 0: not an NPY, NPZ, PNG or PGM file (unknown first bytes)")
        }
    }
}
