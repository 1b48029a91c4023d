import SegLensCore
import SegLensUI

/// What the overlay-panel suites share: a model after some keys and its screen as text, at 80×24 and 160×48,
/// monochrome with Unicode unless a test asks for other capabilities.
protocol PanelScreens {}

extension PanelScreens {
    static var small: TerminalSize { TerminalSize(rows: 24, columns: 80) }
    static var large: TerminalSize { TerminalSize(rows: 48, columns: 160) }
    static var monochrome: Capabilities { Capabilities(colorDepth: .none, unicode: true) }

    func model(_ scenario: Scenario, keys: String) -> ExplorerModel {
        var model = ExplorerModel(scenario: scenario)
        _ = model.update(try! Key.parseTokens(keys))
        return model
    }

    func screen(
        _ scenario: Scenario, keys: String, size: TerminalSize,
        capabilities: Capabilities? = nil
    ) -> String {
        ExplorerView.render(model(scenario, keys: keys), size: size, capabilities: capabilities ?? Self.monochrome).text
    }
}
