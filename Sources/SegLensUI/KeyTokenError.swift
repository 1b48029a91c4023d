/// An error in a key-token string.
public struct KeyTokenError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The offending token as written.
    public var token: String
    /// Its 1-based position in the token list.
    public var position: Int
    public var reason: String

    public var description: String {
        "key token \(position) '\(token)': \(reason). Use single characters or one of "
            + Key.tokenNames.map { "<\($0)>" }.joined(separator: " ") + " (separated by spaces)"
    }
}
