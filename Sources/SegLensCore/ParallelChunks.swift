import Dispatch

/// Splits `0..<count` into fixed chunks and runs them on every core.
///
/// Chunk boundaries depend on `count` only, and per-chunk results come back in order, so a sum of partial sums is
/// the same on every machine whatever its number of cores.
enum ParallelChunks {
    /// Elements per chunk; inputs up to this size run on the calling thread.
    static let chunkSize = 1 << 15

    static func map<T>(count: Int, chunkSize: Int = chunkSize, _ body: (Range<Int>) -> T) -> [T] {
        let chunks = max(1, (count + chunkSize - 1) / chunkSize)
        if chunks == 1 { return [body(0..<count)] }
        return [T](unsafeUninitializedCapacity: chunks) { buffer, initialized in
            nonisolated(unsafe) let results = buffer
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let range = chunk * chunkSize ..< min(count, (chunk + 1) * chunkSize)
                    (results.baseAddress! + chunk).initialize(to: body(range))
                }
            }
            initialized = chunks
        }
    }

    /// Runs `body` over the chunks for its side effects.
    static func forEach(count: Int, chunkSize: Int = chunkSize, _ body: (Range<Int>) -> Void) {
        _ = map(count: count, chunkSize: chunkSize, body)
    }
}
