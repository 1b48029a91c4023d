/// One key line of a `.mask` file (`key: value` in column 1) with the indented rows that follow it.
/// Produced by ``MaskLexer``, given meaning by ``MaskInterpreter``.
struct MaskSection {
    enum Key: String, CaseIterable {
        case title, note, classes, ignore, truth, prediction, params
    }

    /// A word of the value (after the colon, before any comment), with its 1-based column.
    struct Token {
        var text: String
        var column: Int
    }

    /// An indented row: its content without the surrounding spaces and tabs, as a byte range of the file.
    struct Row {
        var line: Int
        /// Column of the first character of the content.
        var column: Int
        /// Where the content is in the file's bytes.
        var bytes: Range<Int>
        /// True when every byte of the content is ASCII, so that bytes are characters.
        var isASCII: Bool
    }

    var key: Key
    var line: Int
    /// `prediction "name"`: the name (escapes resolved) and the column of its opening quote.
    var predictionName: Token?
    /// `prediction[class]`: the class name and the column of its first character.
    var className: Token?
    /// `params 3 "name":` (a preset): the word after `params` (a digit 1–9 once checked) and its column.
    var presetNumber: Token?
    /// `params 3 "name":`: the preset's name (escapes resolved) and the column of its opening quote.
    var presetName: Token?
    /// Column just after the colon.
    var valueColumn: Int
    /// For `title:` and `note:`: the rest of the line, trimmed (no comment is taken out).
    var text: String
    /// For the other keys: the words of the value.
    var tokens: [Token]
    var rows: [Row] = []

    /// Only `truth:` and `prediction…:` lines take rows.
    var isBlock: Bool { key == .truth || key == .prediction }
}

extension Character {
    /// Space or tab: the only characters that indent, separate and trim.
    var isMaskBlank: Bool { self == " " || self == "\t" }

    /// The value of an ASCII digit `0`–`9`.
    var maskDigit: Int? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }

    /// The class of a class glyph of a grid: `.` is 0, `#` is 1, a digit is its value; `nil` for anything else.
    var maskClass: Int? {
        switch self {
        case ".": 0
        case "#": 1
        default: maskDigit
        }
    }
}
