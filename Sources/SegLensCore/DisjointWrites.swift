import Dispatch

/// A mutable buffer that parallel chunks write to at disjoint indices.
struct DisjointWrites<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    /// The number of elements, for a part of a buffer (``init(_:offset:count:)``); the whole buffer's otherwise.
    let count: Int

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress!
        count = buffer.count
    }

    /// The `count` elements of `buffer` from `offset`, indexed from 0.
    init(_ buffer: UnsafeMutableBufferPointer<Element>, offset: Int, count: Int) {
        precondition(offset >= 0 && offset + count <= buffer.count, "a part of the buffer")
        base = buffer.baseAddress! + offset
        self.count = count
    }
}
