import Foundation
import Testing
import SegLensCore

/// `seglens bench --json` lists every loss of the mode with its warm, cold and eval-path figures and the one-pass
/// floor of the same run; `--table` lists every row of issue 12's target table. Small inputs: a benchmark run in
/// CI that checks the report, never a time.
@Suite struct BenchTests {
    @Test(arguments: [(1, SegmentationMode.binary), (3, .multiclass)])
    func benchListsEveryLoss(classes: Int, mode: SegmentationMode) throws {
        let result = try SegLensProcess.run(["bench", "--json", "--size", "32", "--repeat", "2", "--classes", "\(classes)"])
        try #require(result.status == 0, "\(result)")
        let rows = try #require(try result.json()["results"] as? [[String: Any]])
        #expect(rows.compactMap { $0["loss"] as? String } == Loss.catalogue(mode).map(\.name))
        #expect(rows.allSatisfy { $0["mode"] as? String == mode.rawValue && ($0["median_ms"] as? Double ?? -1) >= 0 })
        for row in rows {
            let warm = try #require(row["warm_ms"] as? Double), cold = try #require(row["cold_ms"] as? Double)
            let maps = try #require(row["eval_maps_ms"] as? Double), floor = try #require(row["floor_ms"] as? Double)
            #expect(warm > 0 && cold > 0 && maps > 0 && floor > 0, "\(row)")
            #expect(abs(try #require(row["warm_floor_multiple"] as? Double) - warm / floor) <= 1e-9 * warm / floor)
            #expect(abs(try #require(row["cold_floor_multiple"] as? Double) - cold / floor) <= 1e-9 * cold / floor)
            // The Float warm path is timed exactly for the losses that have a Float kernel.
            let loss = try #require(Loss.named(row["loss"] as? String ?? "", mode: mode))
            #expect((row["warm_float_ms"] as? Double).map { $0 > 0 } == (loss.hasFloatKernel ? true : nil), "\(row)")
        }
        // One floor per run, shared by every row.
        #expect(Set(rows.compactMap { $0["floor_ms"] as? Double }).count == 1)
    }

    @Test func tableListsEveryTargetRow() throws {
        let result = try SegLensProcess.run(["bench", "--table", "--json", "--size", "16", "--repeat", "1"])
        try #require(result.status == 0, "\(result)")
        let rows = try #require(try result.json()["table"] as? [[String: Any]])
        let pairs = rows.map { "\($0["mode"] as? String ?? "?"):\($0["loss"] as? String ?? "?")" }
        #expect(pairs == [
            "binary:focal", "binary:bce", "binary:weighted-bce", "binary:balanced-bce",
            "binary:dice", "binary:dice-squared", "binary:iou", "binary:tversky", "binary:focal-tversky",
            "binary:lovasz-hinge",
            "multiclass:ce", "multiclass:focal", "multiclass:dice", "multiclass:tversky", "multiclass:lovasz-softmax",
            "binary:key:focal",
        ])
        let targets = rows.compactMap { $0["target_ms"] as? Double }
        #expect(targets == [4, 4, 4, 4, 2, 2, 2, 2, 2, 35, 25, 25, 25, 25, 250, 8])
        #expect(rows.dropLast().allSatisfy { $0["classes"] as? Int == ($0["mode"] as? String == "binary" ? 1 : 21) })
        #expect(rows.allSatisfy { $0["meets_target"] is Bool })
    }
}
