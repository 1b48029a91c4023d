/// An n-dimensional array read from or written to a `.npy` file, in C (row-major) order.
///
/// Integer and boolean dtypes are held as `Int64`, floating-point dtypes as `Double`.
public struct NumpyArray: Equatable, Sendable {
    /// The element values, in C order.
    public enum Storage: Equatable, Sendable {
        case integers([Int64])
        case doubles([Double])

        public var count: Int {
            switch self {
            case let .integers(values): values.count
            case let .doubles(values): values.count
            }
        }
    }

    /// The length of each axis; `[]` for a scalar (one element).
    public let shape: [Int]
    public let storage: Storage

    /// An array of `shape`; `storage` must hold the product of `shape` elements (0 when an axis is 0, whatever the
    /// others: a header may declare `(2, 666666666666666661, 3, 0)`, whose other axes' product overflows).
    public init(shape: [Int], storage: Storage) {
        precondition(shape.allSatisfy { $0 >= 0 }, "axis lengths must not be negative")
        precondition(storage.count == (shape.contains(0) ? 0 : shape.reduce(1, *)), "element count must be the product of the shape")
        self.shape = shape
        self.storage = storage
    }

    public var elementCount: Int { storage.count }

    /// Every element as a `Double` (integers above 2^53 are rounded).
    public var doubles: [Double] {
        switch storage {
        case let .integers(values): values.map(Double.init)
        case let .doubles(values): values
        }
    }

    /// The shape as Python writes it: `(3, 4)`, `(5,)`, `()`.
    public var shapeText: String { Self.shapeText(shape) }

    /// `shape` as Python writes a tuple of integers.
    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(\(shape.map(String.init).joined(separator: ", ")))"
    }
}
