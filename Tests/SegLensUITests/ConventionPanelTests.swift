import Testing
import SegLensCore
import SegLensUI

/// The `c` panel: each library's value of the selected loss, live with the parameters, as text snapshots at
/// 80×24 and 160×48 (UTF-8 and ASCII), and its behaviour (toggle, Esc, live rows, the values it shows).
@Suite struct ConventionPanelTests: PanelScreens {
    @Test func snapshots() {
        // The binary fixture has a void pixel: libraries without an ignore option show "-" and say why.
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "c", size: Self.small), named: "conventions-focal-80x24")
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "c", size: Self.large), named: "conventions-focal-160x48")
        assertSnapshot(screen(ExplorerFixtures.binary, keys: "c", size: Self.small, capabilities: .plain),
                       named: "conventions-focal-ascii-80x24")
        assertSnapshot(screen(ExplorerFixtures.multiclass, keys: "<Tab> <Tab> <Tab> c", size: Self.large, capabilities: .plain),
                       named: "conventions-multiclass-tversky-ascii-160x48")
        assertSnapshot(screen(ExplorerFixtures.multiclass, keys: "<Tab> <Tab> c", size: Self.small),
                       named: "conventions-multiclass-iou-80x24")
        // Second rows of a library: MONAI's use_softmax focal, kornia's pre-fix Lovász-softmax.
        assertSnapshot(screen(ExplorerFixtures.multiclass, keys: "c", size: Self.large), named: "conventions-multiclass-focal-160x48")
        assertSnapshot(screen(ExplorerFixtures.multiclass, keys: "<S-Tab> <S-Tab> c", size: Self.small),
                       named: "conventions-multiclass-lovasz-80x24")
    }

    @Test func cTogglesThePanelAndEscClosesIt() {
        #expect(model(ExplorerFixtures.binary, keys: "c").showsConventions)
        #expect(!model(ExplorerFixtures.binary, keys: "c c").showsConventions)
        #expect(!model(ExplorerFixtures.binary, keys: "c <Esc>").showsConventions)
        #expect(model(ExplorerFixtures.binary, keys: "c").conventions.count == 6)
        #expect(model(ExplorerFixtures.binary, keys: "c c").conventions.isEmpty)
        #expect(KeyTable.bindings.contains { $0.action == .toggleConventions && $0.keys == [.character("c")] })
    }

    @Test func rowsFollowTheParametersAndTheLossLive() {
        // γ up twice (0.25 each) on focal: every row is recomputed with the new γ and equals the core's value.
        let stepped = model(ExplorerFixtures.binary, keys: "c g <Right> <Right>")
        let parameters = stepped.parameters[.binaryFocal]!
        #expect(parameters.gamma == 2.5)
        let expected = Conventions.evaluate(.binaryFocal, parameters: parameters, batch: ConventionBatch(stepped.input))
        #expect(stepped.conventions.map(\.outcome) == expected.map(\.outcome))
        #expect(stepped.conventions.map(\.outcome) != model(ExplorerFixtures.binary, keys: "c").conventions.map(\.outcome))
        // Tab moves to the next loss: the panel follows it.
        let next = model(ExplorerFixtures.binary, keys: "c <Tab>")
        #expect(next.conventions.allSatisfy { $0.loss == next.selectedLoss })
    }

    @Test func theScreenShowsEachValueWithSixDecimals() {
        let model = model(ExplorerFixtures.multiclass, keys: "c")
        let text = ExplorerView.render(model, size: Self.large, capabilities: Self.monochrome).text
        for result in model.conventions {
            let value = ConventionPanel.valueText(result)
            #expect(text.contains("\(result.label()) "), "\(result.label())")
            #expect(text.contains(" \(value)  "), "\(result.library): \(value)")
        }
    }
}
