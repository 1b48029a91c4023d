import Testing
import SegLensUI

@Suite struct KeyScriptTests {
    @Test func waitsQuitCommentsAndKeys() throws {
        let script = "# focal's γ, step by step\ng <Right>\n  <wait 1.5s> <Right> <wait 250ms>\n# done\n<quit>"
        #expect(try KeyScript.parse(script) == [
            .key(.character("g")), .key(.right), .wait(.milliseconds(1500)), .key(.right), .wait(.milliseconds(250)), .quit,
        ])
        // `#` is a key anywhere but at the start of a line followed by a space; `<` alone is the key <.
        #expect(try KeyScript.parse("a # < b\n#\n  # c") == [
            .key(.character("a")), .key(.character("#")), .key(.character("<")), .key(.character("b")),
        ])
        #expect(throws: KeyTokenError.self) { try KeyScript.parse("#q") }
    }

    @Test func errorsNameLineAndColumn() {
        func error(_ text: String) -> KeyTokenError? {
            do { _ = try KeyScript.parse(text); return nil } catch { return error }
        }
        let wait = error("g <Right>\n  <wait 2 s>")
        #expect(wait?.position == 3 && wait?.line == 2 && wait?.column == 3)
        #expect(wait?.description.contains("line 2, column 3") == true)
        let unclosed = error("a\nb <wait 2s\nc")
        #expect(unclosed?.line == 2 && unclosed?.column == 3 && unclosed?.reason.contains("not closed") == true)
        let unknown = error("a  <Nope>")
        #expect(unknown?.token == "<Nope>" && unknown?.column == 4 && unknown?.reason == "unknown key name")
        #expect(error("<wait 601s>") != nil && error("<wait -1s>") != nil && error("<wait>") != nil && error("<waits 1s>") != nil)
    }

    @Test func parseTokensRefusesScriptSteps() {
        #expect(throws: KeyTokenError.self) { try Key.parseTokens("a <wait 1s>") }
        #expect(throws: KeyTokenError.self) { try Key.parseTokens("<quit>") }
    }
}

@Suite struct ScriptPlayerTests {
    static let pace = Duration.milliseconds(400)

    @Test func keysComeAtThePaceAndWaitsAddTime() throws {
        var player = ScriptPlayer(steps: try KeyScript.parse("a b <wait 1s> c"), pace: Self.pace)
        #expect(player.advance(to: .milliseconds(399)) == [])
        #expect(player.timeUntilNextStep(now: .milliseconds(399)) == .milliseconds(1))
        #expect(player.advance(to: .milliseconds(400)) == [.character("a")])
        #expect(player.advance(to: .milliseconds(800)) == [.character("b")])
        // c is due at 800 + 400 (b's pace) + 1000 (the wait).
        #expect(player.advance(to: .milliseconds(2199)) == [])
        #expect(player.advance(to: .milliseconds(2200)) == [.character("c")])
        #expect(player.state == .finished && player.statusText == nil)
    }

    @Test func aKeyPausesSpaceResumesAnotherTakesOver() throws {
        var player = ScriptPlayer(steps: try KeyScript.parse("a b c"), pace: Self.pace)
        #expect(player.advance(to: .milliseconds(400)) == [.character("a")])
        // The user's key pauses and is swallowed; a resize still passes.
        #expect(player.handle(userKeys: [.tab, .resize], now: .milliseconds(500)) == [.resize])
        #expect(player.state == .paused && player.statusText!.contains("paused"))
        #expect(player.advance(to: .seconds(10)) == [])
        // Space resumes with the 300 ms that were left before b.
        #expect(player.handle(userKeys: [.character(" ")], now: .seconds(10)) == [])
        #expect(player.advance(to: .milliseconds(10_299)) == [])
        #expect(player.advance(to: .milliseconds(10_300)) == [.character("b")])
        _ = player.handle(userKeys: [.character("x")], now: .milliseconds(10_400))
        // Another key while paused ends the script and is applied.
        #expect(player.handle(userKeys: [.character("m")], now: .seconds(11)) == [.character("m")])
        #expect(player.state == .finished && player.advance(to: .seconds(20)) == [])
    }

    @Test func quitStopsTheScript() throws {
        var player = ScriptPlayer(steps: try KeyScript.parse("a <quit> b"), pace: Self.pace)
        #expect(player.advance(to: .seconds(5)) == [.character("a")])
        #expect(player.state == .quit)
    }
}
