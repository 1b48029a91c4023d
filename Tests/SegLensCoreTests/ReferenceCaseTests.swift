import Testing
import SegLensCore

/// Every case of the PyTorch reference set: value within 1e−9 relative, gradient within 1e−8 of its largest entry.
@Suite struct ReferenceCaseTests {
    @Test func theReferenceSetCoversTheWholeCatalogue() {
        let covered = Set(ReferenceCase.all.map(\.loss))
        // border-bce has no library to compare with: BorderWeightMapTests checks it against hand-computed values.
        #expect(covered == Set(Loss.allCases).subtracting([.borderBCE]))
        #expect(ReferenceCase.all.count == 166)
    }

    @Test(arguments: ReferenceCase.all)
    func valueAndGradientMatchPyTorch(_ reference: ReferenceCase) {
        let result = reference.loss.evaluate(reference.input, parameters: reference.parameters)
        let valueError = abs(result.value - reference.value)
        #expect(valueError <= 1e-9 * max(abs(reference.value), 1e-300), "value \(result.value) vs \(reference.value)")
        let scale = reference.gradient.map(abs).max()!
        let gradientError = zip(result.gradient, reference.gradient).map { abs($0 - $1) }.max()!
        #expect(gradientError <= 1e-8 * scale, "gradient error \(gradientError) against scale \(scale)")
        #expect(result.gradient.count == reference.gradient.count)
    }

    /// The training path (fused kernels with polynomial exp/log1p for the binary pixel-wise and region losses)
    /// meets the same tolerances, and agrees with the exact evaluation within 1e−12.
    @Test(arguments: ReferenceCase.all)
    func fusedValueAndGradientMatchPyTorch(_ reference: ReferenceCase) {
        var gradient: [Double] = []
        let value = reference.loss.valueAndGradient(reference.input, parameters: reference.parameters, into: &gradient)
        #expect(abs(value - reference.value) <= 1e-9 * max(abs(reference.value), 1e-300), "value \(value) vs \(reference.value)")
        let scale = reference.gradient.map(abs).max()!
        #expect(zip(gradient, reference.gradient).map { abs($0 - $1) }.max()! <= 1e-8 * scale)
        #expect(gradient.count == reference.gradient.count)
        let exact = reference.loss.evaluate(reference.input, parameters: reference.parameters)
        #expect(abs(value - exact.value) <= 1e-12 * max(abs(exact.value), 1e-300), "value \(value) vs exact \(exact.value)")
        let exactScale = exact.gradient.map(abs).max()!
        #expect(zip(gradient, exact.gradient).map { abs($0 - $1) }.max()! <= 1e-12 * exactScale)
    }

    /// The Float kernels (``GradientPrecision/float``) agree with PyTorch's float64 values within 1e−5 relative, and
    /// their gradients within 1e−5 of the largest gradient element.
    @Test(arguments: ReferenceCase.all.filter(\.loss.hasFloatKernel))
    func floatValueAndGradientMatchPyTorchWithin1e5(_ reference: ReferenceCase) {
        var gradient: [Double] = []
        let value = reference.loss.valueAndGradient(
            reference.input, parameters: reference.parameters, precision: .float, into: &gradient)
        #expect(abs(value - reference.value) <= 1e-5 * max(abs(reference.value), 1e-300), "value \(value) vs \(reference.value)")
        let scale = reference.gradient.map(abs).max()!
        let error = zip(gradient, reference.gradient).map { abs($0 - $1) }.max()!
        #expect(error <= 1e-5 * scale, "gradient error \(error) against scale \(scale)")
        #expect(gradient.count == reference.gradient.count)
    }
}
