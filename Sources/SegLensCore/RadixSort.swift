/// A stable least-significant-digit radix sort on the bit patterns of positive Doubles, for Lovász's sort of
/// errors: six passes of 11-bit digits (a pass whose digit is the same for every key is skipped), the six
/// histograms counted in one read of the keys; linear in the count, where a comparison sort of a million
/// (error, index) pairs takes several times longer. 2¹¹ buckets keep every pass's write positions in the cache.
///
/// For finite `x > 0` the IEEE bit pattern, read as an unsigned integer, increases with `x`; its complement
/// decreases, so sorting complements in increasing order sorts the values in decreasing order.
enum RadixSort {
    static let digitBits = 11
    static let passes = (64 + digitBits - 1) / digitBits

    /// The buffers of one sort, kept for the next: the caller writes `keys` and `order` (the first `count`
    /// entries), ``sortIncreasing(count:)`` reorders both.
    struct Workspace {
        var keys: [UInt64]
        var order: [Int32]
        private var spareKeys: [UInt64]
        private var spareOrder: [Int32]
        private var histograms: [Int32]

        /// Room for `capacity` keys.
        init(capacity: Int) {
            func uninitialized<T>(_ count: Int) -> [T] {
                [T](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
            }
            keys = uninitialized(capacity)
            order = uninitialized(capacity)
            spareKeys = uninitialized(capacity)
            spareOrder = uninitialized(capacity)
            histograms = [Int32](repeating: 0, count: RadixSort.passes << RadixSort.digitBits)
        }

        var capacity: Int { keys.count }

        /// Sorts the first `count` keys in increasing order, stably, moving `order` with them.
        mutating func sortIncreasing(count: Int) {
            precondition(count <= capacity, "more keys than the workspace holds")
            guard count > 1 else { return }
            let digits = 1 << RadixSort.digitBits, mask = UInt64(digits - 1), bits = UInt64(RadixSort.digitBits)
            histograms.withUnsafeMutableBufferPointer { histograms in
                histograms.update(repeating: 0)
                keys.withUnsafeBufferPointer { keys in
                    for index in 0..<count {
                        var key = keys[index]
                        for pass in 0..<RadixSort.passes {
                            histograms[pass << RadixSort.digitBits | Int(key & mask)] &+= 1
                            key >>= bits
                        }
                    }
                }
            }
            for pass in 0..<RadixSort.passes {
                let shift = UInt64(pass) * bits, base = pass << RadixSort.digitBits
                if histograms[base + Int((keys[0] >> shift) & mask)] == Int32(count) { continue }
                histograms.withUnsafeMutableBufferPointer { histograms in
                    var offset: Int32 = 0
                    for digit in 0..<digits {
                        let size = histograms[base + digit]
                        histograms[base + digit] = offset
                        offset += size
                    }
                    keys.withUnsafeBufferPointer { keys in
                        order.withUnsafeBufferPointer { order in
                            spareKeys.withUnsafeMutableBufferPointer { targetKeys in
                                spareOrder.withUnsafeMutableBufferPointer { targetOrder in
                                    for index in 0..<count {
                                        let key = keys[index], digit = base + Int((key >> shift) & mask)
                                        let slot = Int(histograms[digit])
                                        histograms[digit] = Int32(slot + 1)
                                        targetKeys[slot] = key
                                        targetOrder[slot] = order[index]
                                    }
                                }
                            }
                        }
                    }
                }
                swap(&keys, &spareKeys)
                swap(&order, &spareOrder)
            }
        }
    }

    /// The entries of `positions` ordered by decreasing `values` (same length, every value finite and > 0); ties
    /// keep their order in `positions`.
    static func decreasing(_ values: [Double], positions: [Int32]) -> [Int32] {
        precondition(values.count == positions.count, "one value per position")
        var workspace = Workspace(capacity: values.count)
        for index in values.indices {
            workspace.keys[index] = ~values[index].bitPattern
            workspace.order[index] = positions[index]
        }
        workspace.sortIncreasing(count: values.count)
        return workspace.order
    }
}
