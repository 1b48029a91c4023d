/// An error reading or writing a file: the path, where in the file, and what is wrong.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable { case cannotOpen, badData }
    public enum Position: Sendable, Equatable { case text(line: Int, column: Int), byteOffset(Int) }
    public var kind: Kind
    public var path: String
    public var position: Position?
    public var message: String
    public init(_ kind: Kind = .badData, path: String, position: Position? = nil, message: String) {
        self.kind = kind; self.path = path; self.position = position; self.message = message
    }
    public var description: String {
        switch position {
        case let .text(line, column)?: "\(path):\(line):\(column): \(message)"
        case let .byteOffset(offset)?: "\(path): byte \(offset): \(message)"
        case nil: "\(path): \(message)"
        }
    }
}
