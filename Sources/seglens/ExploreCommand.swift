import ArgumentParser
import Foundation
import SegLensTerminal
import SegLensUI

/// `seglens [FILE]`: the live explorer in the terminal (the default command).
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Explore losses live in the terminal (the default command; no input opens the built-in sample).",
        discussion: "Press ? in the explorer for every key. Exit codes as for eval, and 2 when the terminal cannot be used."
    )

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var lossOptions: LossOptions
    @OptionGroup(title: "What-if edits of the prediction") var editOptions: EditOptions
    @Flag(name: .customLong("no-color"), help: "Monochrome (as does NO_COLOR in the environment).") var noColor = false
    @Flag(help: "ASCII glyphs only (automatic when the locale is not UTF-8).") var ascii = false
    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (text selection).") var noMouse = false

    func run() throws {
        try CommandFailure.run {
            HeapTuning.keepLargeBlocksInTheHeap()
            var model = ExplorerModel(scenario: try inputOptions.scenario(lossOptions: lossOptions, editOptions: editOptions))
            let outcome: TerminalOutcome
            do {
                outcome = try TerminalSession.run(options: TerminalOptions(noColor: noColor, ascii: ascii, mouse: !noMouse)) {
                    keys, context in
                    guard model.update(keys, screen: context.size) else { return .quit }
                    let frame = ExplorerView.render(model, size: context.size, capabilities: context.capabilities)
                    return model.needsFullRepaint ? .repaint(frame) : .redraw(frame)
                }
            } catch let error as TerminalError {
                throw CommandFailure(.terminal, error.description)
            }
            if case let .signal(signal) = outcome { TerminalSession.dieBySignal(signal) }
        }
    }
}
