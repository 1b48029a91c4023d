import Testing
@testable import SegLensCore

/// The fused multi-class warm path (``Loss/valueAndGradient(_:parameters:into:)``: ``MulticlassGradientKernel``,
/// Lovász-softmax from the logits) against the exact path (``Loss/evaluate(_:parameters:)``, which the PyTorch
/// reference cases pin) on random inputs with ignored pixels, against central finite differences of its own value,
/// and run against run.
@Suite struct MulticlassKernelTests {
    /// Parameter sets per loss: γ of 0, 1, 2 (exact powers) and in between (`exp(γ·log q)`), α on and off, β at its
    /// edges, smoothing 0.
    static func parameterSets(_ loss: Loss) -> [LossParameters] {
        switch loss {
        case .multiclassFocal:
            [0, 0.5, 1, 2, 3.7].flatMap { gamma in
                [nil, 0.25].map { LossParameters(alpha: $0, gamma: gamma) }
            }
        case .multiclassTversky: [0, 0.3, 1].flatMap { beta in [0, 1e-5, 1].map { LossParameters(beta: beta, smooth: $0) } }
        case .multiclassDice, .multiclassIoU: [0, 1e-5, 1].map { LossParameters(smooth: $0) }
        default: [loss.defaultParameters]
        }
    }

    struct Shape: CustomStringConvertible, Sendable {
        var classes: Int, height: Int, width: Int, logitScale: Double, ignored: Int
        var description: String { "\(classes)×\(height)×\(width) scale \(logitScale), \(ignored) ignored" }
    }

    /// Odd sizes leave partial lane groups and blocks; 41×1000 pixels span two parallel chunks.
    static let shapes = [
        Shape(classes: 2, height: 3, width: 5, logitScale: 3, ignored: 2),
        Shape(classes: 5, height: 13, width: 17, logitScale: 3, ignored: 40),
        Shape(classes: 21, height: 9, width: 31, logitScale: 6, ignored: 25),
        Shape(classes: 3, height: 41, width: 1000, logitScale: 4, ignored: 3000),
        Shape(classes: 4, height: 11, width: 12, logitScale: 40, ignored: 10),  // confident: p_t → 1, q → 0
    ]

    static func input(_ shape: Shape, seed: UInt64 = 5) -> LossInput {
        GeneratedInputs.multiclass(
            classes: shape.classes, height: shape.height, width: shape.width, logitScale: shape.logitScale,
            ignoring: shape.ignored, seed: seed)
    }

    /// The fused value and gradient of `loss` on `input` against the exact path, within 1e−12 (the gradient relative
    /// to its largest element), for every parameter set; returns the last fused gradient.
    @discardableResult
    static func expectFusedMatchesExact(_ loss: Loss, on input: LossInput) -> [Double] {
        var gradient: [Double] = []
        for parameters in parameterSets(loss) {
            let exact = loss.evaluate(input, parameters: parameters)
            let value = loss.valueAndGradient(input, parameters: parameters, into: &gradient)
            #expect(abs(value - exact.value) <= 1e-12 * max(abs(exact.value), 1e-300), "\(parameters): \(value) vs \(exact.value)")
            let scale = exact.gradient.map(abs).max()!
            let error = zip(gradient, exact.gradient).map { abs($0 - $1) }.max()!
            #expect(error <= 1e-12 * max(scale, 1e-300), "\(parameters): gradient error \(error) against \(scale)")
        }
        return gradient
    }

    @Test(arguments: Loss.catalogue(.multiclass), shapes)
    func fusedMatchesExactPathWithIgnoredPixels(_ loss: Loss, _ shape: Shape) {
        let input = Self.input(shape)
        #expect(input.ignoredCount > 0)
        let gradient = Self.expectFusedMatchesExact(loss, on: input)
        let plane = input.pixelCount
        let ignored = (0..<plane).filter { input.truth.labels[$0] == 255 }
        #expect(ignored.allSatisfy { pixel in (0..<shape.classes).allSatisfy { gradient[$0 * plane + pixel] == 0 } })
    }

    /// An ignore index that is also a class id (PyTorch allows any): that class takes part in nothing.
    @Test(arguments: Loss.catalogue(.multiclass))
    func fusedMatchesExactPathWhenTheIgnoreIndexIsAClass(_ loss: Loss) throws {
        let generated = GeneratedInputs.multiclass(classes: 4, height: 9, width: 11, seed: 13)
        let input = try LossInput(truth: generated.truth, logits: generated.logits, ignoreIndex: 1)
        #expect(input.ignoredCount > 0)
        Self.expectFusedMatchesExact(loss, on: input)
    }

    /// Ties (equal logits at every pixel, and two classes sharing the largest logit) and an empty class.
    @Test(arguments: Loss.catalogue(.multiclass))
    func fusedMatchesExactPathOnTies(_ loss: Loss) throws {
        let classes = 4, height = 6, width = 7, plane = height * width
        let labels = (0..<plane).map { Int32($0 % 3) }  // class 3 never appears
        let truth = LabelMap(height: height, width: width, labels: labels)
        var inputs = [try LossInput(
            truth: truth, logits: Logits(classes: classes, height: height, width: width,
                                         values: [Double](repeating: 0.5, count: classes * plane)))]
        var tied = [Double](repeating: -1, count: classes * plane)
        for pixel in 0..<plane {
            tied[(pixel % classes) * plane + pixel] = 2
            tied[((pixel + 1) % classes) * plane + pixel] = 2
        }
        inputs.append(try LossInput(truth: truth, logits: Logits(classes: classes, height: height, width: width, values: tied)))
        for input in inputs { Self.expectFusedMatchesExact(loss, on: input) }
    }

    /// The fused gradient is the derivative of the fused value (central differences, step 1e−6).
    @Test(arguments: Loss.catalogue(.multiclass))
    func fusedGradientMatchesFiniteDifferences(_ loss: Loss) {
        let input = GeneratedInputs.multiclass(classes: 3, height: 4, width: 5, ignoring: 3, seed: 9)
        for parameters in Self.parameterSets(loss) {
            var gradient: [Double] = [], scratch: [Double] = []
            _ = loss.valueAndGradient(input, parameters: parameters, into: &gradient)
            let scale = max(gradient.map(abs).max()!, 1e-12), h = 1e-6
            var worst = 0.0
            for index in input.logits.values.indices {
                var plus = input.logits.values, minus = input.logits.values
                plus[index] += h
                minus[index] -= h
                let up = loss.valueAndGradient(
                    GeneratedInputs.replacingLogits(of: input, with: plus), parameters: parameters, into: &scratch)
                let down = loss.valueAndGradient(
                    GeneratedInputs.replacingLogits(of: input, with: minus), parameters: parameters, into: &scratch)
                worst = max(worst, abs((up - down) / (2 * h) - gradient[index]))
            }
            // Lovász is piecewise linear in p: a step that reorders two errors bends it, so it gets a looser bound.
            #expect(worst <= (loss == .lovaszSoftmax ? 1e-4 : 1e-6) * max(scale, 1), "\(parameters): \(worst) against \(scale)")
        }
    }

    /// Fixed chunks and reduction order: the same input gives the same bits on every run.
    @Test(arguments: Loss.catalogue(.multiclass))
    func fusedPathIsIdenticalRunToRun(_ loss: Loss) {
        let input = Self.input(Self.shapes[3])
        var first: [Double] = [], second: [Double] = []
        let a = loss.valueAndGradient(input, into: &first)
        let b = loss.valueAndGradient(input, into: &second)
        #expect(a.bitPattern == b.bitPattern)
        #expect(first.map(\.bitPattern) == second.map(\.bitPattern))
    }
}
