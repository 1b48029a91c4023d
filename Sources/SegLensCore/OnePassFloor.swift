/// The least work any loss's value and gradient can do: one parallel pass that reads every logit and label and
/// writes one gradient value per logit, `g = z·(2·1[y = c] − 1)`, in the same chunks the loss kernels use.
///
/// Benchmarks time it next to the losses, in the same run, so that every figure also reads as a multiple of it.
public enum OnePassFloor {
    /// Writes `gradient` (resized to `C×H×W` if needed) and returns the sum of its values.
    public static func run(_ input: LossInput, into gradient: inout [Double]) -> Double {
        let classes = input.logits.classes, plane = input.pixelCount, count = classes * plane
        if gradient.count != count {
            gradient = [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
        return input.logits.values.withUnsafeBufferPointer { logits in
            input.truth.labels.withUnsafeBufferPointer { labels in
                gradient.withUnsafeMutableBufferPointer { buffer in
                    let g = DisjointWrites(buffer)
                    return ParallelChunks.map(count: plane) { range in
                        var sum = 0.0
                        for c in 0..<classes {
                            let base = c * plane, target = Int32(classes == 1 ? 1 : c)
                            for pixel in range {
                                let z = logits[base + pixel], value = labels[pixel] == target ? z : -z
                                g[base + pixel] = value
                                sum += value
                            }
                        }
                        return sum
                    }.reduce(0, +)
                }
            }
        }
    }
}
