import SegLensCore

/// Writes numpy `.npy` files: little-endian, C order, format version 1.0 (2.0 only for a header too long for 1.0),
/// byte-for-byte as `numpy.save` writes the same array.
public enum NPYWriter {
    /// The `.npy` bytes of `array`: `<f8` for doubles, `<i8` for integers.
    public static func encode(_ array: NumpyArray) -> [UInt8] {
        switch array.storage {
        case let .doubles(values):
            encode(descr: "<f8", shape: array.shape, values: values.map(\.bitPattern))
        case let .integers(values):
            encode(descr: "<i8", shape: array.shape, values: values)
        }
    }

    /// The `.npy` bytes of a label map: `<i4`, shape `(height, width)`.
    public static func encode(_ labels: LabelMap) -> [UInt8] {
        encode(descr: "<i4", shape: [labels.height, labels.width], values: labels.labels)
    }

    /// Writes `array` (the bytes of ``encode(_:)-(NumpyArray)``) to the file at `path` through ``AtomicFile``, the
    /// values converted and appended a block at a time: besides the array, the writer holds
    /// ``blockBytes`` of memory, never a copy of the file.
    public static func write(_ array: NumpyArray, to path: String, overwrite: AtomicFile.Overwrite) throws(FormatError) {
        switch array.storage {
        case let .doubles(values):
            try write(descr: "<f8", shape: array.shape, values: values, bits: \.bitPattern, to: path, overwrite: overwrite)
        case let .integers(values):
            try write(descr: "<i8", shape: array.shape, values: values, bits: \.self, to: path, overwrite: overwrite)
        }
    }

    /// Writes `labels` (see ``encode(_:)-(LabelMap)``) to the file at `path` through ``AtomicFile``.
    public static func write(_ labels: LabelMap, to path: String, overwrite: AtomicFile.Overwrite) throws(FormatError) {
        let shape = [labels.height, labels.width]
        try write(descr: "<i4", shape: shape, values: labels.labels, bits: \.self, to: path, overwrite: overwrite)
    }

    /// The size of the blocks in which ``write(_:to:overwrite:)-(NumpyArray,_,_)`` converts and appends values.
    static let blockBytes = 1 << 16

    /// Bytes of a header aligned on 64 bytes, as numpy pads it.
    private static let alignment = 64
    /// numpy leaves room for the first axis to grow to this many digits.
    private static let growthAxisDigits = 21

    private static func encode<Value: FixedWidthInteger>(descr: String, shape: [Int], values: [Value]) -> [UInt8] {
        var bytes = header(descr: descr, shape: shape)
        bytes.reserveCapacity(bytes.count + values.count * MemoryLayout<Value>.size)
        for value in values {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }
        return bytes
    }

    /// The header and the values of `values` as `bits` gives them, little-endian, appended to a temporary file
    /// through a buffer of ``blockBytes``.
    private static func write<Element, Bits: FixedWidthInteger & BitwiseCopyable>(
        descr: String, shape: [Int], values: [Element], bits: (Element) -> Bits, to path: String,
        overwrite: AtomicFile.Overwrite
    ) throws(FormatError) {
        try AtomicFile.write(to: path, overwrite: overwrite) { output throws(FormatError) in
            try output.append(header(descr: descr, shape: shape))
            let perBlock = blockBytes / MemoryLayout<Bits>.size
            var block = [Bits](repeating: 0, count: perBlock)
            var start = 0
            while start < values.count {
                let count = min(perBlock, values.count - start)
                for offset in 0..<count { block[offset] = bits(values[start + offset]).littleEndian }
                try output.append(block, count: count)
                start += count
            }
        }
    }

    /// The `.npy` header of an array of `descr` and `shape`: magic, version, length, dictionary, padding to the
    /// alignment and a newline.
    private static func header(descr: String, shape: [Int]) -> [UInt8] {
        let shapeText = NumpyArray.shapeText(shape)
        var dictionary = Array("{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }".utf8)
        if let first = shape.first {
            dictionary += [UInt8](repeating: 0x20, count: max(0, growthAxisDigits - String(first).count))
        }
        let lengthBytes = dictionary.count + 1 + alignment < Int(UInt16.max) ? 2 : 4
        let prefixLength = NPYHeader.magic.count + 2 + lengthBytes
        let padding = alignment - (prefixLength + dictionary.count + 1) % alignment
        let headerLength = dictionary.count + padding + 1

        var bytes = NPYHeader.magic + [lengthBytes == 2 ? 1 : 2, 0]
        bytes += (0..<lengthBytes).map { UInt8(truncatingIfNeeded: headerLength >> (8 * $0)) }
        bytes += dictionary
        bytes += [UInt8](repeating: 0x20, count: padding)
        bytes.append(0x0A)
        return bytes
    }
}
