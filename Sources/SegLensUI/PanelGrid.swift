/// Where a pixel panel's dots go on the screen, so that every dot is square.
///
/// A character cell is about twice as tall as it is wide. With half blocks a cell shows two dot rows in one
/// column (a dot is ½ row × 1 column); otherwise a dot is one row × two columns. Either way a dot is square, and
/// ``PixelViewport`` picks the largest whole magnification (or the smallest whole downsampling block) that fits the
/// panel's inside; the grid is centred in it.
struct PanelGrid {
    let viewport: PixelViewport
    /// Screen columns per dot: 1 with half blocks, 2 otherwise.
    let columnsPerDot: Int
    /// Dot rows per screen row: 2 with half blocks, 1 otherwise.
    let dotRowsPerCell: Int
    /// The top-left cell of the drawn grid.
    let top: Int
    let left: Int

    init(inner: Rect, imageHeight: Int, imageWidth: Int, halfBlocks: Bool, zoom: Int, center: (row: Int, column: Int)) {
        columnsPerDot = halfBlocks ? 1 : 2
        dotRowsPerCell = halfBlocks ? 2 : 1
        viewport = PixelViewport(
            imageHeight: imageHeight, imageWidth: imageWidth, dotRows: inner.height * dotRowsPerCell,
            dotColumns: inner.width / columnsPerDot, zoom: zoom, center: center)
        let rows = (viewport.rows.count + dotRowsPerCell - 1) / dotRowsPerCell
        top = inner.row + (inner.height - rows) / 2
        left = inner.column + (inner.width - viewport.columns.count * columnsPerDot) / 2
    }

    /// The drawn grid's height in cells.
    var cellRows: Int { (viewport.rows.count + dotRowsPerCell - 1) / dotRowsPerCell }
    /// The drawn grid's width in cells.
    var cellColumns: Int { viewport.columns.count * columnsPerDot }
}
