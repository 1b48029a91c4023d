import Testing
@testable import SegLensCore

/// ``Loss/valueAndGradient(_:parameters:into:)`` (the training and benchmark path) against ``Loss/evaluate(_:parameters:)``,
/// whose value and gradient the reference cases pin; and the one-pass floor against its definition by hand.
@Suite struct GradientPathTests {
    @Test(arguments: [1, 4])
    func valueAndGradientMatchEvaluate(classes: Int) {
        let input = SyntheticInput.make(size: 40, classes: classes, seed: 7)
        var gradient: [Double] = [1, 2, 3]  // the wrong size: must be resized
        for loss in Loss.catalogue(input.mode) {
            for parameters in [loss.defaultParameters, LossParameters(alpha: 0.4, gamma: 1.5, beta: 0.6, smooth: 0.5)] {
                let reference = loss.evaluate(input, parameters: parameters)
                let value = loss.valueAndGradient(input, parameters: parameters, into: &gradient)
                #expect(abs(value - reference.value) <= 1e-12 * max(1, abs(reference.value)), "\(loss.name)")
                #expect(gradient.count == reference.gradient.count)
                let scale = reference.gradient.map(abs).max() ?? 0
                let error = zip(gradient, reference.gradient).map { abs($0 - $1) }.max() ?? 0
                #expect(error <= 1e-12 * max(scale, 1e-300), "\(loss.name) \(parameters): \(error) vs \(scale)")
            }
        }
    }

    /// ``Loss/boundedValue(_:parameters:)`` (what `eval` prints) against the exact evaluation, for every loss of
    /// both modes, with and without ignored pixels.
    @Test(arguments: [1, 4])
    func boundedValueMatchesEvaluate(classes: Int) throws {
        let plain = SyntheticInput.make(size: 40, classes: classes, seed: 9)
        var labels = plain.truth.labels
        for pixel in stride(from: 0, to: labels.count, by: 7) { labels[pixel] = 255 }
        let ignoring = try LossInput(
            truth: LabelMap(height: plain.height, width: plain.width, labels: labels), logits: plain.logits, ignoreIndex: 255)
        for input in [plain, ignoring] {
            for loss in Loss.catalogue(input.mode) {
                for parameters in [loss.defaultParameters, LossParameters(alpha: 0.4, gamma: 1.5, beta: 0.6, smooth: 0.5)] {
                    let reference = loss.evaluate(input, parameters: parameters).value
                    let value = loss.boundedValue(input, parameters: parameters)
                    #expect(abs(value - reference) <= 1e-12 * max(1, abs(reference)), "\(loss.name) \(parameters)")
                }
            }
        }
    }

    /// The Float kernels on inputs with ignored pixels, logits up to ±40 and a size that leaves a partial group of
    /// lanes at the end of each chunk: within 1e−5 of the exact evaluation.
    @Test(arguments: [37, 64])
    func floatPathMatchesEvaluateWithin1e5(size: Int) throws {
        var random = SplitMix64(seed: 11)
        let labels = (0..<size * size).map { _ in Int32(random.next() % 7 == 0 ? 255 : random.next() % 3 == 0 ? 1 : 0) }
        let logits = (0..<size * size).map { _ in (Double(random.next() % 1_000_001) / 1_000_000 - 0.5) * 80 }
        let input = try LossInput(
            truth: LabelMap(height: size, width: size, labels: labels),
            logits: Logits(classes: 1, height: size, width: size, values: logits), ignoreIndex: 255)
        var gradient: [Double] = []
        for loss in Loss.catalogue(.binary) where loss.hasFloatKernel {
            for parameters in [loss.defaultParameters, LossParameters(alpha: 0.3, gamma: 0.7, beta: 0.8, smooth: 0)] {
                let exact = loss.evaluate(input, parameters: parameters)
                let value = loss.valueAndGradient(input, parameters: parameters, precision: .float, into: &gradient)
                #expect(abs(value - exact.value) <= 1e-5 * abs(exact.value), "\(loss.name) \(parameters)")
                let scale = exact.gradient.map(abs).max()!
                let error = zip(gradient, exact.gradient).map { abs($0 - $1) }.max()!
                #expect(error <= 1e-5 * scale, "\(loss.name) \(parameters): \(error) vs \(scale)")
                for (pixel, label) in labels.enumerated() where label == 255 { #expect(gradient[pixel] == 0) }
            }
        }
    }

    @Test func onePassFloorWritesSignedLogits() throws {
        let truth = LabelMap(height: 1, width: 3, labels: [0, 1, 2])
        let logits = Logits(classes: 3, height: 1, width: 3, values: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let input = try LossInput(truth: truth, logits: logits)
        var gradient: [Double] = []
        let sum = OnePassFloor.run(input, into: &gradient)
        // Class c keeps z where y = c and negates it elsewhere.
        #expect(gradient == [1, -2, -3, -4, 5, -6, -7, -8, 9])
        #expect(sum == -15)
    }
}
