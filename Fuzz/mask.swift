// libFuzzer target: the .mask reader (UTF-8 check, lexer, interpreter) on arbitrary bytes. Built by scripts/fuzz.
import SegLensFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMask(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    _ = try? MaskReader.read(bytes: bytes)
    return 0
}
