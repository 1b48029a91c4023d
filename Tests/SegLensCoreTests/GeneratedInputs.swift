import SegLensCore

/// Random inputs for the property tests, from a fixed seed.
enum GeneratedInputs {
    enum TruthShape: CaseIterable { case random, empty, full }

    static func binary(
        height: Int = 5, width: Int = 6, truth shape: TruthShape = .random, logitScale: Double = 3,
        ignoring ignored: Int = 0, seed: UInt64 = 1
    ) -> LossInput {
        var random = SplitMix64(seed: seed)
        let count = height * width
        var labels: [Int32] = (0..<count).map { _ in
            switch shape {
            case .random: Int32.random(in: 0...1, using: &random)
            case .empty: 0
            case .full: 1
            }
        }
        for pixel in 0..<ignored { labels[pixel * 7 % count] = 255 }
        let logits = (0..<count).map { _ in Double.random(in: -logitScale...logitScale, using: &random) }
        return try! LossInput(
            truth: LabelMap(height: height, width: width, labels: labels),
            logits: Logits(classes: 1, height: height, width: width, values: logits),
            ignoreIndex: ignored > 0 ? 255 : nil)
    }

    static func multiclass(
        classes: Int = 3, height: Int = 5, width: Int = 6, truth shape: TruthShape = .random,
        logitScale: Double = 3, ignoring ignored: Int = 0, seed: UInt64 = 2
    ) -> LossInput {
        var random = SplitMix64(seed: seed)
        let count = height * width
        var labels: [Int32] = (0..<count).map { _ in
            switch shape {
            case .random: Int32.random(in: 0..<Int32(classes), using: &random)
            case .empty: 0
            case .full: Int32(classes - 1)
            }
        }
        for pixel in 0..<ignored { labels[pixel * 7 % count] = 255 }
        let logits = (0..<classes * count).map { _ in Double.random(in: -logitScale...logitScale, using: &random) }
        return try! LossInput(
            truth: LabelMap(height: height, width: width, labels: labels),
            logits: Logits(classes: classes, height: height, width: width, values: logits),
            ignoreIndex: ignored > 0 ? 255 : nil)
    }

    /// The same input with other logits.
    static func replacingLogits(of input: LossInput, with values: [Double]) -> LossInput {
        let l = input.logits
        return try! LossInput(
            truth: input.truth, logits: Logits(classes: l.classes, height: l.height, width: l.width, values: values),
            ignoreIndex: input.ignoreIndex)
    }
}
