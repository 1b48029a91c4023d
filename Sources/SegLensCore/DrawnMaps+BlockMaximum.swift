extension DrawnMaps {
    /// The largest entry of `map` (`H×W`, row-major, `width` wide) in the block `rows × columns`: `max m_i` over the
    /// block's pixels whose label is not `ignore`, or over all of them when `labels` is `nil`; −∞ when the block
    /// keeps no pixel. What a heatmap's dot shows of a downsampled block, eight lanes at a time (NaN-free maps).
    public static func largest(
        in map: UnsafeBufferPointer<Float>, width: Int, rows: Range<Int>, columns: Range<Int>,
        labels: UnsafeBufferPointer<Int32>?, ignore: Int32
    ) -> Float {
        let none = -Float.infinity, ignored = SIMD8<Int32>(repeating: ignore)
        var lanes = SIMD8<Float>(repeating: none), largest = none
        for row in rows {
            let start = row * width
            var column = columns.lowerBound
            while columns.upperBound - column >= 8 {
                var values = UnsafeRawPointer(map.baseAddress! + start + column).loadUnaligned(as: SIMD8<Float>.self)
                if let labels {
                    let blockLabels = UnsafeRawPointer(labels.baseAddress! + start + column).loadUnaligned(as: SIMD8<Int32>.self)
                    values = values.replacing(with: none, where: blockLabels .== ignored)
                }
                lanes = lanes.replacing(with: values, where: values .> lanes)
                column += 8
            }
            while column < columns.upperBound {
                if labels?[start + column] != ignore { largest = Swift.max(largest, map[start + column]) }
                column += 1
            }
        }
        return Swift.max(largest, lanes.max())
    }
}
