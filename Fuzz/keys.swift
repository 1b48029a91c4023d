// libFuzzer target: the `--keys` token parser of `seglens render` on arbitrary (UTF-8-repaired) text. Built by
// scripts/fuzz.
import SegLensUI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? Key.parseTokens(text)
    return 0
}
