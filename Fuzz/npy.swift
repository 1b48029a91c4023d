// libFuzzer target: the NPY reader (header literal, dtype, shape, data) on arbitrary bytes, with a pixel limit
// small enough that a lying header cannot ask for much memory. Built by scripts/fuzz.
import SegLensFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPY(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    _ = try? NPYReader.read(bytes: bytes, limits: ReadLimits(maxPixels: 1 << 20))
    return 0
}
