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
        let header = try checkedHeader(bytes, path: path, limits: limits)
        let storage: NumpyArray.Storage = header.dataType.kind == .float
            ? .doubles(elements(of: bytes, header: header, integer: { Double($0) }, float: { $0 }))
            : .integers(elements(of: bytes, header: header, integer: { $0 }, float: { Int64(exactly: $0) }))
        guard header.fortranOrder else { return NumpyArray(shape: header.shape, storage: storage) }
        switch storage {
        case let .integers(values):
            return NumpyArray(shape: header.shape, storage: .integers(cOrder(fromFortran: values, shape: header.shape)))
        case let .doubles(values):
            return NumpyArray(shape: header.shape, storage: .doubles(cOrder(fromFortran: values, shape: header.shape)))
        }
    }

    /// The header of `bytes`, checked against the length of the data that follows it; a `uint64` array is also
    /// checked for values above `Int64.max`.
    static func checkedHeader(_ bytes: [UInt8], path: String, limits: ReadLimits) throws(FormatError) -> NPYHeader {
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
        if type.kind == .unsigned, type.size == 8 {
            let large: (index: Int, value: UInt64)? = bytes.withUnsafeBytes { raw in
                for index in 0..<header.elementCount {
                    let stored = raw.loadUnaligned(fromByteOffset: header.dataOffset + index * 8, as: UInt64.self)
                    let value = type.bigEndian ? UInt64(bigEndian: stored) : UInt64(littleEndian: stored)
                    if value > UInt64(Int64.max) { return (index, value) }
                }
                return nil
            }
            if let (index, value) = large {
                throw FormatError(
                    path: path, position: .byteOffset(header.dataOffset + index * type.size),
                    message: "uint64 value \(value) is too large (above \(Int64.max))")
            }
        }
        return header
    }

    /// The elements of a checked array in file order, each decoded from its dtype and converted in one pass:
    /// booleans (as 0 or 1) and integers through `integer`, floats through `float`. Stops at the first element
    /// that converts to nil and returns the elements before it. (`uint64` values are at most `Int64.max` once
    /// ``checkedHeader(_:path:limits:)`` has passed.)
    static func elements<Target>(
        of bytes: [UInt8], header: NPYHeader, integer: (Int64) -> Target?, float: (Double) -> Target?
    ) -> [Target] {
        let type = header.dataType, count = header.elementCount, start = header.dataOffset
        return [Target](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                func run<T: FixedWidthInteger>(_: T.Type, _ convert: (T) -> Target?) {
                    for index in 0..<count {
                        let stored = raw.loadUnaligned(fromByteOffset: start + index * type.size, as: T.self)
                        guard let value = convert(type.bigEndian ? T(bigEndian: stored) : T(littleEndian: stored)) else { return }
                        (buffer.baseAddress! + index).initialize(to: value)
                        initialized = index + 1
                    }
                }
                switch (type.kind, type.size) {
                case (.boolean, _): run(UInt8.self) { integer($0 == 0 ? 0 : 1) }
                case (.signed, 1): run(Int8.self) { integer(Int64($0)) }
                case (.signed, 2): run(Int16.self) { integer(Int64($0)) }
                case (.signed, 4): run(Int32.self) { integer(Int64($0)) }
                case (.signed, _): run(Int64.self) { integer($0) }
                case (.unsigned, 1): run(UInt8.self) { integer(Int64($0)) }
                case (.unsigned, 2): run(UInt16.self) { integer(Int64($0)) }
                case (.unsigned, 4): run(UInt32.self) { integer(Int64($0)) }
                case (.unsigned, _): run(UInt64.self) { integer(Int64(truncatingIfNeeded: $0)) }
                case (.float, 2): run(UInt16.self) { float(Double(Float16(bitPattern: $0))) }
                case (.float, 4): run(UInt32.self) { float(Double(Float(bitPattern: $0))) }
                case (.float, _): run(UInt64.self) { float(Double(bitPattern: $0)) }
                }
            }
        }
    }

    /// numpy's name of the dtype of the `.npy` file held in `bytes` (`float16`, `int64`, `bool`, …), read from
    /// its header alone.
    public static func dtypeName(bytes: [UInt8], path: String = "<memory>", limits: ReadLimits = ReadLimits()) throws(FormatError) -> String {
        try NPYHeader(bytes: bytes, path: path, limits: limits).dataType.name
    }

    /// The elements of a Fortran-ordered (first axis fastest) array of `shape`, rearranged into C order.
    static func cOrder<Element>(fromFortran values: [Element], shape: [Int]) -> [Element] {
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
