/// The pixels of an input that are not ignored (row-major indices, increasing): every pixel, which stores nothing,
/// or the listed ones as 32-bit indices — 4 bytes a kept pixel, and none at all for an input without ignored
/// pixels (a list of every pixel of a 4096×4096 input as `[Int]` took 128 MB).
public struct KeptPixels: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    /// The listed pixels, or `nil` for `0..<total`.
    private let listed: [Int32]?
    private let total: Int

    /// Every pixel of a plane of `count`.
    public init(all count: Int) {
        listed = nil
        total = count
    }

    /// These pixels (increasing, each below 2³¹).
    public init(_ pixels: [Int]) {
        self.init(listing: pixels.map { Int32($0) })
    }

    init(listing pixels: [Int32]) {
        listed = pixels
        total = pixels.count
    }

    public init(arrayLiteral pixels: Int...) {
        self.init(pixels)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { listed?.count ?? total }

    @inline(__always)
    public subscript(position: Int) -> Int {
        guard let listed else { return position }
        return Int(listed[position])
    }

    public static func == (lhs: KeptPixels, rhs: KeptPixels) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
