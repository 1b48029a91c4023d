import Testing
import SegLensCore
import SegLensUI

/// `--state`: the state line round-trips exactly and bad lines are refused with the word's column.
@Suite struct ExplorerStateTests {
    static let pool: [Key] = [
        .tab, .backTab, .character("g"), .character("a"), .character("b"), .character("s"), .right, .left, .up, .down,
        .character("H"), .character("L"), .character("m"), .character("+"), .character("-"), .character("W"),
        .character("A"), .character("S"), .character("D"), .character("e"), .character("E"), .character("."),
        .character(","), .character("p"), .character("f"), .character("2"), .character("3"), .character("5"),
        .character("9"),
    ]

    /// A deterministic random walk over the explorer's keys.
    static func randomKeys(seed: UInt64, count: Int) -> [Key] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return pool[Int(state % UInt64(pool.count))]
        }
    }

    @Test(arguments: 1...40)
    func randomStatesRoundTrip(seed: Int) throws {
        let scenario = seed % 2 == 0 ? ExplorerFixtures.twoPredictions : ExplorerFixtures.multiclass
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(Self.randomKeys(seed: UInt64(seed), count: 30))
        let text = ExplorerState(model).text(scenario: scenario)
        var restored = ExplorerModel(scenario: scenario)
        restored.restore(try ExplorerState.parse(text, scenario: scenario))
        #expect(ExplorerState(restored) == ExplorerState(model), "\(text)")
        #expect(restored.results.map(\.value) == model.results.map(\.value))
        let size = TerminalSize(rows: 30, columns: 100)
        // The status line may differ (a message of the last key); everything else is the same screen.
        let screen = { (m: ExplorerModel) in
            ExplorerView.render(m, size: size, capabilities: .full).text.split(separator: "\n").dropLast()
        }
        #expect(screen(restored) == screen(model))
        #expect(!text.contains("'") && !text.contains("\n"))
    }

    @Test func aFreshExplorerHasAnEmptyStateAndAHandWrittenOneReads() throws {
        let scenario = ExplorerFixtures.twoPredictions
        #expect(ExplorerState(scenario: scenario).text(scenario: scenario) == "")
        let state = try ExplorerState.parse(
            "loss=tversky select=beta tversky.beta=0.7 focal.alpha=none prediction=2 view=errors zoom=1 center=2,7 shift=1,-1 harden=yes present=yes",
            scenario: scenario)
        #expect(state.loss == .tversky && state.parameterIndex == Loss.tversky.parameters.firstIndex(of: .beta))
        #expect(state.parameters[.tversky]?.beta == 0.7 && state.parameters[.binaryFocal]?.alpha == nil)
        #expect(state.prediction == 1 && state.heatmapMode == .errors && state.zoom == 1)
        #expect(state.centerRow == 2 && state.centerColumn == 7)
        #expect(state.edits == PredictionEdits(shiftX: 1, shiftY: -1, harden: true) && state.presenting)
    }

    @Test(arguments: [
        ("loss=nope", "loss=nope", 1, "no binary loss 'nope'"),
        ("loss=dice  zoom=9", "zoom=9", 12, "not a whole number in 0…3"),
        ("view=loss center=6,0", "center=6,0", 11, "A in 0…5"),
        ("focal.gamma=-1", "focal.gamma=-1", 1, "not a number"),
        ("prediction=3", "prediction=3", 1, "1…2"),
        ("loss", "loss", 1, "expected key=value"),
        ("dice.size=2", "dice.size=2", 1, "unknown key"),
        ("harden=maybe", "harden=maybe", 1, "yes or no"),
    ])
    func badLinesNameTheWordAndColumn(text: String, word: String, column: Int, reason: String) {
        do {
            _ = try ExplorerState.parse(text, scenario: ExplorerFixtures.twoPredictions)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.word == word && error.column == column, "\(error)")
            #expect(error.description.contains(reason), "\(error)")
        }
    }
}
