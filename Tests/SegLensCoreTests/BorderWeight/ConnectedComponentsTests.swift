import Testing
import SegLensCore

/// 8-connected components against hand-drawn masks: `#` is a member, letters in the expected drawing name the
/// component (a = 0, b = 1, … in row-major order of first pixels).
@Suite struct ConnectedComponentsTests {
    static func components(_ rows: [String]) -> ConnectedComponents {
        let width = rows[0].count, cells = rows.flatMap { Array($0) }
        return ConnectedComponents(height: rows.count, width: width) { cells[$0] == "#" }
    }

    static func drawing(_ components: ConnectedComponents) -> [String] {
        (0..<components.height).map { row in
            String((0..<components.width).map { column in
                let label = components.labels[row * components.width + column]
                return label < 0 ? "." : Character(UnicodeScalar(UInt8(97 + label)))
            })
        }
    }

    @Test func diagonalNeighboursJoin() {
        let found = Self.components([
            "#...#",
            ".#.#.",
            "..#..",
            ".....",
            "##..#",
        ])
        #expect(Self.drawing(found) == [
            "a...a",
            ".a.a.",
            "..a..",
            ".....",
            "bb..c",
        ])
        #expect(found.count == 3)
        #expect(found.bounds[0] == .init(rows: 0...2, columns: 0...4))
        #expect(found.bounds[1] == .init(rows: 4...4, columns: 0...1))
        #expect(found.bounds[2] == .init(rows: 4...4, columns: 4...4))
    }

    @Test func gapOfOnePixelSeparates() {
        let found = Self.components([
            "##.##",
            "##.##",
            ".....",
            "#.#.#",
        ])
        #expect(Self.drawing(found) == [
            "aa.bb",
            "aa.bb",
            ".....",
            "c.d.e",
        ])
    }

    /// A U shape is one component although its two arms meet only at the bottom; a ring encloses a hole that is
    /// not a member.
    @Test func concaveShapesStayWhole() {
        let found = Self.components([
            "#.#.###",
            "#.#.#.#",
            "###.###",
        ])
        #expect(Self.drawing(found) == [
            "a.a.bbb",
            "a.a.b.b",
            "aaa.bbb",
        ])
    }

    @Test func emptyAndFull() {
        #expect(Self.components(["...", "..."]).count == 0)
        let full = Self.components(["###", "###"])
        #expect(full.count == 1)
        #expect(full.bounds == [.init(rows: 0...1, columns: 0...2)])
    }
}
