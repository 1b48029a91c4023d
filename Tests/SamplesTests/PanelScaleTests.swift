import Testing
import SegLensCore
import SegLensFormats
@testable import SegLensUI

/// Every sample's pixel panels at the three lecture screen sizes: the drawn grid keeps pixels square (within one
/// cell) and uses the largest whole scale that fits the panel — counted here from the sizes alone, independently of
/// ``PixelViewport``'s arithmetic.
@Suite struct PanelScaleTests {
    static let sizes = [TerminalSize(rows: 24, columns: 80), TerminalSize(rows: 30, columns: 100), TerminalSize(rows: 48, columns: 160)]

    static func scenario(_ name: String) throws -> Scenario {
        let sample = try Sample(name)
        return Scenario(
            title: name, note: sample.document.note, classNames: sample.document.classNames,
            predictions: [Scenario.Prediction(name: "p", input: try sample.input())])
    }

    /// Whether a `height×width` image shown `magnified` (or, when negative, downsampled by `-magnified`) fits
    /// `dots` rows × columns.
    static func fits(height: Int, width: Int, scale: Int, rows: Int, columns: Int) -> Bool {
        scale > 0
            ? height * scale <= rows && width * scale <= columns
            : (height - scale - 1) / -scale <= rows && (width - scale - 1) / -scale <= columns
    }

    @Test(arguments: Samples.names)
    func gridsAreSquareAndAsLargeAsFits(name: String) throws {
        let scenario = try Self.scenario(name)
        let (height, width) = (scenario.truth.height, scenario.truth.width)
        let model = ExplorerModel(scenario: scenario)
        for size in Self.sizes {
            let views = [("normal", ExplorerView.Layout(model: model, size: size).panels), ("present", PresentView.panels(size))]
            for (view, panels) in views {
                for halfBlocks in [true, false] {
                    for rect in panels {
                        let inner = rect.inset(by: 1)
                        let grid = PanelGrid(
                            inner: inner, imageHeight: height, imageWidth: width, halfBlocks: halfBlocks, zoom: 0,
                            center: (height / 2, width / 2))
                        let where_ = "\(name) \(view) \(size.columns)×\(size.rows) halfBlocks \(halfBlocks)"
                        // A cell is two units tall and one wide: the grid's height follows from its width.
                        let squareRows = Double(grid.cellColumns) * Double(height) / Double(2 * width)
                        #expect(abs(Double(grid.cellRows) - squareRows) <= 1, "\(where_): \(grid.cellColumns)×\(grid.cellRows) cells")
                        #expect(grid.cellColumns <= inner.width && grid.cellRows <= inner.height, "\(where_)")
                        // Dots available: a dot is 1×½ cell with half blocks, 2×1 cells otherwise.
                        let rows = halfBlocks ? 2 * inner.height : inner.height
                        let columns = halfBlocks ? inner.width : inner.width / 2
                        let dotsPerPixel = grid.viewport.columns.count / width
                        let scale = grid.viewport.isDownsampled ? -grid.viewport.rows[0].count : dotsPerPixel
                        #expect(Self.fits(height: height, width: width, scale: scale, rows: rows, columns: columns), "\(where_)")
                        let larger = scale > 0 ? scale + 1 : (scale == -2 ? 1 : scale + 1)
                        #expect(!Self.fits(height: height, width: width, scale: larger, rows: rows, columns: columns),
                                "\(where_): scale \(scale) is not the largest")
                    }
                }
            }
        }
    }
}
