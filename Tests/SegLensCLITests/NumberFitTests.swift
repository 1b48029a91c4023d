import Foundation
import Testing
import SegLensCore
import SegLensUI
@testable import seglens

/// Every sample at 80×24, 100×30 and 160×48, in every panel and overlay and on every loss: no line that carries a
/// number is cut (no ellipsis on a line with a digit, no "+N more"), the selected loss's row shows its parameters,
/// and the truth's legend names every class on screen and void.
@Suite struct NumberFitTests {
    static let sizes = [TerminalSize(rows: 24, columns: 80), TerminalSize(rows: 30, columns: 100), TerminalSize(rows: 48, columns: 160)]
    static let monochrome = Capabilities(colorDepth: .none, unicode: true)
    /// Screens: each heatmap mode, every overlay and panel, pinned, the race, the presentation view, edits.
    static let screens = [
        "", "m", "m m", "m m m", "c", "w", "?", "? <Right>", "? <Right> <Right>", "f", "f m m", "P g <Right>",
        "P g <Right> d", "P e . g <Right>", "e . . P", "R n n", "v", "O", "e . . e . e . .", "1", "5", "3 <Down> <Right>",
    ]

    static func scenario(_ name: String) throws -> Scenario {
        try InputOptions.parse([RenderTests.sample(name)]).scenario(
            lossOptions: LossOptions.parse([]), editOptions: EditOptions.parse([]))
    }

    static func lines(_ model: ExplorerModel, _ size: TerminalSize, _ capabilities: Capabilities = monochrome) -> [String] {
        ExplorerView.render(model, size: size, capabilities: capabilities).textLines()
    }

    /// Why `line` loses a number, or nil: an ellipsis (the view's only mark of cut text) whose stretch of text —
    /// from the box edge or line start before it — holds a digit, or entries left out as "+N more".
    static func lostNumber(_ line: String) -> String? {
        let edges: Set<Character> = ["│", "┌", "└", "┐", "┘", "├", "┤", "─"]
        var stretch = ""
        for char in line {
            if edges.contains(char) {
                stretch = ""
            } else if char == "…" {
                if stretch.contains(where: \.isNumber) { return "cut after a number: \(stretch)…" }
                stretch = ""
            } else {
                stretch.append(char)
            }
        }
        if line.range(of: #"\+\d+ more"#, options: .regularExpression) != nil { return "entries left out" }
        return nil
    }

    @Test func theRuleCatchesCutNumbers() {
        #expect(Self.lostNumber(" at p ≥ 0.5: IoU 0.000 Dice 0.000 prec 0.000 rec 0.000 TP 0 FP 0 F…") != nil)
        #expect(Self.lostNumber(" argmax: mIoU 0.992 IoU 0:0.972 1:0.986 +3 more") != nil)
        #expect(Self.lostNumber(" seglens Street scene with void pix… multiclass 10×20") == nil)
        #expect(Self.lostNumber(" tversky: β = 0.3   s = 1e-05   1 − (TP + s)/(TP + β·FP + (1−β…") != nil)
        #expect(Self.lostNumber("│ 10  ..##..│ bce  ≠ too small 1.934172 < too big 2.5788… │") != nil)
        #expect(Self.lostNumber("│ 10  ..##..│ press m for the next vi… │") == nil)
        #expect(Self.lostNumber(" tversky  0.791666  β=0.3 s=1e-05") == nil)
    }

    @Test(arguments: sizes)
    func noLineLosesANumber(size: TerminalSize) throws {
        #expect(RenderFitTests.sampleFiles.count >= 10)
        for name in RenderFitTests.sampleFiles {
            let scenario = try Self.scenario(name)
            let losses = Loss.catalogue(scenario.mode)
            let keys = Self.screens + losses.indices.dropFirst().flatMap { count in
                let tabs = Array(repeating: "<Tab>", count: count).joined(separator: " ")
                return [tabs, tabs + " w", tabs + " f"]
            }
            for keySequence in keys {
                var model = ExplorerModel(scenario: scenario)
                _ = model.update(try Key.parseTokens(keySequence))
                for (index, line) in Self.lines(model, size).enumerated() {
                    if let reason = Self.lostNumber(line) {
                        Issue.record("\(name) at \(size) after \"\(keySequence)\", line \(index + 1): \(reason): \(line)")
                    }
                }
            }
        }
    }

    /// The row of the selected loss in the table shows the value of each parameter the loss reads.
    @Test(arguments: sizes)
    func theSelectedLossRowShowsItsParameters(size: TerminalSize) throws {
        for name in RenderFitTests.sampleFiles {
            let scenario = try Self.scenario(name)
            for count in Loss.catalogue(scenario.mode).indices {
                for turn in ["", "g <Right> <Right>", "b <Right>"] {
                    var model = ExplorerModel(scenario: scenario)
                    _ = model.update(try Key.parseTokens(Array(repeating: "<Tab>", count: count).joined(separator: " ") + " " + turn))
                    let loss = model.selectedLoss, values = model.parameters[loss]!
                    guard let row = Self.lines(model, size).first(where: { $0.contains("▸ \(loss.name) ") }) else {
                        Issue.record("\(name) at \(size): no row for \(loss.name)")
                        continue
                    }
                    for parameter in loss.parameters where parameter != .smooth {
                        let text = "\(parameter.symbol)=\(values[parameter].map(LossParameters.compact) ?? "none")"
                        #expect(row.contains(text), "\(name) at \(size), \(loss.name) after \"\(turn)\": \(text) missing from \(row)")
                    }
                }
            }
        }
    }

    /// The truth panel's legend (its bottom edge, or the legend line under the panels) names every class the truth
    /// holds, and void when the file has void pixels; also without colour, and in the presentation view.
    @Test(arguments: sizes)
    func theLegendNamesEveryClassOnScreen(size: TerminalSize) throws {
        for name in RenderFitTests.sampleFiles {
            let scenario = try Self.scenario(name)
            let truth = scenario.truth
            let present = Set(truth.labels.filter { $0 != 255 }.map(Int.init)).sorted()
            let void = truth.labels.contains(255)
            for (capabilities, keys) in [(Self.monochrome, ""), (Capabilities.full, ""), (Self.monochrome, "f"), (Capabilities.full, "f")] {
                var model = ExplorerModel(scenario: scenario)
                _ = model.update(try Key.parseTokens(keys))
                let lines = Self.lines(model, size, capabilities)
                // The legend: the line of the truth panel's bottom edge, and the line under it.
                guard let bottom = lines.indices.first(where: { lines[$0].hasPrefix("└") }) else {
                    Issue.record("\(name): no panel bottom")
                    continue
                }
                let legend = lines[bottom] + " \n" + lines[bottom + 1] + " "
                for label in present {
                    #expect(legend.contains(" \(scenario.classNames[label]) "), "\(name) at \(size): class \(scenario.classNames[label]) missing: \(legend)")
                }
                if void { #expect(legend.contains(" void "), "\(name) at \(size): void missing: \(legend)") }
            }
        }
    }
}
