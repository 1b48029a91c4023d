import SegLensCore

/// Whether an explorer value agrees with the exact `evaluate` path: within 1e−12 relative (1e−12 absolute near 0).
///
/// The explorer computes binary values with the fused kernels (``SegLensCore/Loss/value(_:parameters:prepared:)``),
/// whose polynomial `exp`/`log1p` differ from glibc's by a few ulp; SegLensCoreTests bound that difference at 1e−12.
func agreesWithEngine(_ explorer: Double, _ exact: Double) -> Bool {
    abs(explorer - exact) <= 1e-12 * max(1, abs(exact))
}
