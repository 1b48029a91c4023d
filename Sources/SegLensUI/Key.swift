/// One input event, decoded from the terminal or from a `seglens render --keys`
/// token.
public enum Key: Hashable, Sendable {
    /// A printable character (including space).
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("l")` for Ctrl-L (lower case).
    /// Ctrl-C never arrives: it is a signal.
    case control(Character)
    case tab
    /// Shift-Tab.
    case backTab
    case enter
    case escape
    case backspace
    case delete
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case ctrlUp, ctrlDown, ctrlLeft, ctrlRight
    case home, end, pageUp, pageDown
    /// F1–F12 (`function(1)` is F1).
    case function(Int)
    /// The terminal changed size; read the new size before drawing.
    case resize
    case mouse(MouseEvent)
}

extension Key {
    /// Named tokens and their keys; the names are matched case-insensitively.
    static let namedTokens: [(name: String, key: Key)] = [
        ("Tab", .tab), ("S-Tab", .backTab), ("Enter", .enter), ("Esc", .escape), ("Space", .character(" ")),
        ("BS", .backspace), ("Del", .delete),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("S-Up", .shiftUp), ("S-Down", .shiftDown), ("S-Left", .shiftLeft), ("S-Right", .shiftRight),
        ("C-Up", .ctrlUp), ("C-Down", .ctrlDown), ("C-Left", .ctrlLeft), ("C-Right", .ctrlRight),
        ("Home", .home), ("End", .end), ("PageUp", .pageUp), ("PageDown", .pageDown),
        ("Resize", .resize), ("lt", .character("<")), ("gt", .character(">")),
    ] + (1...12).map { ("F\($0)", Key.function($0)) }

    /// Aliases accepted when parsing but never produced by ``token``.
    static let tokenAliases: [String: Key] = [
        "backtab": .backTab, "return": .enter, "cr": .enter, "escape": .escape, "backspace": .backspace,
        "delete": .delete, "pgup": .pageUp, "pgdn": .pageDown,
    ]

    /// The canonical token names, for help and error messages.
    public static var tokenNames: [String] {
        namedTokens.filter { !$0.name.hasPrefix("F") || $0.name == "F1" }.map(\.name) + ["C-a…C-z", "F1…F12"]
    }

    /// Parses a key-token string: tokens separated by whitespace, each either
    /// a single character (`q`, `?`, `<`) or a name in angle brackets
    /// (`<Tab> <S-Tab> <Left> <Right> <Up> <Down> <S-Left> <S-Right> <Esc>
    /// <Enter> <Space>`, also `<S-Up> <S-Down> <C-Left> <C-Right> <BS> <Home>
    /// <End> <PageUp> <PageDown> <F1>…<F12> <C-l> <lt> <gt> <Resize>`).
    /// Names are case-insensitive; a literal space is `<Space>`. This is ``KeyScript/parse(_:)`` without the
    /// script's waits and `<quit>`.
    ///
    /// ```swift
    /// try Key.parseTokens("l l <S-Right> ? <Esc> q")
    /// // [.character("l"), .character("l"), .shiftRight, .character("?"), .escape, .character("q")]
    /// ```
    public static func parseTokens(_ string: String) throws(KeyTokenError) -> [Key] {
        try KeyScript.parse(string).enumerated().map { (offset, step) throws(KeyTokenError) -> Key in
            guard case let .key(key) = step else {
                throw KeyTokenError(
                    token: step == .quit ? "<quit>" : "<wait>", position: offset + 1,
                    reason: "waits and <quit> belong to a script (the explorer's --keys or render --keys)")
            }
            return key
        }
    }

    static func parseToken(_ token: String, position: Int) throws(KeyTokenError) -> Key {
        if token.count == 1, let character = token.first {
            return .character(character)
        }
        guard token.hasPrefix("<"), token.hasSuffix(">"), token.count > 2 else {
            throw KeyTokenError(
                token: token, position: position,
                reason: "not a key; write one character per token or a <Name> in angle brackets")
        }
        let name = String(token.dropFirst().dropLast())
        let lower = name.lowercased()
        if let match = namedTokens.first(where: { $0.name.lowercased() == lower }) { return match.key }
        if let alias = tokenAliases[lower] { return alias }
        // <C-x>: Ctrl plus a letter.
        if lower.hasPrefix("c-"), lower.count == 3, let letter = lower.last, letter.isLetter, letter.isASCII {
            if letter == "c" {
                throw KeyTokenError(token: token, position: position, reason: "Ctrl-C is a signal, not a key")
            }
            return .control(letter)
        }
        throw KeyTokenError(token: token, position: position, reason: "unknown key name")
    }

    /// The token that ``parseTokens(_:)`` reads back as this key, or nil for
    /// keys without one (mouse events).
    public var token: String? {
        switch self {
        case .character(" "): return "<Space>"
        case .character("<"): return "<lt>"
        case .character(let character): return String(character)
        case .control(let letter): return "<C-\(letter)>"
        case .mouse: return nil
        default:
            return Key.namedTokens.first(where: { $0.key == self }).map { "<\($0.name)>" }
        }
    }
}
