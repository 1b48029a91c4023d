/// A key script: the tokens of `seglens render --keys`, plus `<wait 1.5s>` (or `<wait 500ms>`) and `<quit>`, and
/// comment lines that start with `# `. The one tokenizer of keys: ``Key/parseTokens(_:)`` and the explorer's
/// `--keys` read through it.
///
/// ```swift
/// try KeyScript.parse("# focal's γ\ng <Right> <wait 1.5s> <Right>\n<quit>")
/// // [.key(.character("g")), .key(.right), .wait(.milliseconds(1500)), .key(.right), .quit]
/// ```
public enum KeyScript {
    public enum Step: Hashable, Sendable {
        case key(Key)
        case wait(Duration)
        case quit
    }

    /// The longest `<wait>`: a script is a demo, not a timer.
    public static let longestWait = Duration.seconds(600)

    /// Parses a script; errors name the token, its number and its line and column.
    public static func parse(_ text: String) throws(KeyTokenError) -> [Step] {
        var steps: [Step] = []
        let characters = Array(text)
        var index = 0, line = 1, column = 1, atLineStart = true
        func advance() {
            if characters[index] == "\n" { line += 1; column = 1; atLineStart = true } else { column += 1 }
            index += 1
        }
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                advance()
                continue
            }
            if atLineStart, character == "#", index + 1 == characters.count || characters[index + 1].isWhitespace {
                while index < characters.count, characters[index] != "\n" { advance() }
                continue
            }
            atLineStart = false
            let (startLine, startColumn) = (line, column)
            var token = ""
            if character == "<", index + 1 < characters.count, !characters[index + 1].isWhitespace {
                // An angle-bracket name, which may contain spaces (`<wait 2s>`), up to `>` on the same line.
                while index < characters.count, characters[index] != "\n" {
                    token.append(characters[index])
                    advance()
                    if token.count > 1, token.last == ">" { break }
                }
                if token.count < 2 || token.last != ">" {
                    throw KeyTokenError(
                        token: token, position: steps.count + 1, line: startLine, column: startColumn,
                        reason: "'<' is not closed on its line (the key < is written <lt>)")
                }
            } else {
                while index < characters.count, !characters[index].isWhitespace {
                    token.append(characters[index])
                    advance()
                }
            }
            steps.append(try step(token, position: steps.count + 1, line: startLine, column: startColumn))
        }
        return steps
    }

    private static func step(_ token: String, position: Int, line: Int, column: Int) throws(KeyTokenError) -> Step {
        let lower = token.lowercased()
        if lower == "<quit>" { return .quit }
        if lower.hasPrefix("<wait") {
            let argument = lower.dropFirst(5).dropLast().trimmingWhitespace()
            let (number, scale): (Substring, Double) =
                argument.hasSuffix("ms") ? (argument.dropLast(2), 0.001) : argument.hasSuffix("s") ? (argument.dropLast(), 1) : ("", 0)
            guard lower.hasPrefix("<wait "), let value = Double(number), value.isFinite, value >= 0,
                  value * scale <= Double(longestWait.components.seconds)
            else {
                throw KeyTokenError(
                    token: token, position: position, line: line, column: column,
                    reason: "a wait is <wait 1.5s> or <wait 500ms>, at most \(longestWait.components.seconds) s")
            }
            return .wait(.milliseconds(Int64((value * scale * 1000).rounded())))
        }
        do {
            return .key(try Key.parseToken(token, position: position))
        } catch {
            var located = error
            (located.line, located.column) = (line, column)
            throw located
        }
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var result = self
        while result.first?.isWhitespace == true { result = result.dropFirst() }
        while result.last?.isWhitespace == true { result = result.dropLast() }
        return result
    }
}
