import RealModule
import Synchronization

/// The U-Net weight map of the reference article for a binary truth,
/// `w(x) = w_c(x) + w0 · exp(−(d1(x) + d2(x))² / (2σ²))`, split into what depends on the truth alone (computed
/// once per truth and cached, see ``cached(for:)``) and the cheap per-pixel formula of ``weights(w0:sigma:)``.
///
/// - `w_c(x) = N / (K · N_{y(x)})`: N kept pixels, K the number of classes present among them (1 or 2), N_c the
///   count of class c, so that the class weights sum to N over the image.
/// - Objects are the 8-connected components of the foreground (label 1). `d1(x)`, `d2(x)` are the Euclidean
///   distances from the centre of background pixel x to the nearest pixel centre of its nearest and second-nearest
///   object, from one exact distance transform per object (``EuclideanDistanceTransform``).
/// - The border term is added on kept background pixels only, and only when there are two or more objects.
/// - Ignored pixels weigh 0; they are neither objects nor background.
public struct BorderWeightMap: Sendable {
    public let height: Int
    public let width: Int
    /// The number of objects (8-connected foreground components).
    public let objectCount: Int
    /// The truth's labels (shared with it, not copied) and ignore label: `w_c` is a function of the label.
    private let labels: [Int32]
    private let ignore: Int32?
    /// `w_c` of class 0 and class 1.
    private let perClass: [Double]
    /// `d1 + d2` per pixel where the border term applies, NaN elsewhere; empty with fewer than two objects.
    /// One Double a pixel (an optional Double takes two).
    private let borderSums: [Double]

    /// `w_c` per pixel; 0 at ignored pixels.
    public var classWeights: [Double] { labels.map { $0 == ignore ? 0 : perClass[Int($0)] } }
    /// `d1 + d2` per pixel where the border term applies (kept background pixels, two or more objects), `nil`
    /// elsewhere.
    public var borderDistances: [Double?] {
        borderSums.isEmpty ? [Double?](repeating: nil, count: labels.count) : borderSums.map { $0.isNaN ? nil : $0 }
    }

    /// Computes the class weights and the distances of a binary `truth`; pixels labelled `ignore` are not kept.
    ///
    /// Besides the map (8 bytes a pixel with two or more objects) it needs, while it runs, the component labels
    /// (4 bytes a pixel) and the two smallest squared distances as exact 32-bit integers (8 bytes a pixel).
    public init(truth: LabelMap, ignore: Int32?) {
        height = truth.height
        width = truth.width
        let labels = truth.labels
        self.labels = labels
        self.ignore = ignore
        var counts = [0, 0]
        for label in labels where label != ignore { counts[Int(label)] += 1 }
        let kept = Double(counts[0] + counts[1]), present = Double(counts.filter { $0 > 0 }.count)
        perClass = counts.map { $0 == 0 ? 0 : kept / (present * Double($0)) }
        let objects = ConnectedComponents(height: height, width: width) { labels[$0] == 1 && labels[$0] != ignore }
        objectCount = objects.count
        guard objects.count >= 2 else {
            borderSums = []
            return
        }
        // The two smallest squared distances to distinct objects, per pixel: integers (pixel centres), exact in 32
        // bits up to 46,340 pixels apart; UInt32.max stands for none.
        var nearest = [UInt32](repeating: .max, count: labels.count)
        var second = [UInt32](repeating: .max, count: labels.count)
        let componentLabels = objects.labels, width = width
        var transform = EuclideanDistanceTransform(height: height, width: width)
        nearest.withUnsafeMutableBufferPointer { nearest in
            second.withUnsafeMutableBufferPointer { second in
                componentLabels.withUnsafeBufferPointer { componentLabels in
                    for (index, box) in objects.bounds.enumerated() {
                        let object = Int32(index)
                        transform.transform(sourceBounds: box, isSource: { componentLabels[$0] == object }) { row, distances in
                            let base = row * width
                            for column in 0..<width {
                                let d = distances[column] < 4_294_967_295 ? UInt32(distances[column]) : .max
                                let pixel = base + column
                                if d < nearest[pixel] {
                                    second[pixel] = nearest[pixel]
                                    nearest[pixel] = d
                                } else if d < second[pixel] {
                                    second[pixel] = d
                                }
                            }
                        }
                    }
                }
            }
        }
        borderSums = labels.indices.map { pixel in
            labels[pixel] == 0 && labels[pixel] != ignore
                ? Double(nearest[pixel]).squareRoot() + Double(second[pixel]).squareRoot() : .nan
        }
    }

    /// `w(x) = w_c(x) + w0 · exp(−(d1 + d2)² / (2σ²))` per pixel (`H×W`), 0 at ignored pixels.
    public func weights(w0: Double, sigma: Double) -> [Double] {
        let scale = 1 / (2 * sigma * sigma)
        return labels.indices.map { pixel in
            let label = labels[pixel]
            guard label != ignore else { return 0 }
            let classWeight = perClass[Int(label)]
            guard !borderSums.isEmpty, case let sum = borderSums[pixel], !sum.isNaN else { return classWeight }
            return classWeight + w0 * Double.exp(-sum * sum * scale)
        }
    }

    /// The map of `input`'s truth, computed on the first call for that truth and ignore index and then reused, so
    /// that a parameter step or a new prediction over the same truth does not recompute the distances.
    public static func cached(for input: LossInput) -> BorderWeightMap {
        cache.withLock { entries in
            if let hit = entries.first(where: { $0.truth == input.truth && $0.ignore == input.ignoreIndex }) {
                return hit.map
            }
            let map = BorderWeightMap(truth: input.truth, ignore: input.ignoreIndex)
            entries.insert((input.truth, input.ignoreIndex, map), at: 0)
            if entries.count > cacheSize { entries.removeLast() }
            return map
        }
    }

    /// How many truths the cache keeps (a file has one truth; tests use several).
    private static let cacheSize = 4
    private static let cache = Mutex<[(truth: LabelMap, ignore: Int32?, map: BorderWeightMap)]>([])
}
