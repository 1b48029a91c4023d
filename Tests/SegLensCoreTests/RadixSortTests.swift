import Testing
@testable import SegLensCore

/// ``RadixSort`` against the definition: positions ordered by decreasing value, ties by their order in the input
/// (a stable sort, here `sorted(by:)` on (value, position) keys written out).
@Suite struct RadixSortTests {
    @Test(arguments: [0, 1, 2, 17, 5000])
    func matchesAStableDecreasingSort(count: Int) {
        var random = SplitMix64(seed: UInt64(count) + 11)
        // Few distinct values (many ties), a wide range of exponents, and tiny subnormal-free positives.
        let values = (0..<count).map { _ -> Double in
            switch Int.random(in: 0..<3, using: &random) {
            case 0: Double(Int.random(in: 1...5, using: &random))
            case 1: Double.random(in: 1e-300...1e300, using: &random)
            default: Double.random(in: 0.001...2, using: &random)
            }
        }
        let positions = (0..<count).map { Int32($0 * 3) }
        let expected = positions.indices.sorted { a, b in
            values[a] != values[b] ? values[a] > values[b] : a < b
        }.map { positions[$0] }
        #expect(RadixSort.decreasing(values, positions: positions) == expected)
    }

    /// Values that share the top 32 bits of their patterns (the radix passes' key) and differ below, in a workspace
    /// larger than the count and reused: the runs are ordered by the whole value, ties still by position.
    @Test func runsOfEqualTopHalvesAreOrderedByTheWholeValue() {
        var random = SplitMix64(seed: 3)
        var workspace = RadixSort.Workspace(capacity: 3000)
        for count in [2000, 1500] {
            let values = (0..<count).map { _ -> Double in
                let top = [0.5, 0.25, 1e-30][Int.random(in: 0..<3, using: &random)].bitPattern & 0xFFFF_FFFF_0000_0000
                return Double(bitPattern: top | UInt64.random(in: 0...7, using: &random))
            }
            for index in 0..<count { workspace.items[index] = RadixSort.item(values[index], payload: UInt32(index)) }
            workspace.sortDecreasing(count: count) { values[Int($0)] }
            let sorted = workspace.items.prefix(count).map { Int(RadixSort.payload($0)) }
            #expect(sorted == values.indices.sorted { a, b in values[a] != values[b] ? values[a] > values[b] : a < b })
        }
    }
}
