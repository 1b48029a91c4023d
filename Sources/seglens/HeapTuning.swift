import CMalloc

/// Keeps freed memory in the process for the next allocation of the same size, or hands it all back.
///
/// The explorer replaces a loss's gradient (C×H×W doubles, 44 MB at 512×512×21) on every key press. glibc serves
/// blocks that large with a fresh `mmap`, whose pages the kernel must fault in and zero every time — measured
/// here as most of a key press. Serving them from the heap and never trimming it lets each new gradient reuse
/// the pages of the last one: the **warm** path of `seglens bench`. Its **cold** path does the opposite.
enum HeapTuning {
    static func keepLargeBlocksInTheHeap() {
        _ = mallopt(M_MMAP_MAX, 0)
        _ = mallopt(M_TRIM_THRESHOLD, Int32.max)
    }

    /// Serves every block of 128 KiB or more with a fresh `mmap` (a fixed threshold, so glibc does not raise it
    /// after the first free) and returns freed memory to the kernel at once, as a fresh process would see it.
    static func useFreshMemoryForLargeBlocks() {
        _ = mallopt(M_MMAP_MAX, 65_536)
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        _ = mallopt(M_TRIM_THRESHOLD, 128 * 1024)
    }

    /// Returns the free memory of the heap to the kernel, so that the next allocations fault in fresh pages.
    static func releaseFreeMemory() {
        _ = malloc_trim(0)
    }
}
