/// A stable least-significant-digit radix sort on the bit patterns of positive Doubles, for Lovász's sort of
/// errors: four passes of 16-bit digits (a pass whose digit is the same for every key is skipped), linear in the
/// count, where a comparison sort of a million (error, index) pairs takes several times longer.
///
/// For finite `x > 0` the IEEE bit pattern, read as an unsigned integer, increases with `x`; its complement
/// decreases, so sorting complements in increasing order sorts the values in decreasing order.
enum RadixSort {
    /// The entries of `positions` ordered by decreasing `values` (same length, every value finite and > 0); ties
    /// keep their order in `positions`.
    static func decreasing(_ values: [Double], positions: [Int32]) -> [Int32] {
        precondition(values.count == positions.count, "one value per position")
        var keys = values.map { ~$0.bitPattern }, order = positions
        sortIncreasing(keys: &keys, positions: &order)
        return order
    }

    /// Sorts `keys` in increasing order in place, `positions` along with them (stable): for the complements of
    /// positive Doubles' bit patterns, decreasing values. Needs one spare copy of each while it runs.
    static func sortIncreasing(keys: inout [UInt64], positions order: inout [Int32]) {
        precondition(keys.count == order.count, "one key per position")
        let count = keys.count
        guard count > 1 else { return }
        var spareKeys = [UInt64](repeating: 0, count: count), spareOrder = [Int32](repeating: 0, count: count)
        var histogram = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            for index in 0..<histogram.count { histogram[index] = 0 }
            for key in keys { histogram[Int((key >> shift) & 0xFFFF)] += 1 }
            if histogram[Int((keys[0] >> shift) & 0xFFFF)] == count { continue }
            var offset = 0
            for digit in 0..<histogram.count {
                let size = histogram[digit]
                histogram[digit] = offset
                offset += size
            }
            keys.withUnsafeBufferPointer { keys in
                order.withUnsafeBufferPointer { order in
                    spareKeys.withUnsafeMutableBufferPointer { targetKeys in
                        spareOrder.withUnsafeMutableBufferPointer { targetOrder in
                            histogram.withUnsafeMutableBufferPointer { next in
                                for index in 0..<count {
                                    let key = keys[index], digit = Int((key >> shift) & 0xFFFF)
                                    let slot = next[digit]
                                    next[digit] = slot + 1
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
