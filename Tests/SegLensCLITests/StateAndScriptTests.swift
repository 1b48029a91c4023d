import Foundation
import Testing

/// `render --state` and `render --keys` with a script: the same screen as the keys that led there, and usage errors
/// that point into the state line or the script.
@Suite struct StateAndScriptTests {
    static let sample = RenderTests.sample("small-object.mask")

    @Test func aStateDrawsTheScreenItsKeysDraw() throws {
        let keys = try SegLensProcess.run(["render", Self.sample, "--keys", "g <Right> <Right> m + D e . f"])
        // D at zoom 1 pans by a quarter of the visible 10 columns: the centre moves from (5, 10) to (5, 12).
        let state = try SegLensProcess.run([
            "render", Self.sample, "--state", "select=gamma focal.gamma=0.5 view=loss zoom=1 center=5,12 shift=1,0 present=yes",
            // The status line of the keys' screen shows the edit selector that `e` opened: open it here too.
            "--keys", "e",
        ])
        #expect(keys.status == 0 && state.status == 0, "\(keys)\n\(state)")
        #expect(keys.stdout == state.stdout)
    }

    @Test func aScriptFileRendersWithoutItsWaitsAndStopsAtQuit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seglens-script-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("demo.keys")
        try "# γ up twice\ng <Right>\n<wait 2s>\n<Right>\n<quit>\n<Tab>\n".write(to: script, atomically: true, encoding: .utf8)
        let scripted = try SegLensProcess.run(["render", Self.sample, "--keys", script.path])
        let typed = try SegLensProcess.run(["render", Self.sample, "--keys", "g <Right> <Right>"])
        #expect(scripted.status == 0 && scripted.stdout == typed.stdout, "\(scripted)")
    }

    /// A file's preset on its digit: `render --keys 3` selects it and names it, and `--state preset=3` is that screen.
    @Test func aPresetKeyRendersAndItsStateWordDrawsTheSameScreen() throws {
        let sample = RenderTests.sample("tversky-tradeoff.mask")
        let keys = try SegLensProcess.run(["render", sample, "--keys", "3"])
        #expect(keys.status == 0, "\(keys)")
        let lines = keys.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.contains("β = 0.7 (FP×0.7, FN×0.3)") }, "\(keys.stdout)")
        #expect(lines.contains { $0.hasPrefix(" preset 3: β=0.7: a false alarm costs 0.7, a miss 0.3 ") }, "\(keys.stdout)")
        let state = try SegLensProcess.run(["render", sample, "--state", "preset=3"])
        #expect(state.status == 0 && state.stdout == keys.stdout, "\(state)")
        let missing = try SegLensProcess.run(["render", sample, "--state", "preset=7"])
        #expect(missing.status == 64 && missing.stderr.contains("no preset '7'; one of 1, 2, 3"), "\(missing)")
    }

    @Test func badStatesAndScriptsAreUsageErrorsWithPositions() throws {
        let state = try SegLensProcess.run(["render", Self.sample, "--state", "view=loss zoom=x"])
        #expect(state.status == 64 && state.stderr.contains("--state: state word 'zoom=x' at column 11"), "\(state)")
        let script = try SegLensProcess.run(["render", Self.sample, "--keys", "g\n <wait soon>"])
        #expect(script.status == 64 && script.stderr.contains("'<wait soon>' at line 2, column 2"), "\(script)")
    }
}
