// libFuzzer target: the .npz reader (ZIP central directory, ZIP64 fields, stored and deflate members via zlib,
// CRC-32, then the NPY reader) on arbitrary bytes. Built by scripts/fuzz.
import SegLensFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNPZ(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let limits = ReadLimits(maxPixels: 1 << 20)
    for name in ["mask", "logits", nil] as [String?] {
        _ = try? NPZReader.read(bytes: bytes, path: "<fuzz>", name: name, limits: limits)
    }
    return 0
}
