import Foundation

/// Reads `.mask` files (docs/mask-format.md). A file is read whole or not at all: the first problem found is
/// thrown as a ``FormatError`` at `file:line:column` (1-based, columns counted in characters).
public enum MaskReader {
    /// Reads and parses the file at `path`.
    public static func read(path: String) throws(FormatError) -> MaskDocument {
        try read(bytes: FileBytes.read(path), path: path)
    }

    /// Parses the bytes of a `.mask` file, which must be UTF-8; `path` is only used in error messages.
    public static func read(bytes: [UInt8], path: String = "<memory>") throws(FormatError) -> MaskDocument {
        if let offset = firstInvalidUTF8(bytes) {
            throw FormatError(path: path, position: .byteOffset(offset), message: "the file is not UTF-8 text")
        }
        return try parse(validUTF8: bytes, path: path)
    }

    /// Parses the text of a `.mask` file; `path` is only used in error messages.
    public static func parse(text: String, path: String) throws(FormatError) -> MaskDocument {
        try parse(validUTF8: Array(text.utf8), path: path)
    }

    private static func parse(validUTF8 bytes: [UInt8], path: String) throws(FormatError) -> MaskDocument {
        let sections = try MaskLexer(path: path).sections(of: bytes)
        return try MaskInterpreter(path: path, bytes: bytes).document(from: sections)
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence, or nil when all of `bytes` is UTF-8.
    /// ASCII bytes are skipped one by one; only the others go through the UTF-8 parser.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        while offset < bytes.count {
            if bytes[offset] < 0x80 {
                offset += 1
                continue
            }
            var iterator = bytes[offset..<min(offset + 4, bytes.count)].makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            guard case let .valid(encoded) = parser.parseScalar(from: &iterator) else { return offset }
            offset += encoded.count
        }
        return nil
    }
}
