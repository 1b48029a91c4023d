import Testing
import SegLensUI

@Test func peek() {
    var model = ExplorerModel(scenario: ExplorerFixtures.binary)
    print(ExplorerView.render(model, size: TerminalSize(rows: 24, columns: 80), capabilities: .plain).text)
    print(ExplorerView.render(model, size: TerminalSize(rows: 24, columns: 80), capabilities: Capabilities(colorDepth: .none, unicode: true)).text)
    _ = model.update([.character("?")])
    print(ExplorerView.render(model, size: TerminalSize(rows: 24, columns: 80), capabilities: .plain).text)
    let m2 = ExplorerModel(scenario: ExplorerFixtures.multiclass)
    print(ExplorerView.render(m2, size: TerminalSize(rows: 24, columns: 80), capabilities: .full).text)
}
