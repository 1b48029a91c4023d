/// Parses one Python literal (strings, integers, `True`/`False`/`None`, tuples, lists, dicts) from bytes.
///
/// Errors carry the byte offset of the problem, counted from the start of the file (`base`).
struct PythonLiteralParser {
    private let bytes: [UInt8]
    private var index: Int
    private let base: Int
    private let path: String
    /// Nesting deeper than this is refused, so that a hostile header cannot exhaust the stack.
    private static let maxDepth = 32

    /// Parses the whole of `bytes` as one literal followed only by whitespace.
    static func parse(_ bytes: [UInt8], base: Int, path: String) throws(FormatError) -> PythonLiteral {
        var parser = PythonLiteralParser(bytes: bytes, index: 0, base: base, path: path)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the header dictionary") }
        return value
    }

    private func error(_ message: String) -> FormatError {
        FormatError(path: path, position: .byteOffset(base + index), message: "malformed .npy header: \(message)")
    }

    /// The error for a missing `what` at the current position.
    private func expected(_ what: String) -> FormatError {
        error(current == nil ? "unexpected end of the header, expected \(what)" : "expected \(what)")
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }

    private mutating func value(depth: Int) throws(FormatError) -> PythonLiteral {
        guard depth < Self.maxDepth else { throw error("nested too deeply") }
        skipWhitespace()
        guard let byte = current else { throw error("unexpected end of the header") }
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string(quote: byte))
        case UInt8(ascii: "("):
            let (items, sawComma) = try sequence(closing: UInt8(ascii: ")"), depth: depth)
            guard items.count != 1 || sawComma else { return items[0] }  // `(x)` is x, `(x,)` a 1-tuple
            return .tuple(items)
        case UInt8(ascii: "["): return .list(try sequence(closing: UInt8(ascii: "]"), depth: depth).items)
        case UInt8(ascii: "{"): return try dictionary(depth: depth)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try integer())
        default: return try keyword()
        }
    }

    private mutating func string(quote: UInt8) throws(FormatError) -> String {
        let start = index
        index += 1
        var content: [UInt8] = []
        while let byte = current, byte != quote {
            guard byte != UInt8(ascii: "\\"), byte != 0x0A else { throw error("escapes and line breaks in strings are not supported") }
            content.append(byte)
            index += 1
        }
        guard current == quote else {
            index = start
            throw error("unterminated string")
        }
        index += 1
        return String(decoding: content, as: UTF8.self)
    }

    private mutating func integer() throws(FormatError) -> Int {
        let start = index
        var negative = false
        if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") {
            negative = current == UInt8(ascii: "-")
            index += 1
        }
        var value = 0
        var digits = 0
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else {
                index = start
                throw error("integer too large")
            }
            value = sum
            digits += 1
            index += 1
        }
        if current == UInt8(ascii: "L") { index += 1 }  // Python 2 long suffix, written by old numpy
        guard digits > 0 else {
            index = start
            throw error("expected a number")
        }
        return negative ? -value : value
    }

    private mutating func keyword() throws(FormatError) -> PythonLiteral {
        for (word, value) in [("True", PythonLiteral.boolean(true)), ("False", .boolean(false)), ("None", .none)] {
            let utf8 = Array(word.utf8)
            if bytes[index...].starts(with: utf8) {
                index += utf8.count
                return value
            }
        }
        throw error("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
    }

    /// Comma-separated values up to `closing`; a trailing comma is allowed.
    private mutating func sequence(closing: UInt8, depth: Int) throws(FormatError) -> (items: [PythonLiteral], sawComma: Bool) {
        index += 1
        var items: [PythonLiteral] = []
        var sawComma = false
        while true {
            skipWhitespace()
            if current == closing {
                index += 1
                return (items, sawComma)
            }
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                sawComma = true
                index += 1
            } else if current != closing {
                throw expected("',' or '\(Character(Unicode.Scalar(closing)))'")
            }
        }
    }

    private mutating func dictionary(depth: Int) throws(FormatError) -> PythonLiteral {
        index += 1
        var pairs: [(key: PythonLiteral, value: PythonLiteral)] = []
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return .dictionary(pairs)
            }
            let key = try value(depth: depth + 1)
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw expected("':' after a dictionary key") }
            index += 1
            pairs.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
            } else if current != UInt8(ascii: "}") {
                throw expected("',' or '}'")
            }
        }
    }
}
