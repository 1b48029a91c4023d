/// An error in a key-token string or key script.
public struct KeyTokenError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The offending token as written.
    public var token: String
    /// Its 1-based position in the token list.
    public var position: Int
    /// Where it starts in the text (1-based), when known.
    public var line: Int?
    public var column: Int?
    public var reason: String

    public init(token: String, position: Int, line: Int? = nil, column: Int? = nil, reason: String) {
        self.token = token
        self.position = position
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        let place = line.map { line in " at line \(line), column \(column ?? 1)" } ?? ""
        return "key token \(position) '\(token)'\(place): \(reason). Use single characters or one of "
            + Key.tokenNames.map { "<\($0)>" }.joined(separator: " ") + " (separated by spaces)"
    }
}
