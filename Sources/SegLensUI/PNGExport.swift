import Foundation

/// The pixel panels of the current screen as an image for slides (the `x` key, `render --png`): each visible mask
/// pixel an `N×N` square, in the theme's colours (the xterm-256 values, or the 16 ANSI colours on a 16-colour
/// terminal), a title over each panel, its legend under it, and the selected loss's value, parameters and the
/// scale at the bottom, in ``BitmapFont``. White background; each grid has a thin grey frame so its extent shows
/// even where a value's colour is the background's.
public struct ExportImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// One xterm palette index per pixel, row-major: the PNG is a palette image with ``palette``.
    public var indices: [UInt8]
    /// Image pixels per mask pixel.
    public let pixelSize: Int
    /// Where each panel's grid lies in the image, in pixels.
    public let grids: [Rect]

    /// The xterm-256 colours, as the terminal theme defines them (``TerminalColor/rgb(of:)``).
    public static let palette: [(red: UInt8, green: UInt8, blue: UInt8)] = (0...255).map {
        let (r, g, b) = TerminalColor.rgb(of: UInt8($0))
        return (UInt8(r), UInt8(g), UInt8(b))
    }

    public subscript(x: Int, y: Int) -> UInt8 { indices[y * width + x] }
}

public enum PNGExport {
    static let background: UInt8 = 231, text: UInt8 = 16, dimText: UInt8 = 242, frame: UInt8 = 248
    static let fontScale = 2, margin = 16, gap = 16
    static var advance: Int { (BitmapFont.width + 1) * fontScale }
    static var lineHeight: Int { (BitmapFont.height + 2) * fontScale }

    /// The largest square size that keeps a panel about 240 pixels wide: 24 for a 10-pixel-wide mask, 1 from 240.
    public static func defaultPixelSize(visibleHeight: Int, visibleWidth: Int) -> Int {
        max(1, min(32, 240 / max(1, max(visibleHeight, visibleWidth))))
    }

    /// The export of what `model` shows with `capabilities` (colour always: without colour the 256-colour theme).
    public static func image(_ model: ExplorerModel, capabilities: Capabilities, pixelSize: Int? = nil) -> ExportImage {
        let depth = capabilities.colorDepth == .none ? ColorDepth.indexed256 : capabilities.colorDepth
        let theme = Theme(capabilities: Capabilities(colorDepth: depth, unicode: true))
        let capture = PanelCapture()
        var scratch = Canvas(size: TerminalSize(rows: 1, columns: 1))
        let rects = (0..<3).map { Rect(row: 0, column: $0 * 40, width: 40, height: 20) }
        PixelPanels(model: model, theme: theme, capture: capture).draw(into: &scratch, rects: rects)
        func index(_ color: TerminalColor) -> UInt8 {
            guard case let .indexed(value) = color else { return background }
            return depth == .sixteen ? TerminalColor.nearestANSI16(to: value) : value
        }

        let gridded = capture.panels.filter { !$0.dots.isEmpty }
        let dotRows = gridded.first?.dots.count ?? 1, dotColumns = gridded.first?.dots.first?.count ?? 1
        let n = pixelSize ?? defaultPixelSize(visibleHeight: dotRows, visibleWidth: dotColumns)
        let gridWidth = dotColumns * n, gridHeight = dotRows * n
        func textWidth(_ string: String) -> Int { string.count * advance }
        func legendWidth(_ legend: PanelCapture.Legend?) -> Int {
            switch legend {
            case .items(let items)?: items.map { 14 + textWidth($0.name) + advance }.reduce(0, +)
            case .ramp(let low, let high, let paints)?: textWidth(low) + paints.count * 10 + textWidth(high) + 2 * advance
            case nil: 0
            }
        }
        let columnWidths = capture.panels.map { panel in
            max(gridWidth, textWidth(panel.title), legendWidth(panel.legend)) + 2
        }
        let result = model.selectedResult
        let parameters = result.parameters.text(for: result.loss)
        let footer = [
            "\(result.loss.name) = \(ExplorerView.formatValue(result.value))" + (parameters.isEmpty ? "" : "   \(parameters)"),
            "1 mask pixel = \(n)×\(n) px" + (model.zoom > 0 ? " · zoom \(1 << model.zoom)×" : "") + " · \(model.scenario.title)",
        ]
        let gridTop = margin + lineHeight + 4
        let legendTop = gridTop + gridHeight + 2 + 6
        let footerTop = legendTop + lineHeight + 10
        let width = max(
            margin * 2 + columnWidths.reduce(0, +) + gap * max(0, columnWidths.count - 1),
            margin * 2 + (footer.map(textWidth).max() ?? 0))
        let height = footerTop + footer.count * lineHeight + margin
        var pixels = [UInt8](repeating: background, count: width * height)

        func fill(_ x: Int, _ y: Int, _ w: Int, _ h: Int, _ color: UInt8) {
            for row in max(0, y)..<min(height, y + h) {
                for column in max(0, x)..<min(width, x + w) { pixels[row * width + column] = color }
            }
        }
        func write(_ string: String, _ x: Int, _ y: Int, _ color: UInt8) {
            for (offset, character) in string.enumerated() {
                for row in 0..<BitmapFont.height {
                    for column in 0..<BitmapFont.width where BitmapFont.isSet(character, row: row, column: column) {
                        fill(x + offset * advance + column * fontScale, y + row * fontScale, fontScale, fontScale, color)
                    }
                }
            }
        }
        func swatch(_ x: Int, _ y: Int, _ color: UInt8) {
            fill(x, y, 10, 10, frame)
            fill(x + 1, y + 1, 8, 8, color)
        }

        var grids: [Rect] = []
        var left = margin
        for (panel, columnWidth) in zip(capture.panels, columnWidths) {
            write(panel.title, left, margin, text)
            // The frame, one pixel outside the grid.
            fill(left, gridTop - 1, gridWidth + 2, gridHeight + 2, frame)
            fill(left + 1, gridTop, gridWidth, gridHeight, background)
            let grid = Rect(row: gridTop, column: left + 1, width: gridWidth, height: gridHeight)
            grids.append(grid)
            for (r, row) in panel.dots.enumerated() {
                for (c, dot) in row.enumerated() { fill(grid.column + c * n, grid.row + r * n, n, n, index(dot.color)) }
            }
            var x = left
            switch panel.legend {
            case .items(let items)?:
                for item in items {
                    swatch(x, legendTop, index(item.paint.color))
                    write(item.name, x + 14, legendTop, dimText)
                    x += 14 + textWidth(item.name) + advance
                }
            case .ramp(let low, let high, let paints)?:
                write(low, x, legendTop, dimText)
                x += textWidth(low) + advance / 2
                for paint in paints {
                    swatch(x, legendTop, index(paint.color))
                    x += 10
                }
                write(high, x + advance / 2, legendTop, dimText)
            case nil: break
            }
            left += columnWidth + gap
        }
        for (offset, line) in footer.enumerated() {
            write(line, margin, footerTop + offset * lineHeight, offset == 0 ? text : dimText)
        }
        return ExportImage(width: width, height: height, indices: pixels, pixelSize: n, grids: grids)
    }

    /// `seglens-<name>-<n>.png`: the name of the `number`th export of the input called `name` (a file name's stem;
    /// anything but letters, digits, `-` and `_` becomes `-`).
    public static func fileName(input name: String, number: Int) -> String {
        let stem = String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return "seglens-\(stem.isEmpty ? "sample" : stem)-\(number).png"
    }
}
