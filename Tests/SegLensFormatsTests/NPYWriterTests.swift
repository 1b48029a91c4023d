import Foundation
import SegLensCore
import Testing
@testable import SegLensFormats

@Suite struct NPYWriterTests {
    private static func float(_ k: Int) -> Double { 0.5 * Double(k) - 1.25 }

    @Test(arguments: [([3, 4], "writer_f8_3x4"), ([], "writer_f8_scalar"), ([2, 1, 3, 2], "writer_f8_2x1x3x2")])
    func doublesMatchNumpySave(shape: [Int], fixture: String) throws {
        let count = shape.reduce(1, *)
        let values = shape.isEmpty ? [-1.25] : (0..<count).map(Self.float)
        let array = NumpyArray(shape: shape, storage: .doubles(values))
        #expect(NPYWriter.encode(array) == (try Fixtures.bytes("npy/\(fixture).npy")))
    }

    @Test func integersMatchNumpySave() throws {
        let array = NumpyArray(shape: [7], storage: .integers((0..<7).map { Int64(37 * $0 - 100) }))
        #expect(NPYWriter.encode(array) == (try Fixtures.bytes("npy/writer_i8_7.npy")))
    }

    @Test func labelsMatchNumpySave() throws {
        let labels = LabelMap(height: 2, width: 3, labels: (0..<6).map { Int32(37 * $0 - 100) })
        #expect(NPYWriter.encode(labels) == (try Fixtures.bytes("npy/writer_labels_i4_2x3.npy")))
    }

    @Test func headersAreAlignedOn64Bytes() {
        for rank in 0..<12 {
            let shape = [Int](repeating: 1, count: rank)
            let bytes = NPYWriter.encode(NumpyArray(shape: shape, storage: .doubles([0])))
            #expect((bytes.count - 8) % 64 == 0)
            #expect(bytes[bytes.count - 9] == 0x0A)
        }
    }

    @Test func roundTripThroughAFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seglens-npy-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("gradient.npy").path

        let array = NumpyArray(shape: [2, 3, 2], storage: .doubles([0, -0.0, 1e-300, .infinity, -.nan, 3.5, 1, 2, 3, 4, 5, .pi]))
        try NPYWriter.write(array, to: path, overwrite: .replace)
        let back = try NPYReader.read(path: path)
        #expect(back.shape == array.shape)
        #expect(back.doubles.map(\.bitPattern) == array.doubles.map(\.bitPattern))

        let labels = LabelMap(height: 3, width: 2, labels: [0, 1, 255, -1, .max, .min])
        try NPYWriter.write(labels, to: path, overwrite: .replace)
        #expect(try NPYReader.read(path: path).labelMap(path: path) == labels)
    }

    /// Arrays of several of the writer's blocks and a partial last one, written to a file a block at a time: the
    /// file holds the bytes of ``NPYWriter/encode(_:)-(NumpyArray)`` (which the fixtures above pin to
    /// `numpy.save`) and reads back bit for bit.
    @Test func aFileWrittenABlockAtATimeHoldsTheEncodedBytes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seglens-npy-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.npy").path
        let count = 3 * NPYWriter.blockBytes / 8 + 5
        let doubles = NumpyArray(shape: [count], storage: .doubles((0..<count).map { Double($0) * 0.37 - 1e3 }))
        try NPYWriter.write(doubles, to: path, overwrite: .replace)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == NPYWriter.encode(doubles))
        #expect(try NPYReader.read(path: path).doubles.map(\.bitPattern) == doubles.doubles.map(\.bitPattern))

        let integers = NumpyArray(shape: [5, count / 5], storage: .integers((0..<(count / 5 * 5)).map { Int64($0) - 77 }))
        try NPYWriter.write(integers, to: path, overwrite: .replace)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == NPYWriter.encode(integers))

        let labels = LabelMap(height: 7, width: count / 7, labels: (0..<(count / 7 * 7)).map { Int32($0 % 300) - 1 })
        try NPYWriter.write(labels, to: path, overwrite: .replace)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == NPYWriter.encode(labels))
    }

    @Test func unwritablePath() {
        do {
            try NPYWriter.write(NumpyArray(shape: [], storage: .doubles([1])), to: "/nonexistent/dir/x.npy", overwrite: .replace)
            Issue.record("no error")
        } catch {
            #expect(error.kind == .cannotWrite)
        }
    }
}
