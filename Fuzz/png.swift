// libFuzzer target: the PNG reader (chunk walk, header checks, then libpng's simplified API) on arbitrary bytes.
// Every chunk's CRC-32 is first recomputed, so that mutated files get past the CRC check and into libpng (a
// random mutation almost never keeps a CRC right); an odd last byte of the input decides whether to
// keep the CRCs as they are, so the CRC check itself is fuzzed too. Built by scripts/fuzz.
import CZlib
import SegLensFormats

/// `bytes` with the CRC of every whole chunk after the 8-byte signature recomputed.
func fixingCRCs(_ bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    var offset = 8
    while offset + 12 <= bytes.count {
        let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        guard length <= bytes.count - offset - 12 else { break }
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress! + offset + 4, uInt(length + 4))) }
        for index in 0..<4 { bytes[offset + 8 + length + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * index)) }
        offset += 12 + length
    }
    return bytes
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let input = (bytes.last ?? 0) & 1 == 1 ? bytes : fixingCRCs(bytes)
    _ = try? PNGReader.read(bytes: input, limits: ReadLimits(maxPixels: 1 << 20))
    return 0
}
