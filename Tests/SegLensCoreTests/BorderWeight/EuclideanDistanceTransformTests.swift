import Testing
import SegLensCore

/// The distance transform against brute force: the minimum of `(Δrow)² + (Δcolumn)²` over every source pixel.
@Suite struct EuclideanDistanceTransformTests {
    static func bruteForce(height: Int, width: Int, sources: [Bool]) -> [Double] {
        (0..<(height * width)).map { pixel in
            var best = Double.infinity
            for source in sources.indices where sources[source] {
                let dr = Double(pixel / width - source / width), dc = Double(pixel % width - source % width)
                best = min(best, dr * dr + dc * dc)
            }
            return best
        }
    }

    @Test(arguments: [(1, 1), (1, 9), (7, 1), (6, 11), (13, 8), (20, 20)], [0.02, 0.2, 0.7])
    func matchesBruteForceOnRandomMasks(shape: (Int, Int), density: Double) {
        let (height, width) = shape
        var random = SplitMix64(seed: UInt64(height * 1000 + width) &+ UInt64(density * 100))
        for _ in 0..<5 {
            let sources = (0..<(height * width)).map { _ in Double.random(in: 0..<1, using: &random) < density }
            let exact = Self.bruteForce(height: height, width: width, sources: sources)
            let fast = EuclideanDistanceTransform.squaredDistances(height: height, width: width) { sources[$0] }
            #expect(fast == exact)
        }
    }

    @Test func noSourceIsInfinityEverywhere() {
        let distances = EuclideanDistanceTransform.squaredDistances(height: 3, width: 4) { _ in false }
        #expect(distances.allSatisfy { $0 == .infinity })
    }

    /// With the sources' box given, only the box is searched and the result is still the full-image one.
    @Test func boundedSearchMatchesBruteForce() {
        var random = SplitMix64(seed: 8)
        let height = 17, width = 23
        for _ in 0..<10 {
            func span(_ count: Int) -> ClosedRange<Int> {
                let ends = [Int.random(in: 0..<count, using: &random), Int.random(in: 0..<count, using: &random)].sorted()
                return ends[0]...ends[1]
            }
            let rows = span(height), columns = span(width)
            let sources = (0..<(height * width)).map { pixel in
                rows.contains(pixel / width) && columns.contains(pixel % width) && Bool.random(using: &random)
            }
            let exact = Self.bruteForce(height: height, width: width, sources: sources)
            var transform = EuclideanDistanceTransform(height: height, width: width)
            var fast = [Double](repeating: -1, count: height * width)
            transform.transform(sourceBounds: .init(rows: rows, columns: columns), isSource: { sources[$0] }) { row, line in
                for column in 0..<width { fast[row * width + column] = line[column] }
            }
            #expect(fast == exact)
        }
    }
}
