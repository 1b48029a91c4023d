import Testing
import RealModule
import SegLensCore

/// The U-Net weight map against values computed by hand from its definition (docs/losses.md).
@Suite struct BorderWeightMapTests {
    static func truth(_ rows: [String]) -> LabelMap {
        let width = rows[0].count
        return LabelMap(height: rows.count, width: width, labels: rows.flatMap { Array($0) }.map {
            $0 == "#" ? 1 : $0 == "x" ? 255 : 0
        })
    }

    /// Two one-pixel objects at (0,0) and (2,4) of a 3×5 image. N = 15, N₁ = 2, N₀ = 13, K = 2, so
    /// w_c = 15/(2·2) = 3.75 on the objects and 15/(2·13) = 15/26 on the background.
    @Test func twoObjectsByHand() {
        let map = BorderWeightMap(truth: Self.truth([
            "#....",
            ".....",
            "....#",
        ]), ignore: nil)
        #expect(map.objectCount == 2)
        let w = map.weights(w0: 10, sigma: 5)
        func border(_ d1: Double, _ d2: Double) -> Double { 15.0 / 26 + 10 * .exp(-(d1 + d2) * (d1 + d2) / 50) }
        #expect(w[0] == 3.75)
        #expect(w[14] == 3.75)
        // (0,4): 4 from (0,0), 2 from (2,4).
        #expect(abs(w[4] - border(2, 4)) < 1e-12)
        // (1,2): √5 from both.
        #expect(abs(w[7] - border(5.0.squareRoot(), 5.0.squareRoot())) < 1e-12)
        // (0,1): 1 from (0,0), √(4 + 9) from (2,4).
        #expect(abs(w[1] - border(1, 13.0.squareRoot())) < 1e-12)
        // (2,0): 2 from (0,0), 4 from (2,4).
        #expect(abs(w[10] - border(2, 4)) < 1e-12)
        // The class weights sum to N.
        #expect(abs(map.classWeights.reduce(0, +) - 15) < 1e-12)
    }

    /// One object (a diagonal is one 8-connected object): no border term, only the class weights.
    @Test func oneObjectHasNoBorderTerm() {
        let map = BorderWeightMap(truth: Self.truth([
            "#..",
            ".#.",
            "..#",
        ]), ignore: nil)
        #expect(map.objectCount == 1)
        #expect(map.weights(w0: 10, sigma: 5) == [1.5, 0.75, 0.75, 0.75, 1.5, 0.75, 0.75, 0.75, 1.5])
    }

    /// Ignored pixels weigh 0, are not counted in N, and are neither objects nor background.
    @Test func ignoredPixelsAreLeftOut() {
        let map = BorderWeightMap(truth: Self.truth([
            "#x#",
            "...",
        ]), ignore: 255)
        // N = 5 kept, N₁ = 2, N₀ = 3: w_c = 5/4 and 5/6. (1,1) is √2 from both objects.
        let w = map.weights(w0: 2, sigma: 1)
        #expect(w[1] == 0)
        #expect(w[0] == 1.25 && w[2] == 1.25)
        #expect(abs(w[4] - (5.0 / 6 + 2 * .exp(-8.0 / 2))) < 1e-12)
        // (1,0): 1 from (0,0), √5 from (0,2).
        #expect(abs(w[3] - (5.0 / 6 + 2 * .exp(-(1 + 5.0.squareRoot()) * (1 + 5.0.squareRoot()) / 2))) < 1e-12)
    }

    /// An all-background truth: K = 1, every weight is 1.
    @Test func singleClassWeighsOne() {
        let map = BorderWeightMap(truth: Self.truth(["...", "..."]), ignore: nil)
        #expect(map.weights(w0: 10, sigma: 5) == [Double](repeating: 1, count: 6))
    }

    /// border-bce is the mean of w·bce with this map, its gradient w·(p−y)/N.
    @Test func lossIsTheWeightedMeanOfBCE() throws {
        let truth = Self.truth(["#..#", "....", "#..."])
        let logits = (0..<12).map { Double($0 % 5) - 2.2 }
        let input = try LossInput(truth: truth, logits: Logits(classes: 1, height: 3, width: 4, values: logits))
        let parameters = LossParameters(w0: 7, sigma: 2)
        let result = Loss.borderBCE.evaluate(input, parameters: parameters)
        let w = BorderWeightMap(truth: truth, ignore: nil).weights(w0: 7, sigma: 2)
        var sum = 0.0
        for pixel in 0..<12 {
            let p = 1 / (1 + .exp(-logits[pixel])), y = Double(truth.labels[pixel])
            sum += w[pixel] * -(y * .log(p) + (1 - y) * .log(1 - p))
            #expect(abs(result.gradient[pixel] - w[pixel] * (p - y) / 12) < 1e-12)
            #expect(abs(result.weight[pixel] - w[pixel]) < 1e-12)
        }
        #expect(abs(result.value - sum / 12) < 1e-12)
    }

    /// The map of the issue's size (512², 50 objects) is exact against a direct minimum over each object's pixels
    /// at sampled pixels, and the cache hands back the same map for the same truth.
    @Test func largeMapMatchesDirectDistancesAndIsCached() throws {
        let truth = SyntheticInput.separateDiscs(size: 128, objects: 50, seed: 3)
        let objects = ConnectedComponents(height: 128, width: 128) { truth.labels[$0] == 1 }
        #expect(objects.count == 50)
        let map = BorderWeightMap(truth: truth, ignore: nil)
        var random = SplitMix64(seed: 4)
        for _ in 0..<40 {
            let pixel = Int.random(in: 0..<(128 * 128), using: &random)
            guard truth.labels[pixel] == 0 else { continue }
            var perObject = [Double](repeating: .infinity, count: 50)
            for source in 0..<(128 * 128) where objects.labels[source] >= 0 {
                let dr = Double(pixel / 128 - source / 128), dc = Double(pixel % 128 - source % 128)
                let k = Int(objects.labels[source])
                perObject[k] = min(perObject[k], (dr * dr + dc * dc).squareRoot())
            }
            perObject.sort()
            let expected = perObject[0] + perObject[1]
            #expect(abs(try #require(map.borderDistances[pixel]) - expected) < 1e-9)
        }
        let input = try LossInput(truth: truth, logits: Logits(classes: 1, height: 128, width: 128, values: [Double](repeating: 0, count: 128 * 128)))
        #expect(BorderWeightMap.cached(for: input).borderDistances == map.borderDistances)
    }
}
