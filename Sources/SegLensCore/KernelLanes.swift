/// The lanes a fused kernel (``BinaryGradientKernel``) computes in: `SIMD4<Double>`, which matches the exact path
/// within 1e−12, or `SIMD8<Float>`, twice the pixels per instruction and within 1e−5 of it (``GradientPrecision``).
/// Logits come in and gradients go out as Doubles either way; sums are accumulated in Doubles.
protocol KernelLanes: SIMD where Scalar: BinaryFloatingPoint {
    /// Double accumulators holding one lane's partial sum per lane.
    associatedtype Sum: SIMD where Sum.Scalar == Double

    /// `e^x` lane by lane, for `x ≤ 0`.
    static func fastExp(_ x: Self) -> Self
    /// `log(1 + e)` lane by lane, for `e ∈ [0, 1]`.
    static func fastLog1p(_ e: Self) -> Self
    /// `scalarCount` Doubles (logits, weights, a stored gradient) from `pointer`, rounded to `Scalar`.
    static func loadDoubles(_ pointer: UnsafePointer<Double>) -> Self
    /// `scalarCount` labels from `pointer`, as `Scalar`s.
    static func loadLabels(_ pointer: UnsafePointer<Int32>) -> Self
    /// Writes the lanes to `scalarCount` Doubles from `pointer`.
    func store(_ pointer: UnsafeMutablePointer<Double>)
    /// Writes the lanes, rounded to Float, to `scalarCount` Floats from `pointer`.
    func storeFloats(_ pointer: UnsafeMutablePointer<Float>)
    /// Adds the lanes to `sum`.
    func accumulate(into sum: inout Sum)

    // The comparisons and the blend are requirements so that generic kernels call each type's vector instructions:
    // the SIMD protocol's generic `.<` and `replacing(with:where:)` build their masks lane by lane.
    /// `a < b`, lane by lane.
    static func isLess(_ a: Self, _ b: Self) -> SIMDMask<MaskStorage>
    /// `a == b`, lane by lane.
    static func isEqual(_ a: Self, _ b: Self) -> SIMDMask<MaskStorage>
    /// `whereTrue` in the lanes of `mask`, `otherwise` in the others.
    static func select(_ mask: SIMDMask<MaskStorage>, _ whereTrue: Self, _ otherwise: Self) -> Self
}

extension KernelLanes {
    /// The larger of `a` and `b`, lane by lane (`pointwiseMax` without its NaN handling, which costs a call).
    @inline(__always)
    static func maximum(_ a: Self, _ b: Self) -> Self {
        select(isLess(a, b), b, a)
    }
}

extension SIMD4: KernelLanes where Scalar == Double {
    typealias Sum = SIMD4<Double>

    @inline(__always) static func fastExp(_ x: Self) -> Self { FastMath.exp(x) }
    @inline(__always) static func fastLog1p(_ e: Self) -> Self { FastMath.log1p(e) }

    @inline(__always)
    static func loadDoubles(_ pointer: UnsafePointer<Double>) -> Self {
        UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    }

    @inline(__always)
    static func loadLabels(_ pointer: UnsafePointer<Int32>) -> Self {
        Self(UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Int32>.self))
    }

    @inline(__always)
    func store(_ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: Self.self)
    }

    @inline(__always)
    func storeFloats(_ pointer: UnsafeMutablePointer<Float>) {
        for lane in 0..<4 { pointer[lane] = Float(self[lane]) }
    }

    @inline(__always)
    func accumulate(into sum: inout Sum) { sum += self }

    @inline(__always) static func isLess(_ a: Self, _ b: Self) -> SIMDMask<MaskStorage> { a .< b }
    @inline(__always) static func isEqual(_ a: Self, _ b: Self) -> SIMDMask<MaskStorage> { a .== b }
    @inline(__always)
    static func select(_ mask: SIMDMask<MaskStorage>, _ whereTrue: Self, _ otherwise: Self) -> Self {
        otherwise.replacing(with: whereTrue, where: mask)
    }
}

extension SIMD8: KernelLanes where Scalar == Float {
    typealias Sum = SIMD8<Double>

    @inline(__always) static func fastExp(_ x: Self) -> Self { FastMath.exp(x) }
    @inline(__always) static func fastLog1p(_ e: Self) -> Self { FastMath.log1p(e) }

    // The conversions are written out lane by lane, which the optimiser turns into vector instructions (the
    // standard library's converting initialisers are not always inlined into a large kernel, and a call costs more
    // than the conversion), between whole 8-lane vectors: converting straight from or to memory lane by lane lets
    // the vectoriser start from 4-Double groups, and then it splits the whole kernel into two halves of 4 Floats.
    @inline(__always)
    static func loadDoubles(_ pointer: UnsafePointer<Double>) -> Self {
        let doubles = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Double>.self)
        var lanes = Self()
        for lane in 0..<8 { lanes[lane] = Float(doubles[lane]) }
        return lanes
    }

    @inline(__always)
    static func loadLabels(_ pointer: UnsafePointer<Int32>) -> Self {
        let labels = UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Int32>.self)
        var lanes = Self()
        for lane in 0..<8 { lanes[lane] = Float(labels[lane]) }
        return lanes
    }

    /// The lanes as Doubles, exactly.
    @inline(__always)
    var doubles: SIMD8<Double> {
        var doubles = SIMD8<Double>()
        for lane in 0..<8 { doubles[lane] = Double(self[lane]) }
        return doubles
    }

    @inline(__always)
    func store(_ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: doubles, as: SIMD8<Double>.self)
    }

    @inline(__always)
    func storeFloats(_ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: self, as: Self.self)
    }

    @inline(__always)
    func accumulate(into sum: inout Sum) { sum += doubles }

    @inline(__always) static func isLess(_ a: Self, _ b: Self) -> SIMDMask<MaskStorage> { a .< b }
    @inline(__always) static func isEqual(_ a: Self, _ b: Self) -> SIMDMask<MaskStorage> { a .== b }
    @inline(__always)
    static func select(_ mask: SIMDMask<MaskStorage>, _ whereTrue: Self, _ otherwise: Self) -> Self {
        otherwise.replacing(with: whereTrue, where: mask)
    }
}
