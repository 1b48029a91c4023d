import ArgumentParser
import SegLensFormats
import SegLensUI

/// `seglens render`: the frame the explorer would show after some keys, as text.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the explorer's screen after a sequence of keys, as plain text or with ANSI colours.",
        discussion: """
            Keys are space-separated: single characters, and <Tab> <S-Tab> <Left> <Right> <Up> <Down> <S-Left> \
            <S-Right> <C-Left> <C-Right> <C-Up> <C-Down> <Esc> <Enter> <Space>. The frame goes through the very \
            same view as the live explorer. n trains one frame (K steps), so "R n n n" shows the race after three \
            frames; t alone starts no training here, since nothing ticks.
            """
    )

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var lossOptions: LossOptions
    @OptionGroup(title: "What-if edits of the prediction") var editOptions: EditOptions
    @Option(help: ArgumentHelp("Screen size COLUMNSxROWS.", valueName: "WxH"), transform: RenderCommand.parseSize)
    var size = TerminalSize(rows: 30, columns: 100)
    @Option(help: ArgumentHelp(
        "Keys to press before printing, e.g. \"Tab g <Right> <Right>\", or a script file (waits are skipped, <quit> ends it).",
        valueName: "KEYS"))
    var keys = ""
    @Option(help: ArgumentHelp("Colours: none (plain text), 16 or 256.", valueName: "none|16|256"))
    var color = ColorChoice.none
    @Flag(help: "ASCII glyphs only.") var ascii = false
    @Option(help: ArgumentHelp(
        "Write the panels as a PNG instead of printing the screen: each mask pixel an N×N square, the theme's colours, a legend.",
        valueName: "OUT.png"))
    var png: String?
    @Option(name: .customLong("png-scale"), help: ArgumentHelp("Image pixels per mask pixel for --png (default: about 240 pixels per panel).", valueName: "N"))
    var pngScale: Int?
    @Flag(help: "Let --png replace an existing file.") var force = false
    @Option(help: ArgumentHelp("Draw this state line (as the explorer prints on quit) before the keys.", valueName: "STATE"))
    var state: String?
    @Flag(help: "The presentation view: only the grids, the heatmap and the selected loss, in large cells (f).")
    var present = false

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case none, sixteen = "16", indexed256 = "256"

        var depth: ColorDepth {
            switch self {
            case .none: .none
            case .sixteen: .sixteen
            case .indexed256: .indexed256
            }
        }
    }

    static func parseSize(_ text: String) throws -> TerminalSize {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
              (1...1000).contains(columns), (1...1000).contains(rows)
        else { throw ValidationError("--size takes COLUMNSxROWS, e.g. 100x30 (each 1…1000)") }
        return TerminalSize(rows: rows, columns: columns)
    }

    func run() throws {
        try CommandFailure.run {
            // A script's waits take no time here, and <quit> ends it.
            let steps = try ExploreCommand.script(keys)
            let pressed = steps.prefix { $0 != .quit }.compactMap { step -> Key? in
                if case let .key(key) = step { return key } else { return nil }
            }
            let progress = inputOptions.progressLine()
            defer { progress.finish() }
            let scenario = try inputOptions.scenario(lossOptions: lossOptions, editOptions: editOptions, progress: progress)
            progress.update("preparing the panels")
            var model = ExplorerModel(scenario: scenario)
            if let state { model.restore(try ExploreCommand.state(state, scenario: scenario)) }
            if present { model.setPresenting(true) }
            _ = model.update(pressed)
            let capabilities = Capabilities(colorDepth: color.depth, unicode: !ascii)
            progress.update("drawing")
            if let png {
                if let pngScale, !(1...64).contains(pngScale) { throw CommandFailure(.usage, "--png-scale takes 1…64") }
                // Never onto an input, not even with --force; PNGExportFile writes through AtomicFile.
                _ = try OutputFile(option: "--png", path: png, overwrite: force ? .replace : .refuse, inputs: inputOptions.paths)
                let image = PNGExport.image(model, capabilities: capabilities, pixelSize: pngScale)
                progress.finish()
                do {
                    try PNGExportFile.write(image, to: png, force: force)
                } catch let error as FormatError {
                    throw CommandFailure(error)
                }
                print("\(png): \(image.width)×\(image.height) pixels, \(image.pixelSize)×\(image.pixelSize) per mask pixel")
                return
            }
            let canvas = ExplorerView.render(model, size: size, capabilities: capabilities)
            progress.finish()
            // One line per canvas row, each already ending in a newline: exactly `size.rows` lines.
            print(ANSIRenderer.render(canvas, capabilities: capabilities), terminator: "")
        }
    }
}
