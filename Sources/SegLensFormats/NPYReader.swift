/// Reads numpy `.npy` files (format versions 1.0, 2.0 and 3.0).
///
/// Supported dtypes: `bool`, `u1`–`u8`, `i1`–`i8` (held as `Int64`; `u8` values above `Int64.max` are an error)
/// and `f2`, `f4`, `f8` (held as `Double`), in any byte order. Fortran-ordered arrays are converted to C order.
/// The file must end where the data ends: trailing bytes are an error, as they usually mean a wrong header.
public enum NPYReader {
    /// Reads the `.npy` file at `path`.
    public static func read(path: String, limits: ReadLimits = ReadLimits()) throws(FormatError) -> NumpyArray {
        try read(bytes: FileBytes.read(path), path: path, limits: limits)
    }

    /// Reads a `.npy` file held in memory; `path` names it in errors.
    public static func read(bytes: [UInt8], path: String = "<memory>", limits: ReadLimits = ReadLimits()) throws(FormatError) -> NumpyArray {
        let header = try NPYHeader(bytes: bytes, path: path, limits: limits)
        let type = header.dataType
        let (byteCount, overflow) = header.elementCount.multipliedReportingOverflow(by: type.size)
        let available = bytes.count - header.dataOffset
        guard !overflow, available >= byteCount else {
            throw FormatError(
                path: path, position: .byteOffset(bytes.count),
                message: "truncated .npy file: the header promises \(header.elementCount) elements (\(header.elementCount) × \(type.size) bytes) but only \(available) bytes of data follow")
        }
        guard available == byteCount else {
            throw FormatError(
                path: path, position: .byteOffset(header.dataOffset + byteCount),
                message: "\(available - byteCount) bytes of trailing data after the array")
        }
        let storage = try decode(bytes, header: header, path: path)
        guard header.fortranOrder else { return NumpyArray(shape: header.shape, storage: storage) }
        switch storage {
        case let .integers(values):
            return NumpyArray(shape: header.shape, storage: .integers(cOrder(fromFortran: values, shape: header.shape)))
        case let .doubles(values):
            return NumpyArray(shape: header.shape, storage: .doubles(cOrder(fromFortran: values, shape: header.shape)))
        }
    }

    /// numpy's name of the dtype of the `.npy` file held in `bytes` (`float16`, `int64`, `bool`, …), read from
    /// its header alone.
    public static func dtypeName(bytes: [UInt8], path: String = "<memory>", limits: ReadLimits = ReadLimits()) throws(FormatError) -> String {
        try NPYHeader(bytes: bytes, path: path, limits: limits).dataType.name
    }

    private static func decode(_ bytes: [UInt8], header: NPYHeader, path: String) throws(FormatError) -> NumpyArray.Storage {
        let type = header.dataType
        func load<T: FixedWidthInteger>(_: T.Type) -> [T] {
            bytes.withUnsafeBytes { raw in
                (0..<header.elementCount).map { index in
                    let value = raw.loadUnaligned(fromByteOffset: header.dataOffset + index * type.size, as: T.self)
                    return type.bigEndian ? T(bigEndian: value) : T(littleEndian: value)
                }
            }
        }
        switch (type.kind, type.size) {
        case (.boolean, _): return .integers(load(UInt8.self).map { $0 == 0 ? 0 : 1 })
        case (.signed, 1): return .integers(load(Int8.self).map(Int64.init))
        case (.signed, 2): return .integers(load(Int16.self).map(Int64.init))
        case (.signed, 4): return .integers(load(Int32.self).map(Int64.init))
        case (.signed, _): return .integers(load(Int64.self))
        case (.unsigned, 1): return .integers(load(UInt8.self).map(Int64.init))
        case (.unsigned, 2): return .integers(load(UInt16.self).map(Int64.init))
        case (.unsigned, 4): return .integers(load(UInt32.self).map(Int64.init))
        case (.unsigned, _):
            let values = load(UInt64.self)
            if let index = values.firstIndex(where: { $0 > UInt64(Int64.max) }) {
                throw FormatError(
                    path: path, position: .byteOffset(header.dataOffset + index * type.size),
                    message: "uint64 value \(values[index]) is too large (above \(Int64.max))")
            }
            return .integers(values.map { Int64($0) })
        case (.float, 2): return .doubles(load(UInt16.self).map { Double(Float16(bitPattern: $0)) })
        case (.float, 4): return .doubles(load(UInt32.self).map { Double(Float(bitPattern: $0)) })
        case (.float, _): return .doubles(load(UInt64.self).map(Double.init(bitPattern:)))
        }
    }

    /// The elements of a Fortran-ordered (first axis fastest) array of `shape`, rearranged into C order.
    private static func cOrder<Element>(fromFortran values: [Element], shape: [Int]) -> [Element] {
        guard shape.count > 1, !values.isEmpty else { return values }
        var strides = [Int](repeating: 1, count: shape.count)
        for axis in 1..<shape.count {
            strides[axis] = strides[axis - 1] * shape[axis - 1]
        }
        var index = [Int](repeating: 0, count: shape.count)
        var offset = 0
        var result: [Element] = []
        result.reserveCapacity(values.count)
        for _ in 0..<values.count {
            result.append(values[offset])
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                offset += strides[axis]
                if index[axis] < shape[axis] { break }
                offset -= strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return result
    }
}
