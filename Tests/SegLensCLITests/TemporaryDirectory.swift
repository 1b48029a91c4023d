import Foundation
import SegLensCore
import SegLensFormats

/// A fresh directory for one test's input and output files, removed when the test lets go of it.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("seglens-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` in the directory.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `labels` as an `<i4` NPY file and returns its path.
    func npy(_ name: String, labels: LabelMap) throws -> String {
        try NPYWriter.write(labels, to: path(name), overwrite: .replace)
        return path(name)
    }

    /// Writes `values` of `shape` as an `<f8` NPY file and returns its path.
    func npy(_ name: String, shape: [Int], values: [Double]) throws -> String {
        try NPYWriter.write(NumpyArray(shape: shape, storage: .doubles(values)), to: path(name), overwrite: .replace)
        return path(name)
    }

    /// Writes `bytes` and returns the path.
    func file(_ name: String, bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    /// Writes `text` as UTF-8 and returns the path.
    func file(_ name: String, text: String) throws -> String {
        try file(name, bytes: Array(text.utf8))
    }
}
