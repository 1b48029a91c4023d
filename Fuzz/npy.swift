// libFuzzer target: the NPY reader (header literal, dtype, shape, data) on arbitrary bytes, with a pixel limit
// small enough that a lying header cannot ask for much memory. Built by scripts/fuzz.
import SegLensFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPY(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let limits = ReadLimits(maxPixels: 1 << 20)
    _ = try? NPYReader.read(bytes: bytes, limits: limits)
    _ = try? NPYReader.labelMap(bytes: bytes, path: "<fuzz>", limits: limits)
    _ = try? NPYReader.prediction(bytes: bytes, path: "<fuzz>", limits: limits)
    return 0
}
