import Testing

@testable import SegLensUI

@Suite struct KeyTokenTests {
    @Test func singleCharactersAndNames() throws {
        let keys = try Key.parseTokens("l l <S-Right> ? <Esc> q")
        #expect(keys == [.character("l"), .character("l"), .shiftRight, .character("?"), .escape, .character("q")])
    }

    @Test func everyDocumentedToken() throws {
        let keys = try Key.parseTokens("<Tab> <S-Tab> <Left> <Right> <Up> <Down> <S-Left> <S-Right> <Esc> <Enter> <Space>")
        #expect(keys == [.tab, .backTab, .left, .right, .up, .down, .shiftLeft, .shiftRight, .escape, .enter, .character(" ")])
    }

    @Test func extrasAndCaseInsensitivity() throws {
        let keys = try Key.parseTokens("<tab> <s-tab> <ESC> <C-l> <C-Left> <F1> <F12> <lt> < > <PageDown> <BackTab>")
        #expect(
            keys == [
                .tab, .backTab, .escape, .control("l"), .ctrlLeft, .function(1), .function(12), .character("<"),
                .character("<"), .character(">"), .pageDown, .backTab,
            ])
    }

    @Test func whitespaceIsFlexible() throws {
        #expect(try Key.parseTokens("  a\t\tb\n") == [.character("a"), .character("b")])
        #expect(try Key.parseTokens("") == [])
    }

    @Test func unknownNameIsAnError() {
        #expect(throws: KeyTokenError.self) { try Key.parseTokens("a <Foo> b") }
        do {
            _ = try Key.parseTokens("a <Foo> b")
        } catch {
            #expect(error.token == "<Foo>")
            #expect(error.position == 2)
            #expect(error.description.contains("unknown key name"))
            #expect(error.description.contains("<S-Tab>"))
        }
    }

    @Test func multiCharacterWordIsAnError() {
        do {
            _ = try Key.parseTokens("q ab")
            Issue.record("expected an error")
        } catch {
            #expect(error.token == "ab")
            #expect(error.position == 2)
            #expect(error.reason.contains("one character per token"))
        }
    }

    @Test func ctrlCAndUnclosedBracketAreErrors() {
        #expect(throws: KeyTokenError.self) { try Key.parseTokens("<C-c>") }
        #expect(throws: KeyTokenError.self) { try Key.parseTokens("<Tab") }
        #expect(throws: KeyTokenError.self) { try Key.parseTokens("<>") }
    }

    @Test func tokensRoundTrip() throws {
        let keys: [Key] = [
            .character("a"), .character(" "), .character("<"), .character(">"), .tab, .backTab, .enter, .escape,
            .shiftLeft, .ctrlRight, .control("l"), .function(5), .pageUp, .resize,
        ]
        let tokens = keys.compactMap(\.token)
        #expect(tokens.count == keys.count)
        #expect(try Key.parseTokens(tokens.joined(separator: " ")) == keys)
        #expect(Key.mouse(MouseEvent(kind: .wheelUp, row: 0, column: 0)).token == nil)
    }
}
