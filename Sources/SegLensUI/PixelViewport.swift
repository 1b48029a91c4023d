/// Which image pixels each dot of a pixel panel shows.
///
/// The visible region is the whole image at zoom 0 and `1/2^zoom` of it around `center` when zoomed in. A region
/// that fits the panel is magnified by the largest whole factor that fits; a larger one is downsampled, each dot
/// covering a `d×d` block (the panels then aggregate: mean probability, worst error, largest heat).
struct PixelViewport: Equatable {
    /// Source rows of each dot row, and source columns of each dot column.
    let rows: [Range<Int>]
    let columns: [Range<Int>]

    init(
        imageHeight: Int, imageWidth: Int, dotRows available: Int, dotColumns availableColumns: Int,
        zoom: Int, center: (row: Int, column: Int)
    ) {
        let visibleHeight = max(1, (imageHeight + (1 << zoom) - 1) >> zoom)
        let visibleWidth = max(1, (imageWidth + (1 << zoom) - 1) >> zoom)
        let top = min(max(center.row - visibleHeight / 2, 0), imageHeight - visibleHeight)
        let left = min(max(center.column - visibleWidth / 2, 0), imageWidth - visibleWidth)
        let dotRows = max(1, available), dotColumns = max(1, availableColumns)
        if visibleHeight <= dotRows && visibleWidth <= dotColumns {
            let magnification = max(1, min(dotRows / visibleHeight, dotColumns / visibleWidth))
            rows = (0..<(visibleHeight * magnification)).map { top + $0 / magnification ..< top + $0 / magnification + 1 }
            columns = (0..<(visibleWidth * magnification)).map { left + $0 / magnification ..< left + $0 / magnification + 1 }
        } else {
            let block = max(
                (visibleHeight + dotRows - 1) / dotRows, (visibleWidth + dotColumns - 1) / dotColumns)
            rows = stride(from: 0, to: visibleHeight, by: block).map { top + $0 ..< top + min($0 + block, visibleHeight) }
            columns = stride(from: 0, to: visibleWidth, by: block).map { left + $0 ..< left + min($0 + block, visibleWidth) }
        }
    }

    /// True when a dot covers more than one pixel (a block of `rows[0].count` squared).
    var isDownsampled: Bool { (rows.first?.count ?? 1) > 1 || (columns.first?.count ?? 1) > 1 }
}
