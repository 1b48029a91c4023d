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

    /// Writes `array` (see ``encode(_:)-(NumpyArray)``) to the file at `path` through ``AtomicFile``.
    public static func write(_ array: NumpyArray, to path: String, overwrite: AtomicFile.Overwrite) throws(FormatError) {
        try AtomicFile.write(encode(array), to: path, overwrite: overwrite)
    }

    /// Writes `labels` (see ``encode(_:)-(LabelMap)``) to the file at `path` through ``AtomicFile``.
    public static func write(_ labels: LabelMap, to path: String, overwrite: AtomicFile.Overwrite) throws(FormatError) {
        try AtomicFile.write(encode(labels), to: path, overwrite: overwrite)
    }

    /// Bytes of a header aligned on 64 bytes, as numpy pads it.
    private static let alignment = 64
    /// numpy leaves room for the first axis to grow to this many digits.
    private static let growthAxisDigits = 21

    private static func encode<Value: FixedWidthInteger>(descr: String, shape: [Int], values: [Value]) -> [UInt8] {
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
        bytes.reserveCapacity(bytes.count + values.count * MemoryLayout<Value>.size)
        for value in values {
            withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
        }
        return bytes
    }
}
