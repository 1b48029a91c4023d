import Foundation
import Testing

/// What one run of the built `seglens` binary did.
struct CommandResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }

    /// Standard output parsed as one JSON object.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try #require(object as? [String: Any], "stdout is not a JSON object: \(stdout)")
    }
}

/// Runs the `seglens` executable built next to the test bundle, as a subprocess.
enum SegLensProcess {
    /// The built binary: `seglens` in the directory of the running test executable (`.build/<config>/`).
    static let executable: URL? = {
        var directories: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        if let first = CommandLine.arguments.first {
            directories.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        for directory in directories {
            let candidate = directory.appendingPathComponent("seglens")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }()

    /// Runs `seglens arguments…` in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        try run(executable: try built(), arguments: arguments, in: directory)
    }

    /// Runs `seglens arguments…` with files limited to `blocks` 512-byte blocks (`ulimit -f`) and SIGXFSZ
    /// ignored, so that a write past the limit fails with EFBIG: a failed write that even root cannot get round.
    static func run(_ arguments: [String], fileSizeLimitBlocks blocks: Int) throws -> CommandResult {
        let script = "trap '' XFSZ; ulimit -f \(blocks) && exec \"$0\" \"$@\""
        return try run(
            executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script, try built().path] + arguments, in: nil)
    }

    /// Runs `seglens arguments…` in `directory` under GNU time: the result, the child's peak resident memory in KB
    /// and its CPU time (user + system) in seconds, which a loaded machine does not inflate as it does wall time.
    static func run(
        _ arguments: [String], measuringIn directory: URL
    ) throws -> (result: CommandResult, peakKB: Int?, cpuSeconds: Double?) {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("seglens-time-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: report) }
        let result = try run(
            executable: URL(fileURLWithPath: "/usr/bin/time"),
            arguments: ["-f", "%M %U %S", "-o", report.path, try built().path] + arguments, in: directory)
        let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        let fields = text.split(separator: "\n").last?.split(separator: " ").map(String.init) ?? []
        guard fields.count == 3, let peak = Int(fields[0]), let user = Double(fields[1]), let system = Double(fields[2]) else {
            return (result, nil, nil)
        }
        return (result, peak, user + system)
    }

    private static func built() throws -> URL {
        try #require(
            executable, "the seglens binary was not found next to the test bundle (\(Bundle.main.bundleURL.path)); run `swift build` first")
    }

    private static func run(executable: URL, arguments: [String], in directory: URL?) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read standard error on another thread so that neither pipe can fill up and block the child.
        let errorData = PipeReader(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.wait(), as: UTF8.self))
    }
}
