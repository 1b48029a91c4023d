import Foundation

/// A file named by `--truth`, `--logits` or `--probs`, with the array to take from a numpy `.npz` archive:
/// `a.npz:mask`. A path that names an existing file is taken whole, so a file whose name has a colon still reads.
struct InputPath: CustomStringConvertible {
    var file: String
    /// The array name after the last colon, for an `.npz` archive.
    var array: String?

    init(_ spec: String) {
        if !FileManager.default.fileExists(atPath: spec), let colon = spec.lastIndex(of: ":"),
           !spec[spec.index(after: colon)...].isEmpty, !spec[spec.index(after: colon)...].contains("/"),
           colon != spec.startIndex {
            file = String(spec[..<colon])
            array = String(spec[spec.index(after: colon)...])
        } else {
            file = spec
            array = nil
        }
    }

    var description: String { array.map { "\(file):\($0)" } ?? file }
}
