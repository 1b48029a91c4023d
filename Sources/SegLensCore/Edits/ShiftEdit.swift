/// Translation of a row-major image by whole pixels, edge pixels repeating.
///
/// `shifted(x)[row, column] = x[clamp(row − dy), clamp(column − dx)]`: positive `dx` moves the content right,
/// positive `dy` down, and the rows or columns uncovered at the far edge repeat the last ones of the image.
public enum ShiftEdit {
    /// `planes` images of `height × width` values each, one after another, every plane shifted alike.
    public static func shifted<Element>(
        _ values: [Element], planes: Int = 1, height: Int, width: Int, dx: Int, dy: Int
    ) -> [Element] {
        precondition(values.count == planes * height * width, "values must hold planes × height × width elements")
        guard dx != 0 || dy != 0, height > 0, width > 0 else { return values }
        let sourceColumns = (0..<width).map { min(max($0 - dx, 0), width - 1) }
        var result = values
        for plane in 0..<planes {
            let offset = plane * height * width
            for row in 0..<height {
                let sourceRow = offset + min(max(row - dy, 0), height - 1) * width
                let targetRow = offset + row * width
                for column in 0..<width { result[targetRow + column] = values[sourceRow + sourceColumns[column]] }
            }
        }
        return result
    }
}
