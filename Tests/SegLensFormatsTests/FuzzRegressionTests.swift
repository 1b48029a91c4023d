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

    /// The NPY fuzz target's three readers, with its pixel limit: the array reader may read a crasher (an empty
    /// array is an array) or refuse it, never trap; the readers into labels and predictions refuse it.
    /// `shape-product-overflow.npy` declares `(1, 2, 666666666666666661, 3, 1, 2, 1, 3, 0)`: no element, but the
    /// product of the other axes overflowed.
    @Test(arguments: files("npy"))
    func npyCrashers(file: String) throws {
        let bytes = try Fixtures.bytes(file), limits = ReadLimits(maxPixels: 1 << 20)
        if let array = try? NPYReader.read(bytes: bytes, path: file, limits: limits) { #expect(array.elementCount == 0) }
        #expect(throws: FormatError.self) { _ = try NPYReader.labelMap(bytes: bytes, path: file, limits: limits) }
        #expect(throws: FormatError.self) { _ = try NPYReader.prediction(bytes: bytes, path: file, limits: limits) }
    }

    @Test(arguments: files("npz") + files("mask") + files("pgm"))
    func otherCrashers(file: String) throws {
        let bytes = try Fixtures.bytes(file)
        #expect(throws: FormatError.self) {
            switch file.split(separator: "/")[1] {
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
