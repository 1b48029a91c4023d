import Foundation
import Testing

/// Compares `actual` with the text snapshot `Snapshots/<name>.<extension>`
/// next to this test target's sources (swift-argument-parser style, no
/// dependencies).
///
/// - The file is missing: the test **fails** and the file is written, so a
///   new snapshot is never silently accepted; review it and re-run.
/// - `SEGLENS_RECORD=1` in the environment: the file is (re)written and the
///   test fails with "Recorded"; unset it and re-run.
/// - Otherwise the strings must be equal; the failure shows the first
///   differing line and both texts.
///
/// ```swift
/// @Test func helpOverlay() {
///     assertSnapshot(view(model).text, named: "help-80x24")
/// }
/// ```
func assertSnapshot(
    _ actual: String,
    named name: String,
    extension fileExtension: String = "txt",
    filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = snapshotDirectory(filePath: filePath)
    let file = directory.appendingPathComponent("\(name).\(fileExtension)")
    let record = ProcessInfo.processInfo.environment["SEGLENS_RECORD"].map { !$0.isEmpty && $0 != "0" } ?? false
    let existing = try? String(contentsOf: file, encoding: .utf8)

    if record || existing == nil {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            let why = existing == nil ? "No snapshot existed" : "SEGLENS_RECORD is set"
            Issue.record(
                "\(why): recorded \(file.path). Review it, then re-run without SEGLENS_RECORD.",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = existing, expected != actual else { return }
    let expectedLines = expected.components(separatedBy: "\n")
    let actualLines = actual.components(separatedBy: "\n")
    let firstDifference =
        zip(expectedLines, actualLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
        ?? min(expectedLines.count, actualLines.count)
    func line(_ lines: [String], _ index: Int) -> String {
        index < lines.count ? "'\(lines[index])'" : "(no line)"
    }
    Issue.record(
        """
        Snapshot \(file.lastPathComponent) differs at line \(firstDifference + 1):
          expected: \(line(expectedLines, firstDifference))
          actual:   \(line(actualLines, firstDifference))
        --- expected
        \(expected)
        --- actual
        \(actual)
        (SEGLENS_RECORD=1 re-records.)
        """,
        sourceLocation: sourceLocation)
}

/// `Tests/SegLensUITests/Snapshots`, found from this file's path.
private func snapshotDirectory(filePath: String) -> URL {
    var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while url.lastPathComponent != "SegLensUITests", url.path != "/" {
        url.deleteLastPathComponent()
    }
    if url.path == "/" { url = URL(fileURLWithPath: filePath).deletingLastPathComponent() }
    return url.appendingPathComponent("Snapshots")
}
