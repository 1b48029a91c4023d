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
