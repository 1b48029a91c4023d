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
    /// `w_c` per pixel; 0 at ignored pixels.
    public let classWeights: [Double]
    /// `d1 + d2` per pixel where the border term applies (kept background pixels, two or more objects), `nil`
    /// elsewhere.
    public let borderDistances: [Double?]
    /// The number of objects (8-connected foreground components).
    public let objectCount: Int

    /// Computes the class weights and the distances of a binary `truth`; pixels labelled `ignore` are not kept.
    public init(truth: LabelMap, ignore: Int32?) {
        height = truth.height
        width = truth.width
        let labels = truth.labels
        var counts = [0, 0]
        for label in labels where label != ignore { counts[Int(label)] += 1 }
        let kept = Double(counts[0] + counts[1]), present = Double(counts.filter { $0 > 0 }.count)
        let perClass = counts.map { $0 == 0 ? 0 : kept / (present * Double($0)) }
        classWeights = labels.map { $0 == ignore ? 0 : perClass[Int($0)] }
        let objects = ConnectedComponents(height: height, width: width) { labels[$0] == 1 && labels[$0] != ignore }
        objectCount = objects.count
        guard objects.count >= 2 else {
            borderDistances = [Double?](repeating: nil, count: labels.count)
            return
        }
        // The two smallest squared distances to distinct objects, per pixel.
        var nearest = [Double](repeating: .infinity, count: labels.count)
        var second = [Double](repeating: .infinity, count: labels.count)
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
                                let d = distances[column], pixel = base + column
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
        borderDistances = labels.indices.map { pixel in
            labels[pixel] == 0 && labels[pixel] != ignore
                ? nearest[pixel].squareRoot() + second[pixel].squareRoot() : nil
        }
    }

    /// `w(x) = w_c(x) + w0 · exp(−(d1 + d2)² / (2σ²))` per pixel (`H×W`), 0 at ignored pixels.
    public func weights(w0: Double, sigma: Double) -> [Double] {
        let scale = 1 / (2 * sigma * sigma)
        return classWeights.indices.map { pixel in
            guard let sum = borderDistances[pixel] else { return classWeights[pixel] }
            return classWeights[pixel] + w0 * Double.exp(-sum * sum * scale)
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
