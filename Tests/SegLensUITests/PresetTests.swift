import Foundation
import Testing
import SegLensCore
@testable import SegLensUI

/// Presets on the digit keys: a key selects the preset's loss with its values, the status line names it while it
/// is shown, the help lists every preset, and the state line round-trips it.
@Suite struct PresetTests {
    static let size = TerminalSize(rows: 24, columns: 80)

    static func model(_ scenario: Scenario = ExplorerFixtures.binary, keys: String) -> ExplorerModel {
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(try! Key.parseTokens(keys))
        return model
    }

    static func statusLine(_ model: ExplorerModel) -> String {
        ExplorerView.render(model, size: size, capabilities: ExplorerSnapshotTests.monochrome).text.split(separator: "\n").last.map(String.init) ?? ""
    }

    /// Focal with α none by hand: mean over kept pixels of (1 − p_t)^γ · (−log p_t).
    static func focal(_ scenario: Scenario, gamma: Double) -> Double {
        let input = scenario.predictions[0].input
        var sum = 0.0
        for pixel in input.keptPixels {
            let p = 1 / (1 + exp(-input.logits.values[pixel]))
            let pt = input.truth.labels[pixel] == 1 ? p : 1 - p
            sum += pow(1 - pt, gamma) * -log(pt)
        }
        return sum / Double(input.keptPixels.count)
    }

    @Test func builtInPresetsAreLossesOfTheModeWithValuesInRange() {
        for mode in SegmentationMode.allCases {
            let presets = Preset.builtIn(mode)
            #expect(!presets.isEmpty)
            #expect(Set(presets.map(\.number)).count == presets.count)
            for preset in presets {
                #expect(preset.loss.mode == mode)
                #expect((1...9).contains(preset.number))
                for parameter in preset.settings {
                    #expect(preset.values[parameter].map(preset.loss.range(of: parameter).contains) ?? (parameter == .alpha))
                }
            }
        }
    }

    @Test func aDigitAppliesItsPresetAndTheStatusLineSaysWhich() {
        let model = Self.model(keys: "<Tab> <Tab> 3")  // from another loss: 3 selects focal again
        #expect(model.selectedLoss == .binaryFocal)
        #expect(model.parameters[.binaryFocal] == LossParameters(alpha: nil, gamma: 5))
        #expect(model.selectedParameter == .alpha)
        #expect(abs(model.selectedResult.value - Self.focal(ExplorerFixtures.binary, gamma: 5)) < 1e-12)
        #expect(model.activePreset?.number == 3)
        #expect(Self.statusLine(model).hasPrefix(" preset 3: focal γ=5 (hard pixels only) "))
        // Turning a parameter leaves the preset: the status line stops naming it.
        var changed = model
        _ = changed.update([.down, .right])
        #expect(changed.activePreset == nil)
        #expect(!Self.statusLine(changed).contains("preset"))
    }

    @Test func aPresetStartsFromTheLossesStartingValuesNotFromWhatWasTurned() {
        // γ turned to 3 by hand, then preset 2 (γ = 2, α none): γ is 2 whatever it was before.
        let model = Self.model(keys: "g <Right> <Right> <Right> <Right> 2")
        #expect(model.parameters[.binaryFocal] == LossParameters(alpha: nil, gamma: 2))
        #expect(abs(model.selectedResult.value - Self.focal(ExplorerFixtures.binary, gamma: 2)) < 1e-12)
    }

    @Test func aFileSPresetsReplaceTheBuiltInOnesAndAMissingOneSaysSo() {
        var scenario = ExplorerFixtures.binary
        scenario.presets = [
            Preset(number: 4, name: "Dice says 0.5", loss: .dice, settings: [.smooth], values: LossParameters(smooth: 1)),
        ]
        let applied = Self.model(scenario, keys: "4")
        #expect(applied.selectedLoss == .dice)
        #expect(applied.parameters[.dice]?.smooth == 1)
        #expect(Self.statusLine(applied).hasPrefix(" preset 4: Dice says 0.5 "))
        let missing = Self.model(scenario, keys: "3")
        #expect(missing.selectedLoss == .binaryFocal)
        #expect(missing.message == "no preset 3 (presets: 4)")
    }

    @Test func theHelpListsEveryPresetOnItsKey() {
        let scenario = ExplorerFixtures.binary
        var text = ""
        for page in 0..<4 {
            var model = ExplorerModel(scenario: scenario)
            _ = model.update([.character("?")] + Array(repeating: Key.right, count: page))
            text += ExplorerView.render(model, size: Self.size, capabilities: ExplorerSnapshotTests.monochrome).text
        }
        for preset in scenario.presets {
            #expect(text.contains("\(preset.number)  \(preset.name)"), "preset \(preset.number)")
        }
    }

    @Test(arguments: ["3", "5 <Down> <Right>", "8 <Down>", "2 <Tab>", "9 <S-Tab> 6"])
    func theStateLineRoundTripsAPreset(keys: String) throws {
        let scenario = ExplorerFixtures.binary
        let model = Self.model(scenario, keys: keys)
        let text = ExplorerState(model).text(scenario: scenario)
        var restored = ExplorerModel(scenario: scenario)
        restored.restore(try ExplorerState.parse(text, scenario: scenario))
        #expect(ExplorerState(restored) == ExplorerState(model), "\(text)")
        #expect(Self.statusLine(restored) == Self.statusLine(model))
    }

    @Test func aFreshPresetIsOneWordOfTheStateLine() throws {
        let scenario = ExplorerFixtures.binary
        #expect(ExplorerState(Self.model(scenario, keys: "3")).text(scenario: scenario) == "preset=3")
        #expect(ExplorerState(Self.model(scenario, keys: "3 <Down> <Right>")).text(scenario: scenario)
            == "select=gamma focal.alpha=none focal.gamma=5.25")
        #expect(throws: StateError.self) { try ExplorerState.parse("preset=0", scenario: scenario) }
    }
}
