import Testing
import SegLensCore
@testable import SegLensUI

/// The `w` panel: the selected loss's formula with the current values, each parameter's meaning, and what the
/// heatmap shows; text snapshots at 80×24 and 160×48 (UTF-8 and ASCII), and the properties of its one table.
@Suite struct ExplanationPanelTests: PanelScreens {
    @Test func snapshots() {
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "w", size: Self.small), named: "explain-focal-80x24")
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "w", size: Self.large), named: "explain-focal-160x48")
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "w", size: Self.small, capabilities: .plain),
                       named: "explain-focal-ascii-80x24")
        // Tversky after two β steps, on the gradient heatmap (m: weight → loss → errors → gradient).
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "<Tab> <Tab> <Tab> <Tab> <Right> <Right> m m m w", size: Self.small),
                       named: "explain-tversky-gradient-80x24")
        assertSnapshot(screen(ExplorerFixtures.multiclass, keys: "<S-Tab> w", size: Self.large),
                       named: "explain-multiclass-lovasz-160x48")
    }

    @Test func wTogglesThePanelEscClosesItAndItReplacesConventions() {
        #expect(model(ExplorerFixtures.binary, keys: "w").showsExplanations)
        #expect(!model(ExplorerFixtures.binary, keys: "w w").showsExplanations)
        #expect(!model(ExplorerFixtures.binary, keys: "w <Esc>").showsExplanations)
        let switched = model(ExplorerFixtures.binary, keys: "c w")
        #expect(switched.showsExplanations && !switched.showsConventions)
    }

    /// Values written in by hand: the formula shows what the parameters are now, not their defaults.
    @Test func formulasSubstituteTheCurrentValues() {
        let focal = LossExplanations.formula(.binaryFocal, LossParameters(alpha: 0.4, gamma: 2.5))
        #expect(focal.contains("(1−p_t)^2.5") && focal.contains("α_t = 0.4 (y=1), 0.6 (y=0)"))
        #expect(LossExplanations.formula(.binaryFocal, LossParameters(alpha: nil)).contains("α_t = 1"))
        let tversky = LossExplanations.formula(.tversky, LossParameters(beta: 0.2, smooth: 1))
        #expect(tversky == "L = 1 − (TP + 1) / (TP + 0.2·FP + 0.8·FN + 1)")
        let border = LossExplanations.formula(.borderBCE, LossParameters(w0: 12, sigma: 3.5))
        #expect(border.contains("12·exp(") && border.contains("(2·3.5²)"))
        // And the live panel after a key press: γ of focal 2 → 2.25.
        let lines = ExplanationPanel.lines(model(ExplorerFixtures.binary, keys: "g <Right>"), width: 76, unicode: true)
        #expect(lines[0].contains("^2.25"))
    }

    /// Every loss × heatmap mode has its sentence, every parameter its meaning, and the panel of every loss fits
    /// 80 columns without a cut line, in Unicode and in pure ASCII.
    @Test(arguments: Loss.allCases)
    func everyLossIsExplainedAndFits(_ loss: Loss) {
        for mode in HeatmapMode.allCases { #expect(!LossExplanations.heatmap(mode, for: loss).isEmpty) }
        for parameter in loss.parameters {
            #expect(LossExplanations.meaning(of: parameter, for: loss).hasPrefix(parameter.symbol + ":"))
        }
        let scenario = loss.mode == .binary ? ExplorerFixtures.binary : ExplorerFixtures.multiclass
        let index = Loss.catalogue(loss.mode).firstIndex(of: loss)!
        var explorer = ExplorerModel(scenario: scenario)
        let tabs = (index - explorer.lossIndex + Loss.catalogue(loss.mode).count) % Loss.catalogue(loss.mode).count
        _ = explorer.update([Key](repeating: .tab, count: tabs) + [.character("w")])
        #expect(explorer.selectedLoss == loss)
        for unicode in [true, false] {
            let lines = ExplanationPanel.lines(explorer, width: 76, unicode: unicode)
            #expect(lines.allSatisfy { $0.count <= 76 }, "\(loss.name): \(lines)")
            if unicode { #expect(lines.allSatisfy { !$0.contains("…") }, "\(loss.name): \(lines)") }
            if !unicode { #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) }, "\(lines)") }
        }
        let text = ExplorerView.render(explorer, size: Self.small, capabilities: .plain).text
        #expect(text.contains("explain . \(loss.name)"))
    }
}
