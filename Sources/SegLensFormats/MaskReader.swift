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
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FormatError(path: path, position: .byteOffset(firstInvalidUTF8(bytes)), message: "the file is not UTF-8 text")
        }
        return try parse(text: text, path: path)
    }

    /// Parses the text of a `.mask` file; `path` is only used in error messages.
    public static func parse(text: String, path: String) throws(FormatError) -> MaskDocument {
        let sections = try MaskLexer(path: path).sections(of: text)
        return try MaskInterpreter(path: path).document(from: sections)
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded): offset += encoded.count
            case .error, .emptyInput: return offset
            }
        }
    }
}
