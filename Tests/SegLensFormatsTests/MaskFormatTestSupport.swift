import Foundation
import SegLensCore
@testable import SegLensFormats

/// The fixture files of the `.mask` examples, by file name.
enum MaskFixtures {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("mask")
    }

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".mask") }.sorted()
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func document(_ name: String) throws -> MaskDocument {
        try MaskReader.read(path: directory.appendingPathComponent(name).path)
    }

    /// docs/mask-format.md of this package.
    static var documentation: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            return try String(contentsOf: root.appendingPathComponent("docs/mask-format.md"), encoding: .utf8)
        }
    }
}

/// The error of parsing `text` as `t.mask`, as `file:line:col: message`; `nil` when it parses.
func maskError(_ text: String) -> String? {
    do {
        _ = try MaskReader.parse(text: text, path: "t.mask")
        return nil
    } catch {
        return error.description
    }
}

/// A small deterministic generator (SplitMix64) for the random round trips.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
