/// The 8-connected components of a set of pixels: two pixels of the set belong to one component when a chain of
/// set pixels joins them in which each step moves to one of the 8 neighbours (sides and corners).
public struct ConnectedComponents: Sendable, Equatable {
    /// The pixel box of one component, inclusive bounds.
    public struct Bounds: Sendable, Equatable {
        public var rows: ClosedRange<Int>
        public var columns: ClosedRange<Int>

        public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
            self.rows = rows
            self.columns = columns
        }
    }

    public let height: Int
    public let width: Int
    /// Per pixel (row-major): the component index `0..<count`, or −1 for a pixel outside the set. Components are
    /// numbered in the order of their first pixel in row-major order.
    public let labels: [Int32]
    /// One box per component, by index.
    public let bounds: [Bounds]

    public var count: Int { bounds.count }

    /// The components of the pixels where `isMember(pixel)` is true (pixel = `row * width + column`).
    public init(height: Int, width: Int, isMember: (Int) -> Bool) {
        precondition(height >= 0 && width >= 0, "non-negative shape")
        self.height = height
        self.width = width
        var labels = [Int32](repeating: -1, count: height * width)
        var bounds: [Bounds] = []
        var stack: [Int] = []
        for start in 0..<(height * width) where labels[start] < 0 && isMember(start) {
            let index = Int32(bounds.count)
            var box = Bounds(rows: (start / width)...(start / width), columns: (start % width)...(start % width))
            labels[start] = index
            stack.append(start)
            while let pixel = stack.popLast() {
                let row = pixel / width, column = pixel % width
                box.rows = min(box.rows.lowerBound, row)...max(box.rows.upperBound, row)
                box.columns = min(box.columns.lowerBound, column)...max(box.columns.upperBound, column)
                for neighbourRow in max(0, row - 1)...min(height - 1, row + 1) {
                    for neighbourColumn in max(0, column - 1)...min(width - 1, column + 1) {
                        let neighbour = neighbourRow * width + neighbourColumn
                        if labels[neighbour] < 0, isMember(neighbour) {
                            labels[neighbour] = index
                            stack.append(neighbour)
                        }
                    }
                }
            }
            bounds.append(box)
        }
        self.labels = labels
        self.bounds = bounds
    }
}
