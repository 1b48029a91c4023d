import Foundation
import Testing
import SegLensCore
import SegLensFormats
@testable import seglens

/// `InputOptions.scenario(lossOptions:)`, what the explorer is given: every prediction, the file's title and
/// starting loss, parameters from the `params:` line under the command line's options, the built-in sample.
@Suite struct ScenarioTests {
    @Test func maskFileWithOptions() throws {
        let directory = try TemporaryDirectory()
        let mask = try directory.file("example.mask", text: MaskExample.text)
        let scenario = try InputOptions.parse([mask]).scenario(lossOptions: LossOptions.parse(["--gamma", "3"]), editOptions: EditOptions.parse(["--blur", "1.5"]))
        #expect(scenario.title == "Mask test")
        #expect(scenario.predictions.map(\.name) == ["soft", "raw"])
        #expect(scenario.classNames == ["background", "foreground"])
        #expect(scenario.startingLoss == .binaryFocal)
        #expect(scenario.startingParameters[.binaryFocal] == LossParameters(alpha: 0.5, gamma: 3))
        #expect(scenario.startingParameters[.focalTversky]?.gamma == 3)
        #expect(scenario.truth.labels == MaskExample.labels)
        #expect(scenario.startingEdits == PredictionEdits(blur: 1.5, selectedClass: 0))
    }

    @Test func noInputIsTheBuiltInSample() throws {
        let sample = try MaskReader.parse(text: BuiltInSample.text, path: BuiltInSample.name)
        let scenario = try InputOptions.parse([]).scenario(lossOptions: LossOptions.parse([]), editOptions: EditOptions.parse([]))
        #expect(scenario.title == sample.title ?? BuiltInSample.name)
        #expect(scenario.predictions.map(\.name) == sample.predictions.map(\.name))
        #expect(scenario.truth == sample.truth)
    }
}
