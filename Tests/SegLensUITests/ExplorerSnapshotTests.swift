import Testing
import SegLensCore
@testable import SegLensUI

/// The explorer's screens as text: every heatmap mode, multi-class, help, too small, ASCII and monochrome, at
/// 80×24 and 160×48. Review a snapshot when it changes; `SEGLENS_RECORD=1` rewrites them.
@Suite struct ExplorerSnapshotTests {
    static let small = TerminalSize(rows: 24, columns: 80)
    static let large = TerminalSize(rows: 48, columns: 160)
    static let monochrome = Capabilities(colorDepth: .none, unicode: true)

    func screen(_ scenario: Scenario, keys: String = "", size: TerminalSize = small, capabilities: Capabilities = monochrome) -> String {
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(try! Key.parseTokens(keys))
        return ExplorerView.render(model, size: size, capabilities: capabilities).text
    }

    @Test(arguments: [("", "weight"), ("m", "loss"), ("m m", "errors"), ("m m m", "gradient")])
    func everyHeatmapModeOfFocal(keys: String, mode: String) {
        assertSnapshot(screen(ExplorerFixtures.binary, keys: keys), named: "binary-focal-\(mode)-80x24")
        assertSnapshot(screen(ExplorerFixtures.binary, keys: keys, size: Self.large), named: "binary-focal-\(mode)-160x48")
    }

    @Test func regionLossHasNoPerPixelLossView() {
        // Tab from focal reaches dice; m goes from the weight past the loss view, which region losses do not have,
        // to the errors.
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "<Tab> m"), named: "binary-dice-loss-80x24")
    }

    @Test func multiclass() {
        assertSnapshot(screen(ExplorerFixtures.multiclass), named: "multiclass-focal-weight-80x24")
        assertSnapshot(screen(ExplorerFixtures.multiclass, keys: "<Tab> <Tab> <Tab>", size: Self.large),
                       named: "multiclass-tversky-weight-160x48")
    }

    @Test func helpOverlay() {
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "?"), named: "help-80x24")
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "?", size: Self.large), named: "help-160x48")
    }

    @Test func largeInputsAreDownsampledAndSaySo() {
        let input = SyntheticInput.make(size: 240, classes: 1, seed: 7)
        let scenario = Scenario(
            title: "240×240 synthetic", classNames: ["background", "blob"],
            predictions: [Scenario.Prediction(name: "noisy", input: input)])
        let text = screen(scenario)
        // 240 rows into the 11 inner rows of a panel (24 less the header, 6 table rows, the legend line — the
        // truth's legend does not fit its 26-column panel —, the parameters, metrics and status lines, and 2
        // borders), 240 columns into 12 dots of two cells each (24 inner columns): square blocks of
        // max(⌈240/11⌉, ⌈240/12⌉) = 22 pixels.
        #expect(text.split(separator: "\n")[1].contains(" 1:22 "))
        assertSnapshot(text, named: "downsampled-240-80x24")
        assertSnapshot(screen(scenario, keys: "+ + D"), named: "downsampled-240-zoomed-80x24")
    }

    @Test func tooSmall() {
        assertSnapshot(screen(ExplorerFixtures.binary, size: TerminalSize(rows: 20, columns: 70)), named: "too-small-70x20")
        assertSnapshot(screen(ExplorerFixtures.binary, size: TerminalSize(rows: 48, columns: 79)), named: "too-small-79x48")
    }

    @Test func asciiOnly() {
        assertSnapshot(screen(ExplorerFixtures.binary, capabilities: .plain), named: "binary-ascii-80x24")
        assertSnapshot(screen(ExplorerFixtures.multiclass, size: Self.large, capabilities: .plain), named: "multiclass-ascii-160x48")
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "?", capabilities: .plain), named: "help-ascii-80x24")
    }

    @Test func colourScreensUseHalfBlocksAndColours() {
        var model = ExplorerModel(scenario: ExplorerFixtures.binary)
        _ = model.update([])
        let canvas = ExplorerView.render(model, size: Self.small, capabilities: .full)
        assertSnapshot(ANSIRenderer.render(canvas, capabilities: .full), named: "binary-focal-weight-256", extension: "ansi")
        let sixteen = Capabilities(colorDepth: .sixteen, unicode: true)
        let adapted = ExplorerView.render(model, size: Self.small, capabilities: sixteen)
        #expect(adapted.cells.allSatisfy { cell in
            [cell.foreground, cell.background].allSatisfy { if case let .indexed(i) = $0 { i < 16 } else { true } }
        })
    }
}

/// The presentation view (`f`, `--present`): grids, heatmap and the selected loss only, in large cells.
@Suite struct PresentViewTests {
    func screen(_ scenario: Scenario, keys: String, size: TerminalSize, capabilities: Capabilities = ExplorerSnapshotTests.monochrome) -> Canvas {
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(try! Key.parseTokens(keys))
        return ExplorerView.render(model, size: size, capabilities: capabilities)
    }

    @Test func presentationSnapshots() {
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "f", size: ExplorerSnapshotTests.small).text, named: "present-binary-80x24")
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "f g <Right>", size: ExplorerSnapshotTests.large).text,
                       named: "present-binary-160x48")
        assertSnapshot(screen(ExplorerFixtures.multiclass, keys: "f m", size: ExplorerSnapshotTests.small).text,
                       named: "present-multiclass-80x24")
    }

    /// With colour the presentation view fills whole cells (two columns, at least one row per pixel) instead of
    /// half blocks: the 6×10 fixture at 160×48 gets 5×5-unit pixels (10 columns × 5 rows), against 2 dots ×
    /// 1 column in the normal view.
    @Test func colourPixelsAreFilledCells() {
        let canvas = screen(ExplorerFixtures.binary, keys: "f", size: ExplorerSnapshotTests.large, capabilities: .full)
        #expect(!canvas.cells.contains { $0.glyph == "▀" })
        // The truth's object (rows 1–2, columns 3–5 of the mask) is one colour over 3·2k columns × 2k rows.
        let objectColour = canvas.cells.filter { $0.background == .indexed(214) }.count
        let inner = PresentView.panels(ExplorerSnapshotTests.large)[0].inset(by: 1)
        let k = min(inner.height / 6, inner.width / 2 / 10)
        #expect(objectColour == 6 * (2 * k) * k)
        #expect(k >= 2)
    }

    @Test func togglesBack() {
        let normal = screen(ExplorerFixtures.binary, keys: "", size: ExplorerSnapshotTests.small)
        #expect(screen(ExplorerFixtures.binary, keys: "f f", size: ExplorerSnapshotTests.small) == normal)
    }
}
