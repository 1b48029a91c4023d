import ArgumentParser
import Foundation
import SegLensFormats

/// `--force`, for every command that writes a file.
struct ForceOption: ParsableArguments {
    @Flag(help: "Replace an output file that exists already (never one of the inputs).") var force = false

    var overwrite: AtomicFile.Overwrite { force ? .replace : .refuse }
}

/// A file a command writes (`--output`, `--gradient-out`, `--save-logits`): written whole through ``AtomicFile``
/// (a temporary file beside it, then a rename), replaced only with `--force`, and never one of the command's inputs.
struct OutputFile {
    /// The option that names the file, for messages.
    var option: String
    var path: String
    var overwrite: AtomicFile.Overwrite

    /// Checks the output before any work is done: it is none of `inputs` (the same file under any name: same
    /// device and inode), and, without `--force`, does not exist yet. `AtomicFile` checks existence again when it
    /// writes, without a window between check and write.
    init(option: String, path: String, force: ForceOption, inputs: [String]) throws(CommandFailure) {
        try self.init(option: option, path: path, overwrite: force.overwrite, inputs: inputs)
    }

    /// As ``init(option:path:force:inputs:)``, for a command with its own `--force` flag.
    init(option: String, path: String, overwrite: AtomicFile.Overwrite, inputs: [String]) throws(CommandFailure) {
        self.option = option
        self.path = path
        self.overwrite = overwrite
        if let input = inputs.first(where: { Self.sameFile($0, path) }) {
            throw CommandFailure(
                .usage, "\(path): \(option) names the input \(input); seglens never writes onto an input, not even with --force")
        }
        if overwrite == .refuse, FileManager.default.fileExists(atPath: path) {
            throw CommandFailure(.cannotCreate, "\(path): exists already; pass --force to replace it")
        }
    }

    /// Writes through `write`, a writer of SegLensFormats given the path and the overwrite rule.
    func write(_ write: (String, AtomicFile.Overwrite) throws(FormatError) -> Void) throws(CommandFailure) {
        try CommandFailure.formats { () throws(FormatError) in try write(path, overwrite) }
    }

    /// Whether `a` and `b` name one existing file (also through a link or another spelling of the path).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
