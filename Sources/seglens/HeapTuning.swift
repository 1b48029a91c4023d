import CMalloc

/// Keeps freed memory in the process for the next allocation of the same size.
///
/// The explorer replaces a loss's gradient (C×H×W doubles, 44 MB at 512×512×21) on every key press. glibc serves
/// blocks that large with a fresh `mmap`, whose pages the kernel must fault in and zero every time — measured
/// here as most of a key press. Serving them from the heap and never trimming it lets each new gradient reuse
/// the pages of the last one.
enum HeapTuning {
    static func keepLargeBlocksInTheHeap() {
        _ = mallopt(M_MMAP_MAX, 0)
        _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
    }
}
