import Foundation
import Testing

/// `seglens soak`: random key presses through the explorer's model and view, small enough for CI (the long runs are
/// in the closing notes and README). Checks the report and that the memory check can fail, never a time.
@Suite struct SoakTests {
    @Test func randomPressesOverSamplesAndASyntheticInputHold() throws {
        let files = [RenderTests.sample("street-scene.mask")]
        let result = try SegLensProcess.run(["soak"] + files + ["--size", "48", "--presses", "2200", "--seed", "7"])
        try #require(result.status == 0, "\(result)")
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 2, "\(result)")
        for (row, name) in zip(rows, files + ["synthetic 48×48"]) {
            #expect(row.hasPrefix(name), "\(row)")
            // presses, trained frames, MB after 1,000 presses, MB at the end, growth, peak, bare-NaN frames, seconds
            let fields = row.dropFirst(name.count).split(separator: " ")
            #expect(fields.count == 8, "\(row)")
            #expect(fields.first == "1100")  // 2200 presses shared by two inputs
            #expect(fields.count > 6 && fields[6] == "0", "a frame showed a bare NaN: \(row)")
        }
    }

    @Test func theSamePressesForTheSameSeed() throws {
        func trainedFrames(_ seed: String) throws -> Substring {
            let result = try SegLensProcess.run(["soak", RenderTests.sample("small-object.mask"), "--presses", "300", "--seed", seed])
            try #require(result.status == 0, "\(result)")
            let row = try #require(result.stdout.split(separator: "\n").last)
            return row.split(separator: " ")[2]
        }
        #expect(try trainedFrames("3") == trainedFrames("3"))
    }

    @Test func memoryGrowthBeyondTheToleranceFails() throws {
        // A tolerance of −100% demands that memory vanish: the check must report the input as failed.
        let result = try SegLensProcess.run(["soak", RenderTests.sample("small-object.mask"), "--presses", "1100", "--tolerance=-1"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("FAILED"))
        #expect(result.stderr.contains("soak failed"))
    }

    @Test func soakNeedsAnInput() throws {
        let result = try SegLensProcess.run(["soak"])
        #expect(result.status == 64, "\(result)")
    }
}
