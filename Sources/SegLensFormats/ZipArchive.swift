import CZlib

/// The members of a ZIP archive held in memory, as numpy's `savez` (stored) and `savez_compressed` (deflate) write
/// them, ZIP64 sizes included.
///
/// The central directory at the end of the file lists the members; each member's data follows its local header. A
/// member is read only when asked for, is checked against its declared size and CRC-32, and its declared size must
/// be within the caller's limit before anything is allocated (a lying header cannot ask for gigabytes). Errors name
/// the byte offset of the structure that is wrong.
public struct ZipArchive: Sendable {
    /// One member as the central directory describes it.
    public struct Entry: Equatable, Sendable {
        public let name: String
        /// 0 stored, 8 deflate.
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        /// The uncompressed size.
        public let size: Int
        let localHeaderOffset: Int
        /// Where the entry's central-directory record starts, for messages.
        let recordOffset: Int
    }

    /// The first bytes of a ZIP file: a local header, or the end record of an empty archive.
    public static func hasMagic(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    public let entries: [Entry]
    private let bytes: [UInt8]
    private let path: String

    /// Reads the central directory of the archive `bytes`; `path` names it in errors.
    public init(bytes: [UInt8], path: String) throws(FormatError) {
        self.bytes = bytes
        self.path = path
        let reader = Reader(bytes: bytes, path: path)
        // The end-of-central-directory record: 22 bytes plus a comment of up to 65535 bytes, at the very end.
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        guard bytes.count >= 22,
              let end = stride(from: bytes.count - 22, through: lowest, by: -1).first(where: { reader.u32($0) == 0x0605_4B50 })
        else {
            throw FormatError(path: path, position: .byteOffset(bytes.count), message: "not a ZIP archive: no end-of-central-directory record (truncated?)")
        }
        var count = Int(reader.u16(end + 10)), directorySize = Int(reader.u32(end + 12))
        var directoryOffset = Int(reader.u32(end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points at the ZIP64 end record.
            guard end >= 20, reader.u32(end - 20) == 0x0706_4B50 else {
                throw FormatError(path: path, position: .byteOffset(end), message: "ZIP64 sizes without a ZIP64 locator")
            }
            let record = try reader.offset(reader.u64(end - 12), at: end - 12)
            guard record + 56 <= bytes.count, reader.u32(record) == 0x0606_4B50 else {
                throw FormatError(path: path, position: .byteOffset(end - 12), message: "the ZIP64 end record is missing")
            }
            count = try reader.offset(reader.u64(record + 32), at: record + 32)
            directorySize = try reader.offset(reader.u64(record + 40), at: record + 40)
            directoryOffset = try reader.offset(reader.u64(record + 48), at: record + 48)
        }
        guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset, count <= directorySize / 46 + 1
        else {
            throw FormatError(
                path: path, position: .byteOffset(end + 12),
                message: "the central directory (\(directorySize) bytes at byte \(directoryOffset), \(count) entries) lies outside the file")
        }
        var entries: [Entry] = []
        var offset = directoryOffset
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, reader.u32(offset) == 0x0201_4B50 else {
                throw FormatError(path: path, position: .byteOffset(offset), message: "malformed central directory: no entry signature")
            }
            let flags = reader.u16(offset + 8), method = reader.u16(offset + 10)
            var compressed = Int(reader.u32(offset + 20)), size = Int(reader.u32(offset + 24))
            let nameLength = Int(reader.u16(offset + 28)), extraLength = Int(reader.u16(offset + 30))
            let commentLength = Int(reader.u16(offset + 32))
            var local = Int(reader.u32(offset + 42))
            let nameStart = offset + 46, extraStart = nameStart + nameLength, next = extraStart + extraLength + commentLength
            guard next <= bytes.count else {
                throw FormatError(path: path, position: .byteOffset(offset), message: "malformed central directory: entry runs past the end")
            }
            let name = String(decoding: bytes[nameStart..<extraStart], as: UTF8.self)
            // The ZIP64 extra field holds, in this order, the sizes and the offset whose 32-bit fields are all ones.
            var extra = extraStart
            while extra + 4 <= extraStart + extraLength {
                let id = reader.u16(extra), length = Int(reader.u16(extra + 2))
                if id == 0x0001 {
                    var field = extra + 4
                    func take() throws(FormatError) -> Int {
                        guard field + 8 <= extra + 4 + length, field + 8 <= bytes.count else {
                            throw FormatError(path: path, position: .byteOffset(extra), message: "\(name): ZIP64 extra field too short")
                        }
                        defer { field += 8 }
                        return try reader.offset(reader.u64(field), at: field)
                    }
                    if size == 0xFFFF_FFFF { size = try take() }
                    if compressed == 0xFFFF_FFFF { compressed = try take() }
                    if local == 0xFFFF_FFFF { local = try take() }
                }
                extra += 4 + length
            }
            guard flags & 1 == 0 else {
                throw FormatError(path: path, position: .byteOffset(offset), message: "\(name): encrypted members are not supported")
            }
            entries.append(Entry(
                name: name, method: method, crc: reader.u32(offset + 16), compressedSize: compressed, size: size,
                localHeaderOffset: local, recordOffset: offset))
            offset = next
        }
        self.entries = entries
    }

    /// The uncompressed bytes of `entry`; fails when its declared size exceeds `maxSize`, or when the data does not
    /// inflate to exactly its declared size and CRC-32.
    public func contents(of entry: Entry, maxSize: Int) throws(FormatError) -> [UInt8] {
        func fail(_ offset: Int, _ message: String) -> FormatError {
            FormatError(path: path, position: .byteOffset(offset), message: "\(entry.name): \(message)")
        }
        guard entry.size <= maxSize else {
            throw fail(entry.recordOffset, "declares \(entry.size) bytes, more than the \(maxSize) the pixel limit allows")
        }
        let reader = Reader(bytes: bytes, path: path)
        let local = entry.localHeaderOffset
        guard local <= bytes.count - 30, reader.u32(local) == 0x0403_4B50 else {
            throw fail(local, "no local header where the central directory says")
        }
        let dataStart = local + 30 + Int(reader.u16(local + 26)) + Int(reader.u16(local + 28))
        guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
            throw fail(local, "truncated: \(entry.compressedSize) bytes of data promised, \(max(0, bytes.count - dataStart)) present")
        }
        let data = bytes[dataStart..<(dataStart + entry.compressedSize)]
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else {
                throw fail(entry.recordOffset, "a stored member of \(entry.compressedSize) bytes declares \(entry.size)")
            }
            output = Array(data)
        case 8:
            output = try inflate(data, size: entry.size, fail: { fail(dataStart, $0) })
        default:
            throw fail(entry.recordOffset, "compression method \(entry.method) is not supported (stored or deflate only)")
        }
        let crc = output.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
        guard crc == entry.crc else {
            throw fail(dataStart, "CRC-32 mismatch (the member is corrupt)")
        }
        return output
    }

    /// Raw-deflate `data` into exactly `size` bytes.
    private func inflate(
        _ data: ArraySlice<UInt8>, size: Int, fail: (String) -> FormatError
    ) throws(FormatError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw fail("zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        var input = Array(data)
        var status: Int32 = Z_OK
        var produced = 0
        input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                status = CZlib.inflate(&stream, Z_FINISH)
                produced = target.count - Int(stream.avail_out)
            }
        }
        if status == Z_BUF_ERROR && produced == size {
            throw fail("inflates to more than the \(size) bytes it declares")
        }
        guard status == Z_STREAM_END else {
            let reason = stream.msg.map { String(cString: $0) } ?? "truncated or corrupt deflate data"
            throw fail("cannot inflate (\(reason))")
        }
        guard produced == size else { throw fail("inflates to \(produced) bytes, not the \(size) it declares") }
        return output
    }

    /// Little-endian fields at byte offsets; callers check bounds.
    private struct Reader {
        let bytes: [UInt8]
        let path: String

        func u16(_ at: Int) -> UInt16 { at + 2 <= bytes.count ? UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 : 0 }
        func u32(_ at: Int) -> UInt32 { at + 4 <= bytes.count ? UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 : 0 }
        func u64(_ at: Int) -> UInt64 { at + 8 <= bytes.count ? UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 : 0 }

        /// A 64-bit size or offset as an `Int` no larger than the file.
        func offset(_ value: UInt64, at: Int) throws(FormatError) -> Int {
            guard value <= UInt64(bytes.count) else {
                throw FormatError(path: path, position: .byteOffset(at), message: "ZIP64 value \(value) is larger than the file")
            }
            return Int(value)
        }
    }
}
