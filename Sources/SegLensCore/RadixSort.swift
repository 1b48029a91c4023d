/// A stable sort of positive Doubles in decreasing order, for Lovász's sort of errors: a least-significant-digit
/// radix sort on the top 32 bits of their bit patterns (sign, exponent and 20 mantissa bits; four passes of 8 bits,
/// a pass whose digit is the same for every key skipped, the four histograms counted in one read),
/// each item one 64-bit word (that half of the key, and a 32-bit payload); then the rare runs of equal top halves
/// ordered by the whole bit pattern. Linear in the count, where a comparison sort of a million (error, index) pairs
/// takes several times longer; 2⁸ buckets keep every pass's write positions in the first-level cache.
///
/// For finite `x > 0` the IEEE bit pattern, read as an unsigned integer, increases with `x`; its complement
/// decreases, so sorting complements in increasing order sorts the values in decreasing order.
enum RadixSort {
    private static let digitBits = 8
    private static let passes = 4

    /// The buffers of one sort, kept for the next: the caller writes the first `count` ``items`` with
    /// ``item(_:payload:)``, ``sortDecreasing(count:value:)`` reorders them.
    struct Workspace {
        var items: [UInt64]
        private var spare: [UInt64]
        private var histograms: [Int32]

        /// Room for `capacity` items.
        init(capacity: Int) {
            items = [UInt64](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
            spare = [UInt64](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
            histograms = [Int32](repeating: 0, count: RadixSort.passes << RadixSort.digitBits)
        }

        var capacity: Int { items.count }

        /// Sorts the first `count` items by decreasing value, ties in their order; `value(payload)` must give the
        /// value each was made from (it is read only for items whose top halves are equal).
        mutating func sortDecreasing(count: Int, value: (UInt32) -> Double) {
            precondition(count <= capacity, "more items than the workspace holds")
            guard count > 1 else { return }
            sortByTopHalf(count: count)
            // Runs of equal top halves, by the whole pattern; `sort` is stable, so ties keep their order.
            items.withUnsafeMutableBufferPointer { items in
                var start = 0
                while start < count {
                    let top = items[start] >> 32
                    var end = start + 1
                    while end < count, items[end] >> 32 == top { end += 1 }
                    if end - start > 1 {
                        var run = UnsafeMutableBufferPointer(rebasing: items[start..<end])
                        run.sort { value(RadixSort.payload($0)) > value(RadixSort.payload($1)) }
                    }
                    start = end
                }
            }
        }

        /// The least-significant-digit passes over bits 32…63, stable.
        private mutating func sortByTopHalf(count: Int) {
            let digits = 1 << RadixSort.digitBits, mask = UInt64(digits - 1), bits = UInt64(RadixSort.digitBits)
            histograms.withUnsafeMutableBufferPointer { histograms in
                histograms.update(repeating: 0)
                items.withUnsafeBufferPointer { items in
                    for index in 0..<count {
                        let key = items[index] >> 32
                        histograms[Int(key & mask)] &+= 1
                        histograms[digits | Int((key >> bits) & mask)] &+= 1
                        histograms[2 * digits | Int((key >> (2 * bits)) & mask)] &+= 1
                        histograms[3 * digits | Int(key >> (3 * bits))] &+= 1
                    }
                }
            }
            for pass in 0..<RadixSort.passes {
                let shift = 32 + UInt64(pass) * bits, base = pass << RadixSort.digitBits
                if histograms[base + Int((items[0] >> shift) & mask)] == Int32(count) { continue }
                histograms.withUnsafeMutableBufferPointer { histograms in
                    var offset: Int32 = 0
                    for digit in 0..<digits {
                        let size = histograms[base + digit]
                        histograms[base + digit] = offset
                        offset += size
                    }
                    items.withUnsafeBufferPointer { items in
                        spare.withUnsafeMutableBufferPointer { target in
                            for index in 0..<count {
                                let item = items[index], digit = base + Int((item >> shift) & mask)
                                let slot = Int(histograms[digit])
                                histograms[digit] = Int32(slot + 1)
                                target[slot] = item
                            }
                        }
                    }
                }
                swap(&items, &spare)
            }
        }
    }

    /// The item of a positive `value` carrying `payload`.
    @inline(__always)
    static func item(_ value: Double, payload: UInt32) -> UInt64 {
        (~value.bitPattern & 0xFFFF_FFFF_0000_0000) | UInt64(payload)
    }

    /// The payload of an item.
    @inline(__always)
    static func payload(_ item: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: item) }

    /// The entries of `positions` ordered by decreasing `values` (same length, fewer than 2³² entries, every
    /// value finite and > 0); ties keep their order in `positions`.
    static func decreasing(_ values: [Double], positions: [Int32]) -> [Int32] {
        precondition(values.count == positions.count, "one value per position")
        var workspace = Workspace(capacity: values.count)
        for index in values.indices { workspace.items[index] = item(values[index], payload: UInt32(index)) }
        workspace.sortDecreasing(count: values.count) { values[Int($0)] }
        return workspace.items.map { positions[Int(payload($0))] }
    }
}
