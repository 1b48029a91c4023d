/// Reads PGM (portable graymap) files: `P2` (ASCII) and `P5` (binary; one byte per sample when the maximum value
/// is at most 255, else two bytes, most significant first).
///
/// Comments (`#` to the end of the line) may appear wherever whitespace may in the header, and between the
/// samples of a `P2` file. A file holds one image: anything after it other than whitespace is an error.
public enum PGMReader {
    /// Reads the PGM file at `path`.
    public static func read(path: String, limits: ReadLimits = ReadLimits()) throws(FormatError) -> GrayImage {
        try read(bytes: FileBytes.read(path), path: path, limits: limits)
    }

    /// Reads a PGM file held in memory; `path` names it in errors.
    public static func read(bytes: [UInt8], path: String = "<memory>", limits: ReadLimits = ReadLimits()) throws(FormatError) -> GrayImage {
        var scanner = Scanner(bytes: bytes, path: path)
        let binary: Bool
        switch bytes.prefix(2) {
        case [UInt8(ascii: "P"), UInt8(ascii: "2")]: binary = false
        case [UInt8(ascii: "P"), UInt8(ascii: "5")]: binary = true
        default: throw scanner.error("not a PGM file (it must start with P2 or P5)")
        }
        scanner.index = 2
        let width = try scanner.number("the width", in: 1...Int.max)
        let height = try scanner.number("the height", in: 1...Int.max)
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow else { throw scanner.error("the image size \(width) × \(height) is too large") }
        try limits.check(pixels, path: path, position: scanner.position)
        let maxValue = try scanner.number("the maximum value", in: 1...65535)

        var values: [UInt16] = []
        if binary {
            guard let byte = scanner.current, Scanner.isWhitespace(byte) else {
                throw scanner.error("expected one whitespace character before the binary samples")
            }
            let start = scanner.index + 1
            let sampleSize = maxValue > 255 ? 2 : 1
            let expected = pixels * sampleSize
            guard bytes.count - start >= expected else {
                throw FormatError(
                    path: path, position: .byteOffset(bytes.count),
                    message: "truncated PGM file: \(width) × \(height) samples need \(expected) bytes, only \(bytes.count - start) follow")
            }
            values.reserveCapacity(pixels)
            for offset in stride(from: start, to: start + expected, by: sampleSize) {
                let value = sampleSize == 1 ? UInt16(bytes[offset]) : UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
                guard value <= maxValue else {
                    throw FormatError(path: path, position: .byteOffset(offset), message: "sample \(value) is above the maximum value \(maxValue)")
                }
                values.append(value)
            }
            scanner.index = start + expected
        } else {
            values.reserveCapacity(pixels)
            for _ in 0..<pixels {
                values.append(UInt16(try scanner.number("a sample", in: 0...maxValue)))
            }
        }
        scanner.skipWhitespaceAndComments()
        guard scanner.current == nil else { throw scanner.error("unexpected data after the image") }
        return GrayImage(height: height, width: width, maxValue: maxValue, values: values)
    }

    /// Walks the text parts of a PGM file.
    private struct Scanner {
        let bytes: [UInt8]
        let path: String
        var index = 0

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }
        var position: FormatError.Position { .text(ofByteAt: index, in: bytes) }

        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || (0x09...0x0D).contains(byte)
        }

        func error(_ message: String) -> FormatError {
            FormatError(path: path, position: position, message: message)
        }

        mutating func skipWhitespaceAndComments() {
            while let byte = current {
                if Self.isWhitespace(byte) {
                    index += 1
                } else if byte == UInt8(ascii: "#") {
                    while let byte = current, byte != 0x0A, byte != 0x0D { index += 1 }
                } else {
                    return
                }
            }
        }

        /// The next decimal number, which must lie in `range`; `what` names it in errors.
        mutating func number(_ what: String, in range: ClosedRange<Int>) throws(FormatError) -> Int {
            skipWhitespaceAndComments()
            let start = index
            var value = 0
            var tooLarge = false
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
                tooLarge = tooLarge || overflow
                value = tooLarge ? value : times10 + Int(byte - UInt8(ascii: "0"))
                index += 1
            }
            guard index > start, current.map(Self.isWhitespace) ?? true || current == UInt8(ascii: "#") else {
                let found = current.map { "'\(Character(Unicode.Scalar($0)))'" } ?? "the end of the file"
                throw error(index > start ? "unexpected \(found) in \(what)" : "expected \(what), found \(found)")
            }
            guard !tooLarge else {
                index = start
                throw error("\(what) is too large")
            }
            guard range.contains(value) else {
                index = start
                let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "in \(range.lowerBound)…\(range.upperBound)"
                throw error("\(what) must be \(bounds)")
            }
            return value
        }
    }
}
