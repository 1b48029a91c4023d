import Foundation
import Testing
import SegLensCore

/// `seglens bench --json` lists every loss of the mode.
@Suite struct BenchTests {
    @Test(arguments: [(1, SegmentationMode.binary), (3, .multiclass)])
    func benchListsEveryLoss(classes: Int, mode: SegmentationMode) throws {
        let result = try SegLensProcess.run(["bench", "--json", "--size", "32", "--repeat", "2", "--classes", "\(classes)"])
        try #require(result.status == 0, "\(result)")
        let rows = try #require(try result.json()["results"] as? [[String: Any]])
        #expect(rows.compactMap { $0["loss"] as? String } == Loss.catalogue(mode).map(\.name))
        #expect(rows.allSatisfy { $0["mode"] as? String == mode.rawValue && ($0["median_ms"] as? Double ?? -1) >= 0 })
    }
}
