import Testing
import SegLensCore
import SegLensUI

/// Trained frames and the race view as text, at 80×24 and 160×48 (`SEGLENS_RECORD=1` rewrites them).
@Suite struct TrainingSnapshotTests {
    static let sizes = [("80x24", TerminalSize(rows: 24, columns: 80)), ("160x48", TerminalSize(rows: 48, columns: 160))]

    func screen(_ scenario: Scenario, keys: String, size: TerminalSize, capabilities: Capabilities) -> String {
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(try! Key.parseTokens(keys))
        return ExplorerView.render(model, size: size, capabilities: capabilities).text
    }

    @Test(arguments: sizes)
    func aTrainedFrame(name: String, size: TerminalSize) {
        // Dice, eight SGD steps at η = 20: the object is found, the loss table and metrics follow.
        let text = screen(ExplorerFixtures.binary, keys: "<Tab> < n n n n n n n n", size: size, capabilities: Capabilities(colorDepth: .none, unicode: true))
        #expect(text.contains("step 8"))
        assertSnapshot(text, named: "trained-dice-\(name)")
    }

    @Test(arguments: sizes)
    func theRace(name: String, size: TerminalSize) {
        let keys = "R < " + String(repeating: "n ", count: 30)
        assertSnapshot(screen(ExplorerFixtures.binary, keys: keys, size: size, capabilities: Capabilities(colorDepth: .none, unicode: true)),
                       named: "race-binary-\(name)")
    }

    @Test func theRaceInASCII() {
        let keys = "R ] ] " + String(repeating: "n ", count: 8)
        assertSnapshot(screen(ExplorerFixtures.multiclass, keys: keys, size: TerminalSize(rows: 24, columns: 80), capabilities: .plain),
                       named: "race-multiclass-ascii-80x24")
    }
}
