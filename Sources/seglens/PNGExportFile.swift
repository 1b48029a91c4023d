import Foundation
import SegLensFormats
import SegLensUI

/// Writes ``SegLensUI/ExportImage``s as palette PNGs through libpng, always with ``AtomicFile`` (a temporary file
/// renamed into place: a failed write leaves an existing file as it was).
enum PNGExportFile {
    static func encode(_ image: ExportImage) throws(FormatError) -> [UInt8] {
        let palette = ExportImage.palette.map { RGB(red: $0.red, green: $0.green, blue: $0.blue) }
        return try PNGWriter.encode(IndexedImage(height: image.height, width: image.width, indices: image.indices, palette: palette))
    }

    /// Writes `image` to `path`; an existing file is replaced only with `force`.
    static func write(_ image: ExportImage, to path: String, force: Bool) throws(FormatError) {
        do {
            try AtomicFile.write(try encode(image), to: path, overwrite: force ? .replace : .refuse)
        } catch {
            var error = error
            error.path = path
            throw error
        }
    }

    /// Writes `image` as `seglens-<input>-<n>.png` in `directory` with the first `n` whose file does not exist yet
    /// (never overwriting one, even if it appears meanwhile); returns the file name.
    static func writeNext(_ image: ExportImage, input: String, directory: String = ".") throws(FormatError) -> String {
        let bytes = try encode(image)
        for number in 1...100_000 {
            let name = PNGExport.fileName(input: input, number: number)
            let path = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path) { continue }
            do {
                try AtomicFile.write(bytes, to: path, overwrite: .refuse)
                return name
            } catch {
                if FileManager.default.fileExists(atPath: path) { continue }  // another export took the name
                throw error
            }
        }
        throw FormatError(kind: .cannotWrite, path: directory, message: "no free seglens-\(input)-N.png name")
    }
}

extension InputOptions {
    /// The stem of the input's file name, for export names ("sample" for the built-in sample).
    var exportName: String {
        guard let path = file ?? truth else { return "sample" }
        return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}
