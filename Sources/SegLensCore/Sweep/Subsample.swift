extension LossInput {
    /// Every `factor`-th row and column of the input — `(r·factor, c·factor)` for each `r`, `c` — so that each
    /// kept pixel keeps its own label and logits; `factor` 1 is the input itself.
    ///
    /// A subsample whose pixels are all ignored falls back to a factor that keeps some.
    public func subsampled(by factor: Int) -> LossInput {
        precondition(factor >= 1, "the subsampling factor must be at least 1")
        guard factor > 1 else { return self }
        let rows = (height + factor - 1) / factor, columns = (width + factor - 1) / factor
        let classes = logits.classes, plane = pixelCount
        var labels = [Int32](), values = [Double]()
        labels.reserveCapacity(rows * columns)
        values.reserveCapacity(classes * rows * columns)
        for row in 0..<rows {
            for column in 0..<columns { labels.append(truth.labels[row * factor * width + column * factor]) }
        }
        for c in 0..<classes {
            for row in 0..<rows {
                for column in 0..<columns { values.append(logits.values[c * plane + row * factor * width + column * factor]) }
            }
        }
        let sample = try? LossInput(
            truth: LabelMap(height: rows, width: columns, labels: labels),
            logits: Logits(classes: classes, height: rows, width: columns, values: values), ignoreIndex: ignoreIndex)
        return sample ?? subsampled(by: factor / 2)
    }

    /// The smallest factor that brings `C × H × W` to at most `elements`.
    public func subsamplingFactor(toAtMost elements: Int) -> Int {
        var factor = 1
        while logits.classes * ((height + factor - 1) / factor) * ((width + factor - 1) / factor) > elements { factor += 1 }
        return factor
    }
}
