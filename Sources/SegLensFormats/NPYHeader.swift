/// The part of a `.npy` file before the data: version, dtype, order and shape.
struct NPYHeader {
    let dataType: NPYDataType
    let fortranOrder: Bool
    let shape: [Int]
    /// Number of elements, the product of `shape`.
    let elementCount: Int
    /// Byte offset of the first element.
    let dataOffset: Int

    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Parses and checks the header at the start of `bytes`.
    init(bytes: [UInt8], path: String, limits: ReadLimits) throws(FormatError) {
        func fail(_ offset: Int?, _ message: String) -> FormatError {
            FormatError(path: path, position: offset.map { .byteOffset($0) }, message: message)
        }
        guard bytes.starts(with: Self.magic) else { throw fail(0, "not a .npy file (bad magic string)") }
        guard bytes.count >= 10 else { throw fail(bytes.count, "truncated .npy file: the header ends early") }
        let major = bytes[6], minor = bytes[7]
        let lengthBytes: Int
        switch (major, minor) {
        case (1, 0): lengthBytes = 2
        case (2, 0), (3, 0): lengthBytes = 4
        default: throw fail(6, "unsupported .npy version \(major).\(minor) (seglens reads 1.0, 2.0 and 3.0)")
        }
        let headerStart = 8 + lengthBytes
        guard bytes.count >= headerStart else { throw fail(bytes.count, "truncated .npy file: the header ends early") }
        let headerLength = bytes[8..<headerStart].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard bytes.count - headerStart >= headerLength else {
            throw fail(bytes.count, "truncated .npy file: the header declares \(headerLength) bytes but only \(bytes.count - headerStart) follow")
        }
        let literal = try PythonLiteralParser.parse(
            Array(bytes[headerStart..<headerStart + headerLength]), base: headerStart, path: path)
        guard case let .dictionary(pairs) = literal else { throw fail(headerStart, "malformed .npy header: not a dictionary") }
        func entry(_ key: String) throws(FormatError) -> PythonLiteral {
            guard let pair = pairs.first(where: { $0.key == .string(key) }) else {
                throw fail(headerStart, "malformed .npy header: no '\(key)' key")
            }
            return pair.value
        }

        switch try entry("descr") {
        case let .string(descr):
            guard let dataType = NPYDataType(descr: descr) else {
                throw fail(headerStart, "unsupported dtype '\(descr)' (seglens reads bool, u1–u8, i1–i8, f2, f4 and f8)")
            }
            self.dataType = dataType
        default:
            throw fail(headerStart, "unsupported dtype: structured arrays are not supported")
        }
        guard case let .boolean(fortranOrder) = try entry("fortran_order") else {
            throw fail(headerStart, "malformed .npy header: 'fortran_order' is not True or False")
        }
        self.fortranOrder = fortranOrder
        guard case let .tuple(axes) = try entry("shape") else {
            throw fail(headerStart, "malformed .npy header: 'shape' is not a tuple")
        }
        var shape: [Int] = []
        for axis in axes {
            guard case let .integer(length) = axis, length >= 0 else {
                throw fail(headerStart, "malformed .npy header: 'shape' holds something other than non-negative integers")
            }
            shape.append(length)
        }
        var count = shape.contains(0) ? 0 : 1
        for length in shape where count != 0 {
            let (product, overflow) = count.multipliedReportingOverflow(by: length)
            guard !overflow else {
                throw fail(headerStart, "shape \(NumpyArray.shapeText(shape)) has too many elements (overflow)")
            }
            count = product
        }
        self.shape = shape
        self.elementCount = count
        try limits.check(count, of: "elements", path: path, position: .byteOffset(headerStart))
        dataOffset = headerStart + headerLength
    }
}
