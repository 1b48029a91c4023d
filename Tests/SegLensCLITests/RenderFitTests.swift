import Foundation
import Testing

/// `seglens render --size WxH` prints exactly H lines of at most W columns, and the first screen of every sample at
/// 80×24 and 160×48 shows every word whole.
///
/// A line *clips a word* when it
/// - holds the ellipsis `…` (the only mark the view leaves where it cut text; no sample's text contains one), or
/// - is W columns wide and ends in a letter or digit (text that ran into the right edge; every panel, table and
///   hint line ends in a border, a space or punctuation when it is whole).
@Suite struct RenderFitTests {
    static let sizes = [(columns: 80, rows: 24), (columns: 160, rows: 48), (columns: 100, rows: 30)]

    static var sampleFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: RenderTests.samples.path)) ?? []
        return names.filter { $0.hasSuffix(".mask") }.sorted()
    }

    /// The lines of a plain-text render (every line ends in "\n"; nothing after the last one).
    static func lines(of output: String) -> [Substring] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Why `line` clips a word at `columns`, or nil.
    static func clip(_ line: Substring, columns: Int) -> String? {
        if line.contains("…") { return "an ellipsis" }
        if line.count == columns, let last = line.last, last.isLetter || last.isNumber {
            return "a word running into column \(columns)"
        }
        return nil
    }

    @Test func theClipRuleCatchesCutText() {
        #expect(Self.clip("metrics at p ≥ 0.5: IoU 1.000  F…", columns: 80) == "an ellipsis")
        #expect(Self.clip(Substring(String(repeating: "x", count: 10)), columns: 10) != nil)
        #expect(Self.clip("└──────┘", columns: 8) == nil)
        #expect(Self.clip("ends in a word", columns: 80) == nil)
    }

    @Test func samplesHoldNoEllipsisOfTheirOwn() throws {
        for name in Self.sampleFiles {
            let text = try String(contentsOfFile: RenderTests.sample(name), encoding: .utf8)
            #expect(!text.contains("…"), "\(name) has an ellipsis, so the clip rule cannot tell a cut from it")
        }
    }

    @Test(arguments: sizes.map { "\($0.columns)x\($0.rows)" })
    func everySampleFitsWithoutClipping(size: String) throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        let (columns, rows) = (parts[0], parts[1])
        #expect(Self.sampleFiles.count >= 10)
        for name in Self.sampleFiles {
            let result = try SegLensProcess.run(["render", RenderTests.sample(name), "--size", size])
            try #require(result.status == 0, "\(result)")
            #expect(result.stdout.hasSuffix("\n"), "\(name) at \(size): the last line has no newline")
            let lines = Self.lines(of: result.stdout)
            #expect(lines.count == rows, "\(name) at \(size): \(lines.count) lines")
            for (index, line) in lines.enumerated() {
                #expect(line.count <= columns, "\(name) at \(size), line \(index + 1): \(line.count) columns: \(line)")
                if let reason = Self.clip(line, columns: columns) {
                    Issue.record("\(name) at \(size), line \(index + 1) clips a word (\(reason)): \(line)")
                }
            }
        }
    }

    @Test func colouredOutputHasExactlyTheRowsToo() throws {
        let result = try SegLensProcess.run(["render", "--size", "100x30", "--color", "256"])
        try #require(result.status == 0, "\(result)")
        #expect(Self.lines(of: result.stdout).count == 30)
    }
}
