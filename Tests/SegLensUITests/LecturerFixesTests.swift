import Testing
import SegLensCore
@testable import SegLensUI

/// What a lecturer saw over SSH (issue 8, §4): equal panels, a help overlay without a stray border column, a heat
/// value of 0 that does not vanish into the background, and region losses that fall back from the loss view once.
@Suite struct LecturerFixesTests {
    static let sizes = [TerminalSize(rows: 24, columns: 80), TerminalSize(rows: 30, columns: 100), TerminalSize(rows: 48, columns: 160)]

    static func model(_ keys: String, scenario: Scenario = ExplorerFixtures.binary) -> ExplorerModel {
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(try! Key.parseTokens(keys))
        return model
    }

    @Test(arguments: sizes)
    func theThreePanelsAreEquallyWide(size: TerminalSize) {
        let layout = ExplorerView.Layout(model: Self.model(""), size: size)
        #expect(Set(layout.panels.map(\.width)).count == 1, "\(layout.panels)")
        #expect(layout.panels.last!.endColumn <= size.columns)
        #expect(Set(PresentView.panels(size).map(\.width)).count == 1)
        // The boxes as drawn: three top-left corners, three top-right corners, as many columns apart.
        let top = ExplorerView.render(Self.model(""), size: size, capabilities: ExplorerSnapshotTests.monochrome).textLines()[1]
        let corners = top.enumerated().filter { $0.element == "┐" }.map(\.offset)
        #expect(corners.count == 3 && corners[1] - corners[0] == corners[2] - corners[1], "\(top)")
    }

    /// At 80×24 the help box is as wide as the screen: no column of the panels' borders beside it.
    @Test(arguments: sizes)
    func theHelpOverlayLeavesNoStrayBorderColumn(size: TerminalSize) {
        let lines = ExplorerView.render(Self.model("?"), size: size, capabilities: ExplorerSnapshotTests.monochrome).textLines()
        let boxRows = lines.enumerated().filter { $0.element.contains("┌─ keys") }.map(\.offset)
        let top = try! #require(boxRows.first)
        let row = Array(lines[top])
        let leftColumn = (0..<row.count).first { String(row[$0...].prefix(7)) == "┌─ keys" }!
        let right = row[leftColumn...].firstIndex(of: "┐")!
        // Either the box touches both screen edges, or at least three columns of the screen show beside it.
        let besideLeft = leftColumn, besideRight = size.columns - 1 - right
        #expect((besideLeft == 0 && besideRight == 0) || (besideLeft >= 1 && besideRight >= 1 && besideLeft + besideRight >= 3),
                "\(size): \(besideLeft) and \(besideRight) columns beside the help")
    }

    @Test func aHeatValueOfZeroIsADimDotNotTheBackground() {
        for capabilities in [Capabilities.full, ExplorerSnapshotTests.monochrome, Capabilities.plain] {
            let theme = Theme(capabilities: capabilities)
            let zero = theme.heatPaint(0), tiny = theme.heatPaint(1e-9)
            #expect(zero.glyph == (capabilities.unicode ? "·" : "."))
            #expect(zero.color != .indexed(16) && zero.color != .indexed(0) && zero.color != .default)
            #expect(tiny.glyph != " " && tiny.glyph != zero.glyph || !capabilities.unicode)
            #expect(theme.probabilityPaint(0).glyph == zero.glyph)
            #expect(theme.probabilityPaint(0.01).glyph != " ")
        }
        // Without colour every pixel of the 6×10 image shows in the heatmap: no blank inside the drawn grid.
        let canvas = ExplorerView.render(Self.model("m m m"), size: TerminalSize(rows: 48, columns: 160), capabilities: ExplorerSnapshotTests.monochrome)
        let layout = ExplorerView.Layout(model: Self.model(""), size: TerminalSize(rows: 48, columns: 160))
        let inner = layout.panels[2].inset(by: 1)
        let grid = PanelGrid(inner: inner, imageHeight: 6, imageWidth: 10, halfBlocks: false, zoom: 0, center: (3, 5))
        for row in grid.top..<(grid.top + grid.cellRows) {
            for column in grid.left..<(grid.left + grid.cellColumns) {
                #expect(canvas[row, column].glyph != " ", "blank heat cell at \(row), \(column)")
            }
        }
    }

    @Test func aRegionLossFallsBackFromTheLossViewToItsWeightAndSaysSoOnce() throws {
        // m: the loss view of focal; Tab: dice, a region loss without per-pixel loss.
        var model = Self.model("m <Tab>")
        #expect(model.selectedLoss == .dice && model.heatmapMode == .loss && model.shownHeatmapMode == .weight)
        #expect(model.message == "dice has no per-pixel loss: showing its weight")
        // The map shown is drawn: the weight, equal to the exact evaluation's (within Float32 rounding).
        let exactWeight = Loss.dice.evaluate(model.input, parameters: model.selectedResult.parameters).weight
        let drawn = try #require(PixelPanels.heatValues(model.selectedMaps, mode: .weight))
        #expect(zip(drawn, exactWeight).allSatisfy { abs(Double($0) - $1) <= 1e-6 * max(abs($1), 1e-12) })
        _ = model.update([.tab])
        #expect(model.shownHeatmapMode == .weight && model.message == nil)  // said once, not on every Tab
        let text = ExplorerView.render(model, size: TerminalSize(rows: 24, columns: 80), capabilities: .plain).text
        #expect(!text.contains("Press m") && text.contains("weight"))
        // Back on a pixel-wise loss the loss view returns; on a region loss m skips it.
        _ = model.update([.backTab, .backTab])
        #expect(model.selectedLoss == .binaryFocal && model.shownHeatmapMode == .loss && model.message == nil)
        var dice = Self.model("<Tab>")
        #expect(dice.heatmapMode == .weight)
        _ = dice.update([.character("m")])
        #expect(dice.heatmapMode == .errors)
    }

    /// Ten classes with long names at 80×24: the legend and the per-class IoU wrap onto second lines, and every
    /// class, void and every class's IoU is on screen (no "+N more").
    @Test(arguments: [false, true])
    func tenClassesWrapTheirLegendAndMetrics(presenting: Bool) throws {
        let names = ["background", "vessel_wall", "tumour_core", "oedema", "necrosis", "enhancing_rim", "artefact",
                     "catheter", "cyst", "haemorrhage"]
        let labels: [Int32] = (0..<30).map { $0 == 20 ? 255 : Int32($0 % 10) }
        var logits = [Double](repeating: 0, count: 10 * 30)
        for pixel in 0..<30 { logits[(pixel % 10) * 30 + pixel] = 3 }
        let input = try LossInput(
            truth: LabelMap(height: 3, width: 10, labels: labels), prediction: logits, kind: .logits, classes: 10, ignoreIndex: 255)
        let scenario = Scenario(title: "ten", classNames: names, predictions: [Scenario.Prediction(name: "p", input: input)])
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(presenting ? [.character("f")] : [])
        let text = ExplorerView.render(model, size: TerminalSize(rows: 24, columns: 80), capabilities: ExplorerSnapshotTests.monochrome)
            .textLines().map { $0 + " " }.joined(separator: "\n")
        for (index, name) in names.enumerated() { #expect(text.contains(" \(index) \(name) "), "\(name)") }
        #expect(text.contains(" ? void "))
        if !presenting {
            for index in names.indices { #expect(text.contains(" \(index):1.000"), "IoU of class \(index)") }
        }
        #expect(!text.contains("more") && !text.contains("…"))
    }
}
