import Foundation
import SegLensFormats
import Testing

/// Every input a fuzzer (scripts/fuzz) once crashed on, kept in Fixtures/fuzz/TARGET/: each reader must now turn it
/// into a ``FormatError`` with a position (or read it), never trap. The file names say what each one broke.
@Suite struct FuzzRegressionTests {
    static func files(_ target: String) -> [String] {
        let directory = Fixtures.path("fuzz/\(target)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().map { "fuzz/\(target)/\($0)" }
    }

    /// A PNG whose IHDR gives gray at bit depth 193 (CRCs valid) trapped on `(1 << 193) - 1`, before libpng saw it.
    @Test func theBitDepthCrasherIsRefusedAtItsByte() throws {
        #expect(throws: FormatError(
            path: "p", position: .byteOffset(24),
            message: "invalid PNG file: bit depth 193 is not allowed for colour type 0 (only 1, 2, 4, 8, 16)"
        )) { try PNGReader.read(bytes: Fixtures.bytes("fuzz/png/bit-depth-193.png"), path: "p") }
    }

    @Test(arguments: files("png"))
    func pngCrashers(file: String) throws {
        #expect(throws: FormatError.self) { try PNGReader.read(bytes: Fixtures.bytes(file), path: file) }
    }

    @Test(arguments: files("npy") + files("npz") + files("mask") + files("pgm"))
    func otherCrashers(file: String) throws {
        let bytes = try Fixtures.bytes(file)
        #expect(throws: FormatError.self) {
            switch file.split(separator: "/")[1] {
            case "npy": _ = try NPYReader.read(bytes: bytes, path: file)
            case "npz": _ = try NPZReader.read(bytes: bytes, path: file, name: nil)
            case "mask": _ = try MaskReader.read(bytes: bytes, path: file)
            default: _ = try PGMReader.read(bytes: bytes, path: file)
            }
        }
    }

    @Test func theBitDepthRulesOfThePNGSpecification() throws {
        // gray 3 is not a PNG depth; palette 16 is not either; colour type 5 does not exist.
        for (depth, type, offset) in [(3, 0, 24), (16, 3, 24), (4, 2, 24), (8, 5, 25)] as [(UInt8, UInt8, Int)] {
            var bytes = try Fixtures.bytes("png/gray8_5x3.png")
            bytes[24] = depth
            bytes[25] = type
            #expect { try PNGReader.read(bytes: bytes, path: "p") } throws: { error in
                (error as? FormatError)?.position == .byteOffset(offset)
            }
        }
    }
}
