import Foundation
import Testing

@Suite struct SnapshotHelperTests {
    @Test func mismatchFails() {
        withKnownIssue {
            assertSnapshot("not the layout\n", named: "canvas-layout-ascii")
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("differs at line 1") }
        }
    }

    @Test func missingSnapshotFailsAndIsWritten() throws {
        let name = "zz-missing-\(UUID().uuidString)"
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Snapshots/\(name).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        withKnownIssue {
            assertSnapshot("fresh\n", named: name)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "fresh\n")
    }
}
