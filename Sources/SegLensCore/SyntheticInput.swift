import RealModule

/// Generated inputs for benchmarks and demos: a truth of random discs and logits of a noisy prediction of it.
public enum SyntheticInput {
    /// An N×N binary truth of `objects` separate discs (distinct 8-connected components): one disc per cell of a
    /// square grid, centred at random inside its cell with a radius that keeps it 2 pixels off the cell's edges.
    /// What `bench --border-map` times the U-Net weight map on.
    public static func separateDiscs(size: Int, objects: Int, seed: UInt64) -> LabelMap {
        var random = SplitMix64(seed: seed)
        var labels = [Int32](repeating: 0, count: size * size)
        let perSide = Int(Double(objects).squareRoot().rounded(.up))
        let cell = Double(size) / Double(Swift.max(perSide, 1))
        for index in 0..<objects {
            let top = Double(index / perSide) * cell, left = Double(index % perSide) * cell
            let radius = Double.random(in: 0.15...0.35, using: &random) * cell
            let slack = Swift.max(0, cell / 2 - radius - 2)
            let centerRow = top + cell / 2 + Double.random(in: -slack...slack, using: &random)
            let centerColumn = left + cell / 2 + Double.random(in: -slack...slack, using: &random)
            for row in Int(top)..<Swift.min(size, Int(top + cell)) {
                for column in Int(left)..<Swift.min(size, Int(left + cell)) {
                    let dr = Double(row) - centerRow, dc = Double(column) - centerColumn
                    if dr * dr + dc * dc <= radius * radius { labels[row * size + column] = 1 }
                }
            }
        }
        return LabelMap(height: size, width: size, labels: labels)
    }

    /// An N×N input. `classes == 1` gives a binary input (one logit channel); `classes ≥ 2` a multi-class one.
    ///
    /// The truth paints `max(2, C)` random discs with random labels onto background 0; the logits favour the true
    /// class by 2 plus uniform noise in `[−3, 3]`, so every loss sees both right and wrong pixels.
    public static func make(size: Int, classes: Int, seed: UInt64) -> LossInput {
        var random = SplitMix64(seed: seed)
        let plane = size * size
        let labelCount = Swift.max(classes, 2)
        var labels = [Int32](repeating: 0, count: plane)
        for _ in 0..<labelCount * 2 {
            let centerRow = Double.random(in: 0..<Double(size), using: &random)
            let centerColumn = Double.random(in: 0..<Double(size), using: &random)
            let radius = Double.random(in: 0.05...0.2, using: &random) * Double(size)
            let label = Int32.random(in: 1..<Int32(labelCount), using: &random)
            for row in 0..<size {
                for column in 0..<size {
                    let dr = Double(row) - centerRow, dc = Double(column) - centerColumn
                    if dr * dr + dc * dc <= radius * radius { labels[row * size + column] = label }
                }
            }
        }
        var logits = [Double](repeating: 0, count: classes * plane)
        for pixel in 0..<plane {
            if classes == 1 {
                logits[pixel] = (labels[pixel] == 1 ? 2 : -2) + Double.random(in: -3...3, using: &random)
            } else {
                for c in 0..<classes {
                    logits[c * plane + pixel] = (labels[pixel] == c ? 2 : 0) + Double.random(in: -3...3, using: &random)
                }
            }
        }
        // The catalogue's conventions guarantee these are valid: labels < max(C, 2), finite logits.
        return try! LossInput(
            truth: LabelMap(height: size, width: size, labels: labels),
            logits: Logits(classes: classes, height: size, width: size, values: logits))
    }
}
