import SegLensCore

/// Conversions of arrays read from `.npy` files into the inputs of seglens.
extension NumpyArray {
    /// The array as a label map. Accepted shapes: `(H, W)`, `(1, H, W)` and `(1, 1, H, W)`.
    ///
    /// Integer and boolean arrays are taken as they are; float arrays are accepted when every value is a whole
    /// number (labels saved as floats). Every label must fit in `Int32`. `path` names the file in errors.
    public func labelMap(path: String) throws(FormatError) -> LabelMap {
        let (height, width) = try Self.labelMapSize(shape, path: path)
        func convert<Value: CustomStringConvertible>(_ values: [Value], _ exactLabel: (Value) -> Int32?) throws(FormatError) -> [Int32] {
            var labels: [Int32] = []
            labels.reserveCapacity(values.count)
            for (index, value) in values.enumerated() {
                guard let label = exactLabel(value) else {
                    throw Self.labelError(value, index: index, width: width, path: path)
                }
                labels.append(label)
            }
            return labels
        }
        let labels = switch storage {
        case let .integers(values): try convert(values) { Int32(exactly: $0) }
        case let .doubles(values): try convert(values) { Int32(exactly: $0) }
        }
        return LabelMap(height: height, width: width, labels: labels)
    }

    /// The array as a prediction `(C, H, W)`. Accepted shapes: `(H, W)` (then `C = 1`), `(C, H, W)` and `(1, C, H, W)`.
    /// `path` names the file in errors.
    public func prediction(path: String) throws(FormatError) -> (classes: Int, height: Int, width: Int, values: [Double]) {
        let (classes, height, width) = try Self.predictionSize(shape, path: path)
        return (classes, height, width, doubles)
    }

    /// Height and width of a label map of `shape` (see ``labelMap(path:)``).
    static func labelMapSize(_ shape: [Int], path: String) throws(FormatError) -> (height: Int, width: Int) {
        switch shape {
        case let dims where dims.count == 2: return (dims[0], dims[1])
        case let dims where dims.count == 3 && dims[0] == 1: return (dims[1], dims[2])
        case let dims where dims.count == 4 && dims[0] == 1 && dims[1] == 1: return (dims[2], dims[3])
        default:
            throw FormatError(
                path: path, message: "a label map must have shape (H, W), (1, H, W) or (1, 1, H, W), not \(shapeText(shape))")
        }
    }

    /// The message for an element at row-major `index` that is not a 32-bit label.
    static func labelError(_ value: some CustomStringConvertible, index: Int, width: Int, path: String) -> FormatError {
        FormatError(
            path: path,
            message: "label \(value) at row \(index / width), column \(index % width) is not an integer that fits in 32 bits")
    }

    /// Classes, height and width of a prediction of `shape` (see ``prediction(path:)``).
    static func predictionSize(_ shape: [Int], path: String) throws(FormatError) -> (classes: Int, height: Int, width: Int) {
        switch shape {
        case let dims where dims.count == 2: return (1, dims[0], dims[1])
        case let dims where dims.count == 3 && dims[0] >= 1: return (dims[0], dims[1], dims[2])
        case let dims where dims.count == 4 && dims[0] == 1 && dims[1] >= 1: return (dims[1], dims[2], dims[3])
        default:
            throw FormatError(
                path: path,
                message: "a prediction must have shape (H, W), (C, H, W) or (1, C, H, W) with C ≥ 1, not \(shapeText(shape))")
        }
    }
}
