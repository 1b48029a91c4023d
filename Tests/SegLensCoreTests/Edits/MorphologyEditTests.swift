import Testing
@testable import SegLensCore

@Suite struct MorphologyEditTests {
    /// The extreme over the disc, by brute force over every pixel of the image.
    static func bruteForce(_ values: [Double], height: Int, width: Int, radius: Int, dilates: Bool) -> [Double] {
        (0..<(height * width)).map { pixel in
            let row = pixel / width, column = pixel % width
            var best = dilates ? -Double.infinity : Double.infinity
            for r in 0..<height {
                for c in 0..<width where (r - row) * (r - row) + (c - column) * (c - column) <= radius * radius {
                    best = dilates ? max(best, values[r * width + c]) : min(best, values[r * width + c])
                }
            }
            return best
        }
    }

    @Test(arguments: [1, 2, 3, 5])
    func filterEqualsBruteForce(radius: Int) {
        var random = SplitMix64(seed: UInt64(radius))
        for (height, width) in [(13, 17), (4, 30), (1, 9)] {
            let values = (0..<(height * width)).map { _ in Double.random(in: -5...5, using: &random) }
            for dilates in [true, false] {
                let fast = MorphologyEdit.filtered(values, height: height, width: width, radius: radius, dilates: dilates)
                #expect(fast == Self.bruteForce(values, height: height, width: width, radius: radius, dilates: dilates))
            }
        }
    }

    /// The foreground of a disc of radius R, as logits +1 inside and −1 outside.
    static func disc(radius: Double, size: Int) -> Logits {
        let centre = Double(size / 2)
        let values = (0..<(size * size)).map { pixel -> Double in
            let dy = Double(pixel / size) - centre, dx = Double(pixel % size) - centre
            return dy * dy + dx * dx <= radius * radius ? 1 : -1
        }
        return Logits(classes: 1, height: size, width: size, values: values)
    }

    static func region(_ logits: Logits) -> [Bool] { logits.values.map { $0 >= 0 } }

    @Test(arguments: [1, 2, 3])
    func dilateThenErodeOfADiscIsThatDisc(r: Int) {
        for radius in [3.0, 5.5, 8.0] {
            let disc = Self.disc(radius: radius, size: 33)
            let dilated = MorphologyEdit.applied(to: disc, radius: r, selectedClass: 0)
            let closed = MorphologyEdit.applied(to: dilated, radius: -r, selectedClass: 0)
            #expect(Self.region(closed) == Self.region(disc), "disc \(radius), r \(r)")
            #expect(Self.region(dilated).filter { $0 }.count > Self.region(disc).filter { $0 }.count)
        }
    }

    @Test func multiclassGrowsTheSelectedClassOnly() {
        let input = GeneratedInputs.multiclass(classes: 3, height: 12, width: 12)
        let plane = input.pixelCount
        let edited = MorphologyEdit.applied(to: input.logits, radius: 2, selectedClass: 1)
        // The class-1 region after the edit is the brute-force dilation of the class-1 region.
        let before = (0..<plane).map { input.predictedClass(at: $0) == 1 ? 1.0 : -1.0 }
        let expected = Self.bruteForce(before, height: 12, width: 12, radius: 2, dilates: true).map { $0 > 0 }
        let after = try! LossInput(truth: input.truth, logits: edited)
        #expect((0..<plane).map { after.predictedClass(at: $0) == 1 } == expected)
        // Other classes keep their logits.
        for c in [0, 2] {
            #expect(Array(edited.values[(c * plane)..<((c + 1) * plane)]) == Array(input.logits.values[(c * plane)..<((c + 1) * plane)]))
        }
    }

    @Test func radiusZeroIsTheIdentity() {
        let input = GeneratedInputs.binary()
        #expect(MorphologyEdit.applied(to: input.logits, radius: 0, selectedClass: 0) == input.logits)
    }
}
