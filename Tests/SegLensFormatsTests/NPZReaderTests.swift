import Foundation
import SegLensFormats
import Testing

/// `.npz` archives written by numpy (make_npz_fixtures.py): stored and deflated members read to the values of the
/// script's formulas, recomputed here; a missing name lists the names; corrupt, truncated and lying archives fail
/// with the byte offset, before allocating what they claim.
@Suite struct NPZReaderTests {
    static let (height, width) = (6, 8)
    /// mask: (3k + 1) % 5 == 0 → 1; logits: 0.25k − 3.
    static let mask = (0..<(height * width)).map { Int64((3 * $0 + 1) % 5 == 0 ? 1 : 0) }
    static let logits = (0..<(height * width)).map { 0.25 * Double($0) - 3 }

    @Test(arguments: ["pair_stored.npz", "pair_deflate.npz"])
    func readsBothArraysOfSavezAndSavezCompressed(file: String) throws {
        let bytes = try Fixtures.bytes("npz/\(file)")
        #expect(try NPZReader.arrayNames(bytes: bytes, path: file) == ["mask", "logits"])
        let mask = try NPZReader.read(bytes: bytes, path: file, name: "mask")
        #expect(mask == NumpyArray(shape: [Self.height, Self.width], storage: .integers(Self.mask)))
        let logits = try NPZReader.read(bytes: bytes, path: file, name: "logits")
        #expect(logits == NumpyArray(shape: [Self.height, Self.width], storage: .doubles(Self.logits)))
    }

    @Test func anArchiveOfOneArrayNeedsNoName() throws {
        let array = try NPZReader.read(bytes: Fixtures.bytes("npz/only_mask.npz"), path: "m.npz", name: nil)
        #expect(array.storage == .integers(Self.mask))
    }

    @Test func positionalArraysHaveNumpysNames() throws {
        let bytes = try Fixtures.bytes("npz/positional.npz")
        #expect(try NPZReader.arrayNames(bytes: bytes, path: "p.npz") == ["arr_0", "arr_1"])
        #expect(try NPZReader.read(bytes: bytes, path: "p.npz", name: "arr_1").storage == .doubles(Self.logits))
    }

    @Test func aMissingNameListsTheArrays() throws {
        let bytes = try Fixtures.bytes("npz/pair_deflate.npz")
        #expect { try NPZReader.read(bytes: bytes, path: "a.npz", name: "prob") } throws: { error in
            "\(error)" == "a.npz: no array 'prob' in the archive (arrays: mask, logits)"
        }
        #expect { try NPZReader.read(bytes: bytes, path: "a.npz", name: nil) } throws: { error in
            "\(error)" == "a.npz: name the array as a.npz:NAME (arrays: mask, logits)"
        }
    }

    @Test(arguments: ["pair_stored.npz", "pair_deflate.npz"])
    func aCorruptMemberFailsItsCRC(file: String) throws {
        var bytes = try Fixtures.bytes("npz/\(file)")
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8, extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        let data = 30 + nameLength + extraLength
        // Stored: a byte inside the float data of the first member; deflate: a byte of the stream.
        bytes[data + (file.contains("stored") ? 200 : 20)] ^= 0x5A
        #expect { try NPZReader.read(bytes: bytes, path: "c.npz", name: "mask") } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("c.npz: byte \(data): mask.npy: ") && (text.contains("CRC-32") || text.contains("inflate"))
        }
    }

    @Test func aTruncatedArchiveHasNoEndRecord() throws {
        let bytes = try Fixtures.bytes("npz/pair_deflate.npz")
        for length in [0, 3, 21, bytes.count / 2, bytes.count - 1] {
            #expect { try NPZReader.read(bytes: Array(bytes.prefix(length)), path: "t.npz", name: "mask") } throws: { error in
                "\(error)".hasPrefix("t.npz: byte ") && "\(error)".contains("ZIP")
            }
        }
    }

    /// A central directory that declares a 4 GB member is refused by the pixel limit, before any allocation.
    @Test func aLyingSizeIsRefusedBeforeAllocating() throws {
        var bytes = try Fixtures.bytes("npz/pair_deflate.npz")
        let record = try #require((0..<(bytes.count - 4)).first { bytes[$0..<($0 + 4)].elementsEqual([0x50, 0x4B, 0x01, 0x02]) })
        for offset in 24..<28 { bytes[record + offset] = 0xFE }  // uncompressed size ≈ 4.27e9
        #expect { try NPZReader.read(bytes: bytes, path: "l.npz", name: "mask", limits: ReadLimits(maxPixels: 1000)) } throws: { error in
            "\(error)".hasPrefix("l.npz: byte \(record): mask.npy: declares 4278124286 bytes")
        }
    }

    @Test func otherMagicIsNotAnArchive() {
        #expect(!ZipArchive.hasMagic(Array("\u{93}NUMPY".utf8)))
        #expect(ZipArchive.hasMagic([0x50, 0x4B, 0x03, 0x04, 0]))
    }
}
