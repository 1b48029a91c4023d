// libFuzzer target: the PGM (P2 and P5) reader on arbitrary bytes. Built by scripts/fuzz.
import SegLensFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPGM(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    _ = try? PGMReader.read(bytes: bytes, limits: ReadLimits(maxPixels: 1 << 20))
    return 0
}
