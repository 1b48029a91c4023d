import Testing
import SegLensCore
@testable import SegLensUI

/// A thin void frame stays visible on all four sides when a panel downsamples.
@Suite struct VoidBorderTests {
    /// A `height×width` binary mask with a `border`-pixel void frame and a disc in the middle.
    static func framed(height: Int, width: Int, border: Int) -> Scenario {
        var labels = [Int32](repeating: 0, count: height * width)
        for row in 0..<height {
            for column in 0..<width {
                let inside = row >= border && row < height - border && column >= border && column < width - border
                let dy = Double(row - height / 2) / Double(height), dx = Double(column - width / 2) / Double(width)
                labels[row * width + column] = !inside ? 255 : dx * dx + dy * dy < 0.04 ? 1 : 0
            }
        }
        let probabilities = labels.map { $0 == 1 ? 0.8 : 0.1 }
        let input = try! LossInput(
            truth: LabelMap(height: height, width: width, labels: labels), prediction: probabilities,
            kind: .probabilities, classes: 1, ignoreIndex: 255)
        return Scenario(title: "framed", classNames: ["background", "disc"], predictions: [Scenario.Prediction(name: "p", input: input)])
    }

    /// The cells of the drawn grid of `panel` (0 truth, 2 heatmap), found as the rows and columns that are not blank.
    static func grid(_ text: String, panel: Int, size: TerminalSize) -> [[Character]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let rect = ExplorerView.Layout(model: ExplorerModel(scenario: framed(height: 200, width: 400, border: 5)), size: size).panels[panel]
        let inner = rect.inset(by: 1)
        let cells = (inner.row..<inner.endRow).map { Array(lines[$0][inner.column..<inner.endColumn]) }
        let rows = cells.filter { $0.contains { $0 != " " } }
        let first = rows.map { $0.firstIndex { $0 != " " }! }.min()!, last = rows.map { $0.lastIndex { $0 != " " }! }.max()!
        return rows.map { Array($0[first...last]) }
    }

    @Test(arguments: [0, 2])
    func fiveCellFrameOfA400WideMaskShowsOnEverySide(panel: Int) {
        let size = TerminalSize(rows: 24, columns: 80)
        let model = ExplorerModel(scenario: Self.framed(height: 200, width: 400, border: 5))
        let text = ExplorerView.render(model, size: size, capabilities: Capabilities(colorDepth: .none, unicode: true)).text
        let cells = Self.grid(text, panel: panel, size: size)
        #expect(text.split(separator: "\n")[1].contains(" 1:34 "))  // 400 columns into 12 dots
        #expect(cells.first!.allSatisfy { $0 == "?" }, "top")
        #expect(cells.last!.allSatisfy { $0 == "?" }, "bottom")
        #expect(cells.allSatisfy { $0.first == "?" && $0.last == "?" }, "left and right")
        // Inside the frame, kept pixels.
        #expect(cells[cells.count / 2].dropFirst(2).dropLast(2).allSatisfy { $0 != "?" })
        if panel == 0 { assertSnapshot(text, named: "void-frame-400x200-80x24") }
    }
}
