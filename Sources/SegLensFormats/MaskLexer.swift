/// Splits the text of a `.mask` file into lines, drops comments and blank lines, and groups each key line with
/// its indented rows. Checks the syntax of key lines; the values are checked by ``MaskInterpreter``.
struct MaskLexer {
    let path: String

    func fail(_ line: Int, _ column: Int, _ message: String) -> FormatError {
        FormatError(path: path, position: .text(line: line, column: column), message: message)
    }

    func sections(of text: String) throws(FormatError) -> [MaskSection] {
        var sections: [MaskSection] = []
        var blockOpen = false
        var blockEndedByBlank = false
        var number = 0
        for rawLine in MaskLexer.lines(of: text) {
            number += 1
            var line = rawLine
            if number == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
            guard let contentStart = line.firstIndex(where: { !$0.isMaskBlank }) else {
                if blockOpen { blockEndedByBlank = true }
                blockOpen = false
                continue
            }
            let first = line[line.startIndex]
            if first == "#" {
                if number == 1 { try checkVersion(line) }
                continue
            }
            if first.isMaskBlank {
                let column = line.distance(from: line.startIndex, to: contentStart) + 1
                guard blockOpen, !sections.isEmpty else {
                    throw fail(
                        number, column,
                        blockEndedByBlank
                            ? "indented line after a blank line: a blank line ends a block"
                            : "indented line outside a block: only the rows of \"truth:\" and \"prediction:\" are indented"
                    )
                }
                let contentEnd = line.lastIndex(where: { !$0.isMaskBlank })!
                sections[sections.count - 1].rows.append(
                    MaskSection.Row(line: number, column: column, text: line[contentStart...contentEnd])
                )
                continue
            }
            let section = try keyLine(Array(line), number: number)
            blockOpen = section.isBlock
            blockEndedByBlank = false
            sections.append(section)
        }
        return sections
    }

    /// Lines split at `\n`; a `\r` before it is dropped.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 10 {
                var end = index
                if end > start, utf8[utf8.index(before: end)] == 13 { end = utf8.index(before: end) }
                lines.append(text[start..<end])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { lines.append(text[start..<utf8.endIndex]) }
        return lines
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
