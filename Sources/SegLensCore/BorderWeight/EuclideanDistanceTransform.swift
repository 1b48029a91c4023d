/// The exact squared Euclidean distance transform of Felzenszwalb and Huttenlocher ("Distance Transforms of Sampled
/// Functions", 2012): for every pixel centre `x`, `D(x) = min over source pixels s of |x − s|²`, computed as a 1-D
/// lower envelope of parabolas along each column and then along each row, linear in the number of pixels.
///
/// The 1-D step: `d(q) = min_p ((q − p)² + f(p))`; the parabolas `(q − p)² + f(p)` of finite `f(p)` are kept in
/// order of `p` with the abscissae `z` where each starts to be the lowest,
/// `s = ((f(p) + p²) − (f(v) + v²)) / (2p − 2v)` for a new parabola `p` against the last kept `v`.
public struct EuclideanDistanceTransform {
    public let height: Int
    public let width: Int
    // Buffers reused across transforms of one image size (one per object for the U-Net map).
    private var columnPass: [Double] = []
    private var samples: [Double]
    private var line: [Double]
    private var vertices: [Int]
    private var starts: [Double]

    public init(height: Int, width: Int) {
        self.height = height
        self.width = width
        let longest = Swift.max(height, width)
        samples = [Double](repeating: .infinity, count: longest)
        line = [Double](repeating: .infinity, count: longest)
        vertices = [Int](repeating: 0, count: longest)
        starts = [Double](repeating: 0, count: longest + 1)
    }

    /// Squared distances (`H×W`, row-major) from every pixel centre to the nearest pixel where `isSource` is true;
    /// `.infinity` everywhere when there is none.
    public static func squaredDistances(height: Int, width: Int, isSource: (Int) -> Bool) -> [Double] {
        var transform = EuclideanDistanceTransform(height: height, width: width)
        var output = [Double](repeating: .infinity, count: height * width)
        guard height > 0, width > 0 else { return output }
        transform.transform(sourceBounds: nil, isSource: isSource) { row, distances in
            for column in 0..<width { output[row * width + column] = distances[column] }
        }
        return output
    }

    /// Runs the transform and hands each row of squared distances to `body(row, distances)` (`distances` holds
    /// `width` values, valid during the call). Sources must lie inside `sourceBounds` (the whole image when
    /// `nil`): only those rows and columns are searched for them, so a small object costs one pass over the image
    /// plus its box.
    public mutating func transform(
        sourceBounds: ConnectedComponents.Bounds?, isSource: (Int) -> Bool,
        body: (Int, UnsafeBufferPointer<Double>) -> Void
    ) {
        guard height > 0, width > 0 else { return }
        let height = height, width = width
        let rows = sourceBounds?.rows ?? 0...(height - 1), columns = sourceBounds?.columns ?? 0...(width - 1)
        let boxWidth = columns.count
        if columnPass.count < height * boxWidth { columnPass = [Double](repeating: 0, count: height * boxWidth) }
        samples.withUnsafeMutableBufferPointer { samples in
            line.withUnsafeMutableBufferPointer { line in
                vertices.withUnsafeMutableBufferPointer { vertices in
                    starts.withUnsafeMutableBufferPointer { starts in
                        columnPass.withUnsafeMutableBufferPointer { columnPass in
                            // Columns of the box: the distance along the column to its nearest source, every row.
                            for offset in 0..<boxWidth {
                                let column = columns.lowerBound + offset
                                for row in rows {
                                    samples[row - rows.lowerBound] = isSource(row * width + column) ? 0 : .infinity
                                }
                                Self.envelope(samples, count: rows.count, firstPosition: rows.lowerBound, queries: height,
                                              into: line, vertices: vertices, starts: starts)
                                for row in 0..<height { columnPass[row * boxWidth + offset] = line[row] }
                            }
                            // Rows: the lower envelope of the box's column distances, for every column.
                            for row in 0..<height {
                                for offset in 0..<boxWidth { samples[offset] = columnPass[row * boxWidth + offset] }
                                Self.envelope(samples, count: boxWidth, firstPosition: columns.lowerBound, queries: width,
                                              into: line, vertices: vertices, starts: starts)
                                body(row, UnsafeBufferPointer(rebasing: line[0..<width]))
                            }
                        }
                    }
                }
            }
        }
    }

    /// `output[q] = min_p ((q − p)² + f(p))` for `q` in `0..<queries`, where `f(firstPosition + i) = samples[i]`
    /// for `i` in `0..<count` (`.infinity` samples are no source); `.infinity` when every sample is.
    private static func envelope(
        _ samples: UnsafeMutableBufferPointer<Double>, count: Int, firstPosition: Int, queries: Int,
        into output: UnsafeMutableBufferPointer<Double>, vertices: UnsafeMutableBufferPointer<Int>,
        starts: UnsafeMutableBufferPointer<Double>
    ) {
        var kept = -1  // index of the last kept parabola
        for i in 0..<count where samples[i].isFinite {
            let p = Double(firstPosition + i), fp = samples[i] + p * p
            var start = -Double.infinity
            while kept >= 0 {
                let v = Double(vertices[kept]), fv = samples[vertices[kept] - firstPosition] + v * v
                start = (fp - fv) / (2 * p - 2 * v)
                if start > starts[kept] { break }
                kept -= 1
            }
            if kept < 0 { start = -Double.infinity }
            kept += 1
            vertices[kept] = firstPosition + i
            starts[kept] = start
        }
        guard kept >= 0 else {
            for q in 0..<queries { output[q] = .infinity }
            return
        }
        starts[kept + 1] = .infinity
        var k = 0
        for q in 0..<queries {
            let position = Double(q)
            while starts[k + 1] < position { k += 1 }
            let vertex = vertices[k], offset = position - Double(vertex)
            output[q] = offset * offset + samples[vertex - firstPosition]
        }
    }
}
