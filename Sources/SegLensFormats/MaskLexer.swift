/// Splits the bytes of a `.mask` file into lines, drops comments and blank lines, and groups each key line with
/// its indented rows. Checks the syntax of key lines; the values are checked by ``MaskInterpreter``.
struct MaskLexer {
    let path: String

    func fail(_ line: Int, _ column: Int, _ message: String) -> FormatError {
        FormatError(path: path, position: .text(line: line, column: column), message: message)
    }

    /// The sections of the bytes of a `.mask` file, which must be valid UTF-8. Lines of ASCII bytes are split and
    /// classified byte by byte; a line with any other byte goes through its `Character`s, so that columns count
    /// characters. Rows keep only their byte range in `bytes`.
    func sections(of bytes: [UInt8]) throws(FormatError) -> [MaskSection] {
        var sections: [MaskSection] = []
        var blockOpen = false
        var blockEndedByBlank = false
        var number = 0
        var start = 0
        let count = bytes.count
        while start < count {
            var newline = start
            var ascii = true
            while newline < count, bytes[newline] != 10 {
                if bytes[newline] >= 0x80 { ascii = false }
                newline += 1
            }
            var end = newline
            if newline < count, end > start, bytes[end - 1] == 13 { end -= 1 }
            number += 1
            let line = start..<end
            start = newline + 1
            let kind: LineKind = ascii ? MaskLexer.classifyASCII(bytes, line) : MaskLexer.classify(bytes, line, number: number)
            switch kind {
            case .blank:
                if blockOpen { blockEndedByBlank = true }
                blockOpen = false
            case let .comment(commentStart):
                if number == 1 { try checkVersion(MaskLexer.text(bytes, commentStart..<end)[...]) }
            case let .row(column, content):
                guard blockOpen, !sections.isEmpty else {
                    throw fail(
                        number, column,
                        blockEndedByBlank
                            ? "indented line after a blank line: a blank line ends a block"
                            : "indented line outside a block: only the rows of \"truth:\" and \"prediction:\" are indented"
                    )
                }
                sections[sections.count - 1].rows.append(MaskSection.Row(line: number, column: column, bytes: content, isASCII: ascii))
            case let .key(keyStart):
                let section = try keyLine(Array(MaskLexer.text(bytes, keyStart..<end)), number: number)
                blockOpen = section.isBlock
                blockEndedByBlank = false
                sections.append(section)
            }
        }
        return sections
    }

    /// What one line is; a row with the column of its first character and the byte range of its content.
    enum LineKind {
        case blank
        /// A comment line whose text starts at the byte offset given (after a byte-order mark on line 1).
        case comment(start: Int)
        case row(column: Int, content: Range<Int>)
        /// A key line whose text starts at the byte offset given (after a byte-order mark on line 1).
        case key(start: Int)
    }

    /// ``LineKind`` of a line of ASCII bytes: every byte is one character.
    static func classifyASCII(_ bytes: [UInt8], _ line: Range<Int>) -> LineKind {
        var first = line.lowerBound
        while first < line.upperBound, bytes[first] == 32 || bytes[first] == 9 { first += 1 }
        guard first < line.upperBound else { return .blank }
        let lead = bytes[line.lowerBound]
        if lead == UInt8(ascii: "#") { return .comment(start: line.lowerBound) }
        guard lead == 32 || lead == 9 else { return .key(start: line.lowerBound) }
        var last = line.upperBound
        while bytes[last - 1] == 32 || bytes[last - 1] == 9 { last -= 1 }
        return .row(column: first - line.lowerBound + 1, content: first..<last)
    }

    /// ``LineKind`` of a line with non-ASCII bytes, by its `Character`s (a byte-order mark on line 1 is skipped).
    static func classify(_ bytes: [UInt8], _ range: Range<Int>, number: Int) -> LineKind {
        let whole = text(bytes, range)
        var line = whole[...]
        if number == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
        let lineStart = range.lowerBound + whole.utf8.distance(from: whole.startIndex, to: line.startIndex)
        guard let contentStart = line.firstIndex(where: { !$0.isMaskBlank }) else { return .blank }
        let first = line[line.startIndex]
        if first == "#" { return .comment(start: lineStart) }
        guard first.isMaskBlank else { return .key(start: lineStart) }
        let contentEnd = line.index(after: line.lastIndex(where: { !$0.isMaskBlank })!)
        let column = line.distance(from: line.startIndex, to: contentStart) + 1
        let offset = { (index: String.Index) in range.lowerBound + whole.utf8.distance(from: whole.startIndex, to: index) }
        return .row(column: column, content: offset(contentStart)..<offset(contentEnd))
    }

    /// The bytes of `range` as text (they are valid UTF-8).
    static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// `# seglens mask vN` on line 1 must name version 1.
    private func checkVersion(_ line: Substring) throws(FormatError) {
        let prefix = "# seglens mask "
        guard line.hasPrefix(prefix) else { return }
        let version = line.dropFirst(prefix.count).trimmingMaskBlanks()
        guard version == "v1" else {
            throw fail(1, prefix.count + 1, "unsupported format version \"\(version)\": this seglens reads \"# seglens mask v1\"")
        }
    }

    private func keyLine(_ chars: [Character], number: Int) throws(FormatError) -> MaskSection {
        var index = 0
        while index < chars.count, let ascii = chars[index].asciiValue, (ascii >= 97 && ascii <= 122) || (ascii >= 65 && ascii <= 90) {
            index += 1
        }
        guard index > 0 else {
            if chars[0] == "." || chars[0].maskDigit != nil {
                throw fail(number, 1, "grid rows must be indented by a space or tab")
            }
            throw fail(number, 1, "expected a key such as \"truth:\" at the start of the line")
        }
        let word = String(chars[0..<index])
        guard let key = MaskSection.Key(rawValue: word) else {
            throw fail(number, 1, "unknown key \"\(word)\": use title, note, classes, ignore, truth, prediction or params")
        }
        var predictionName: MaskSection.Token?
        var className: MaskSection.Token?
        var presetNumber: MaskSection.Token?
        var presetName: MaskSection.Token?
        if key == .params {
            // A preset: `params 3 "strong focus": …` (the number is checked by the interpreter).
            skipBlanks(chars, &index)
            if index < chars.count, chars[index] == "\"" {
                throw fail(number, index + 1, "a preset needs its number 1–9 before the name, e.g. params 1 \"strong focus\": loss=focal gamma=5")
            }
            let start = index
            while index < chars.count, !chars[index].isMaskBlank, chars[index] != ":", chars[index] != "\"" { index += 1 }
            if index > start { presetNumber = MaskSection.Token(text: String(chars[start..<index]), column: start + 1) }
            skipBlanks(chars, &index)
            if presetNumber != nil, index < chars.count, chars[index] == "\"" {
                presetName = try quotedName(chars, &index, number: number, noun: "preset name")
            }
        }
        if key == .prediction {
            skipBlanks(chars, &index)
            if index < chars.count, chars[index] == "\"" {
                predictionName = try quotedName(chars, &index, number: number, noun: "prediction name")
                skipBlanks(chars, &index)
            }
            if index < chars.count, chars[index] == "[" {
                className = try bracketedClass(chars, &index, number: number)
                skipBlanks(chars, &index)
            }
        }
        skipBlanks(chars, &index)
        guard index < chars.count, chars[index] == ":" else {
            throw fail(number, index + 1, "expected \":\" after the key")
        }
        index += 1
        let valueColumn = index + 1
        var text = ""
        var tokens: [MaskSection.Token] = []
        if key == .title || key == .note {
            text = String(chars[index...]).trimmingMaskBlanks()
        } else {
            while true {
                skipBlanks(chars, &index)
                guard index < chars.count, chars[index] != "#" else { break }
                let start = index
                while index < chars.count, !chars[index].isMaskBlank { index += 1 }
                tokens.append(MaskSection.Token(text: String(chars[start..<index]), column: start + 1))
            }
        }
        return MaskSection(
            key: key, line: number, predictionName: predictionName, className: className, presetNumber: presetNumber,
            presetName: presetName, valueColumn: valueColumn, text: text, tokens: tokens
        )
    }

    private func skipBlanks(_ chars: [Character], _ index: inout Int) {
        while index < chars.count, chars[index].isMaskBlank { index += 1 }
    }

    /// `"name"` with the escapes `\"` and `\\`; `index` is at the opening quote. `noun` names it in messages.
    private func quotedName(_ chars: [Character], _ index: inout Int, number: Int, noun: String) throws(FormatError) -> MaskSection.Token {
        let open = index
        index += 1
        var name = ""
        while true {
            guard index < chars.count else {
                throw fail(number, open + 1, "unterminated \(noun): missing the closing \"")
            }
            let char = chars[index]
            if char == "\"" { break }
            if char == "\\" {
                guard index + 1 < chars.count, chars[index + 1] == "\"" || chars[index + 1] == "\\" else {
                    throw fail(number, index + 1, "unknown escape in a \(noun): use \\\" or \\\\")
                }
                name.append(chars[index + 1])
                index += 2
                continue
            }
            name.append(char)
            index += 1
        }
        index += 1
        guard !name.isEmpty else { throw fail(number, open + 1, "empty \(noun)") }
        return MaskSection.Token(text: name, column: open + 1)
    }

    /// `[class]`; `index` is at the `[`.
    private func bracketedClass(_ chars: [Character], _ index: inout Int, number: Int) throws(FormatError) -> MaskSection.Token {
        let open = index
        guard let close = chars[open...].firstIndex(of: "]") else {
            throw fail(number, open + 1, "missing \"]\" after the class name")
        }
        index = close + 1
        let inner = chars[(open + 1)..<close]
        guard let first = inner.firstIndex(where: { !$0.isMaskBlank }) else {
            throw fail(number, open + 1, "empty class name in \"[]\"")
        }
        return MaskSection.Token(text: String(inner).trimmingMaskBlanks(), column: first + 1)
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingMaskBlanks() -> String {
        guard let start = firstIndex(where: { !$0.isMaskBlank }), let end = lastIndex(where: { !$0.isMaskBlank }) else {
            return ""
        }
        return String(self[start...end])
    }
}
