/// A file that cannot be read, or whose contents are not a valid file of the expected format.
///
/// The description reads `path:line:col: message` (text formats), `path: byte N: message` (binary formats)
/// or `path: message` when no position applies. Lines and columns count from 1, byte offsets from 0.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, for the caller that maps errors to exit statuses.
    public enum Kind: Equatable, Sendable {
        /// The file could not be opened or read (missing, unreadable, a directory).
        case cannotOpen
        /// The file could not be created or written.
        case cannotWrite
        /// The file was read but its contents are invalid.
        case badData
    }

    /// Where in the file the problem is.
    public enum Position: Equatable, Sendable {
        /// A 1-based line and column (columns count bytes) in a text file.
        case text(line: Int, column: Int)
        /// A 0-based byte offset in a binary file.
        case byteOffset(Int)

        /// The line and column of the byte at `offset` in `bytes`.
        public static func text(ofByteAt offset: Int, in bytes: some Collection<UInt8>) -> Position {
            var line = 1, column = 1
            for byte in bytes.prefix(offset) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return .text(line: line, column: column)
        }
    }

    public var kind: Kind
    /// The path of the file, or a name such as `<memory>` for bytes that came from no file.
    public var path: String
    public var position: Position?
    public var message: String

    /// An error of `kind` (by default bad data) at `position` of the file at `path`.
    public init(kind: Kind = .badData, path: String, position: Position? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.position = position
        self.message = message
    }

    /// The message with its position; control characters that came from a file (NUL, ESC, CR, …) are written as
    /// `\u{1b}` escapes, so that a hostile file cannot hide text or drive the terminal through an error message.
    public var description: String {
        let text = switch position {
        case let .text(line, column): "\(path):\(line):\(column): \(message)"
        case let .byteOffset(offset): "\(path): byte \(offset): \(message)"
        case nil: "\(path): \(message)"
        }
        return Self.escapingControls(text)
    }

    /// `text` with every control character as `\u{…}`.
    static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
