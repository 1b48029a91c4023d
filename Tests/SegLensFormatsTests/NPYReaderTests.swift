import Testing
@testable import SegLensFormats

/// The formulas of make_npy_fixtures.py, for the element with C-order index `k`.
private enum Formula {
    static func boolean(_ k: Int) -> Int64 { k % 3 == 0 ? 1 : 0 }
    static func signed(_ k: Int) -> Int64 { Int64(37 * k - 100) }
    static func unsigned(_ k: Int) -> Int64 { Int64(37 * k + 3) }
    static func float(_ k: Int) -> Double { 0.5 * Double(k) - 1.25 }
}

/// A `.npy` file with a hand-written header dictionary (v1.0, unpadded) and raw data.
func npyFile(header: String, data: [UInt8] = [], version: UInt8 = 1) -> [UInt8] {
    let dictionary = Array(header.utf8)
    var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
    let lengthBytes = version == 1 ? 2 : 4
    bytes += (0..<lengthBytes).map { UInt8(truncatingIfNeeded: dictionary.count >> (8 * $0)) }
    return bytes + dictionary + data
}

@Suite struct NPYReaderTests {
    @Test(arguments: ["b1", "u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "u2_be", "i2_be", "u4_be", "i4_be", "u8_be", "i8_be"])
    func integerDtypes(name: String) throws {
        let array = try NPYReader.read(path: Fixtures.path("npy/dtype_\(name).npy"))
        let formula: (Int) -> Int64 = switch name.first {
        case "b": Formula.boolean
        case "u": Formula.unsigned
        default: Formula.signed
        }
        #expect(array.shape == [2, 3])
        #expect(array.storage == .integers((0..<6).map(formula)))
    }

    @Test(arguments: ["f2", "f4", "f8", "f2_be", "f4_be", "f8_be"])
    func floatDtypes(name: String) throws {
        let array = try NPYReader.read(path: Fixtures.path("npy/dtype_\(name).npy"))
        #expect(array.shape == [2, 3])
        #expect(array.storage == .doubles((0..<6).map(Formula.float)))
    }

    @Test func fortranOrderBecomesCOrder() throws {
        let cube = try NPYReader.read(path: Fixtures.path("npy/fortran_f8_2x3x4.npy"))
        #expect(cube.shape == [2, 3, 4])
        #expect(cube.storage == .doubles((0..<24).map(Formula.float)))
        let matrix = try NPYReader.read(path: Fixtures.path("npy/fortran_i4_3x5.npy"))
        #expect(matrix.shape == [3, 5])
        #expect(matrix.storage == .integers((0..<15).map(Formula.signed)))
    }

    @Test func headerVersions2And3() throws {
        let v2 = try NPYReader.read(path: Fixtures.path("npy/version2_f4_2x3.npy"))
        #expect(v2.shape == [2, 3] && v2.storage == .doubles((0..<6).map(Formula.float)))
        let v3 = try NPYReader.read(path: Fixtures.path("npy/version3_i2_2x3.npy"))
        #expect(v3.shape == [2, 3] && v3.storage == .integers((0..<6).map(Formula.signed)))
    }

    @Test func ranks0_1_4() throws {
        let scalar = try NPYReader.read(path: Fixtures.path("npy/scalar_f8.npy"))
        #expect(scalar.shape == [] && scalar.storage == .doubles([2.5]))
        let vector = try NPYReader.read(path: Fixtures.path("npy/vector_i8_5.npy"))
        #expect(vector.shape == [5] && vector.storage == .integers((0..<5).map(Formula.signed)))
        let rank4 = try NPYReader.read(path: Fixtures.path("npy/rank4_u2_1x2x2x3.npy"))
        #expect(rank4.shape == [1, 2, 2, 3] && rank4.storage == .integers((0..<12).map(Formula.unsigned)))
    }

    @Test func headerSyntaxVariants() throws {
        let data: [UInt8] = [7, 8]
        for header in [
            "{\"descr\": \"|u1\", \"fortran_order\": False, \"shape\": (2,)}",
            "{ 'shape' : ( 2 , ) ,'fortran_order':False,'descr':'|u1',}   \n",
            "{'descr': '|u1', 'fortran_order': False, 'shape': (2L,), 'extra': [1, (2, 'x')], }",
        ] {
            let array = try NPYReader.read(bytes: npyFile(header: header, data: data))
            #expect(array.shape == [2] && array.storage == .integers([7, 8]), "\(header)")
        }
        let scalar = try NPYReader.read(bytes: npyFile(header: "{'descr': '|i1', 'fortran_order': True, 'shape': ()}", data: [0xFF]))
        #expect(scalar.shape == [] && scalar.storage == .integers([-1]))
        let empty = try NPYReader.read(bytes: npyFile(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 3)}"))
        #expect(empty.shape == [0, 3] && empty.elementCount == 0)
    }

    @Test func uint64AboveInt64MaxIsAnError() {
        let header = "{'descr': '<u8', 'fortran_order': False, 'shape': (1,)}"
        expectError(npyFile(header: header, data: [UInt8](repeating: 0xFF, count: 8)), mentions: "too large")
    }

    @Test func badMagic() {
        expectError(Array("PK\u{3}\u{4}not numpy".utf8), mentions: "bad magic")
    }

    @Test func unsupportedVersion() {
        expectError(npyFile(header: "{}", version: 4), mentions: "unsupported .npy version 4.0")
    }

    @Test(arguments: ["<c16", "|O", "<U5", "|S3", "<M8[s]", "|V8", "<f16", "|i2", "u1"])
    func unsupportedDtype(descr: String) {
        let header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (1,)}"
        expectError(npyFile(header: header, data: [0]), mentions: "unsupported dtype '\(descr)'")
    }

    @Test func structuredDtype() {
        let header = "{'descr': [('a', '<i4'), ('b', '<f8')], 'fortran_order': False, 'shape': (1,)}"
        expectError(npyFile(header: header), mentions: "structured")
    }

    @Test(arguments: [
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3)", "unexpected end"),
        ("{'descr': '<f8', 'fortran_order': False}", "no 'shape' key"),
        ("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,)}", "'fortran_order' is not True or False"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}", "non-negative integers"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': 3}", "'shape' is not a tuple"),
        ("{'descr': '<f8' 'fortran_order': False}", "expected ',' or '}'"),
        ("{'descr: '<f8'}", "expected ':'"),
        ("{'descr': '<f8', 'fortran_order': Nope}", "unexpected character 'N'"),
        ("['descr', '<f8']", "not a dictionary"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}", "integer too large"),
        ("{} trailing", "unexpected text after"),
        (String(repeating: "(", count: 100), "nested too deeply"),
    ])
    func malformedHeader(header: String, problem: String) {
        expectError(npyFile(header: header), mentions: problem)
    }

    @Test func truncatedFiles() throws {
        let bytes = try Fixtures.bytes("npy/dtype_f8.npy")
        expectError(Array(bytes.dropLast(1)), mentions: "truncated .npy file: the header promises 6 elements")
        expectError(Array(bytes.prefix(9)), mentions: "truncated")
        expectError(Array(bytes.prefix(40)), mentions: "truncated .npy file: the header declares 118 bytes")
        let promisesMore = npyFile(header: "{'descr': '<i4', 'fortran_order': False, 'shape': (1000,)}", data: [1, 2, 3, 4])
        expectError(promisesMore, mentions: "promises 1000 elements")
    }

    @Test func trailingDataIsAnError() throws {
        expectError(try Fixtures.bytes("npy/dtype_u1.npy") + [0], mentions: "1 bytes of trailing data")
    }

    @Test func overflowingShape() {
        let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1099511627776, 1099511627776)}"
        expectError(npyFile(header: header), mentions: "too many elements (overflow)")
    }

    @Test func elementLimit() throws {
        let header = "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000)}"
        expectError(npyFile(header: header), mentions: "10000000000 elements, more than the limit of 67108864")
        let small = ReadLimits(maxPixels: 5)
        #expect(throws: FormatError.self) { try NPYReader.read(path: Fixtures.path("npy/dtype_f8.npy"), limits: small) }
        #expect(try NPYReader.read(path: Fixtures.path("npy/dtype_f8.npy"), limits: ReadLimits(maxPixels: 6)).elementCount == 6)
    }

    @Test func missingFileCannotBeOpened() {
        do {
            _ = try NPYReader.read(path: "/nonexistent/x.npy")
            Issue.record("no error")
        } catch {
            #expect(error.kind == .cannotOpen)
            #expect(error.description.hasPrefix("/nonexistent/x.npy: cannot open the file"))
        }
    }

    @Test func errorsCarryPathAndByteOffset() {
        do {
            _ = try NPYReader.read(bytes: npyFile(header: "{'descr': '<f8' 'x'}"), path: "a.npy")
            Issue.record("no error")
        } catch {
            #expect(error.kind == .badData)
            #expect(error.position == .byteOffset(26))
            #expect(error.description == "a.npy: byte 26: malformed .npy header: expected ',' or '}'")
        }
    }
}

/// Expects reading `bytes` as `.npy` to fail with a bad-data error whose description contains `problem`.
private func expectError(_ bytes: [UInt8], mentions problem: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        let array = try NPYReader.read(bytes: bytes, path: "test.npy")
        Issue.record("read \(array.shape) instead of failing", sourceLocation: sourceLocation)
    } catch {
        #expect(error.kind == .badData, sourceLocation: sourceLocation)
        #expect(error.description.contains(problem), "\(error)", sourceLocation: sourceLocation)
    }
}
