import Foundation
import Testing
@testable import SegLensFormats

@Suite struct AtomicFileTests {
    /// A fresh empty directory for one test.
    private func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seglens-atomic-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        return path
    }

    private func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    /// Names in `directory` other than `kept`: a leftover temporary file would show here.
    private func strayFiles(in directory: String, besides kept: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { !kept.contains($0) }
    }

    @Test func writesANewFile() throws {
        let directory = try scratchDirectory()
        let path = directory + "/out.bin"
        try AtomicFile.write([1, 2, 3], to: path, overwrite: .refuse)
        #expect(contents(path) == [1, 2, 3])
        #expect(try strayFiles(in: directory, besides: ["out.bin"]).isEmpty)
    }

    @Test func refusesToReplaceAnExistingFileAndLeavesItAsItWas() throws {
        let directory = try scratchDirectory()
        let path = directory + "/slide.png"
        try AtomicFile.write([9, 9], to: path, overwrite: .refuse)
        #expect {
            try AtomicFile.write([1], to: path, overwrite: .refuse)
        } throws: { error in
            let error = error as? FormatError
            return error?.kind == .cannotWrite && error?.path == path && error?.message.contains("--force") == true
        }
        #expect(contents(path) == [9, 9])
        #expect(try strayFiles(in: directory, besides: ["slide.png"]).isEmpty)
    }

    @Test func replacesAnExistingFileWhenAllowed() throws {
        let directory = try scratchDirectory()
        let path = directory + "/out.bin"
        try AtomicFile.write([9, 9, 9, 9], to: path, overwrite: .refuse)
        try AtomicFile.write([5], to: path, overwrite: .replace)
        #expect(contents(path) == [5])
        #expect(try strayFiles(in: directory, besides: ["out.bin"]).isEmpty)
    }

    /// Root ignores directory permissions; the CLI tests make a write fail for root too (a file-size limit).
    @Test(.enabled(if: getuid() != 0, "root can write into a read-only directory"))
    func aFailedWriteLeavesTheOldFileIntact() throws {
        let directory = try scratchDirectory()
        let path = directory + "/out.bin"
        try AtomicFile.write([7, 7], to: path, overwrite: .refuse)
        chmod(directory, 0o555)
        defer { chmod(directory, 0o755) }
        #expect(throws: FormatError.self) { try AtomicFile.write([1], to: path, overwrite: .replace) }
        #expect(contents(path) == [7, 7])
    }

    @Test func aMissingDirectoryIsAClearError() throws {
        let path = try scratchDirectory() + "/missing/out.bin"
        #expect {
            try AtomicFile.write([1], to: path, overwrite: .replace)
        } throws: { error in
            (error as? FormatError)?.message.contains("No such file or directory") == true
        }
    }

    @Test func aDirectoryIsNeverReplaced() throws {
        let directory = try scratchDirectory()
        #expect {
            try AtomicFile.write([1], to: directory, overwrite: .replace)
        } throws: { error in
            (error as? FormatError)?.message == "is a directory"
        }
    }

    @Test func theNewFileHasTheUsualPermissions() throws {
        let path = try scratchDirectory() + "/out.bin"
        try AtomicFile.write([1], to: path, overwrite: .refuse)
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let mask = umask(0o022)
        umask(mask)
        #expect(permissions == 0o666 & ~Int(mask))
    }

    @Test func aFileWrittenInPiecesHoldsThemInOrder() throws {
        let directory = try scratchDirectory()
        let path = directory + "/out.bin"
        try AtomicFile.write(to: path, overwrite: .refuse) { output throws(FormatError) in
            try output.append([UInt8]([1, 2, 3]))
            try output.append([UInt8]([4, 5, 6, 7]), count: 2)
            try output.append([UInt16(0x0908).littleEndian])
        }
        #expect(contents(path) == [1, 2, 3, 4, 5, 8, 9])
        #expect(try strayFiles(in: directory, besides: ["out.bin"]).isEmpty)
    }

    /// A writer that fails after appending some pieces: its error comes out, the old file is left byte for byte
    /// and the temporary file is gone.
    @Test func aWriterThatFailsHalfWayLeavesTheOldFileIntact() throws {
        let directory = try scratchDirectory()
        let path = directory + "/gradient.npy"
        try AtomicFile.write([7, 7], to: path, overwrite: .refuse)
        let failure = FormatError(kind: .cannotWrite, path: path, message: "the writer gave up")
        #expect {
            try AtomicFile.write(to: path, overwrite: .replace) { output throws(FormatError) in
                try output.append([UInt8](repeating: 1, count: 1 << 17))
                throw failure
            }
        } throws: { error in
            (error as? FormatError)?.message == "the writer gave up"
        }
        #expect(contents(path) == [7, 7])
        #expect(try strayFiles(in: directory, besides: ["gradient.npy"]).isEmpty)
    }
}

