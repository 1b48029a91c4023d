// libFuzzer target: the PNG reader (header checks, then libpng's simplified API) on arbitrary bytes. Built by
// scripts/fuzz.
import SegLensFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    _ = try? PNGReader.read(bytes: bytes, limits: ReadLimits(maxPixels: 1 << 20))
    return 0
}
