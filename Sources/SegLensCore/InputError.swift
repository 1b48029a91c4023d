/// Why a truth / prediction pair cannot be evaluated. Positions are zero-based `(row, column)`.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyImage
    case everyPixelIgnored(ignoreIndex: Int32)
    case shapeMismatch(truth: (height: Int, width: Int), prediction: (height: Int, width: Int))
    case labelOutOfRange(label: Int32, row: Int, column: Int, classes: Int)
    case probabilityOutOfRange(value: Double, channel: Int, row: Int, column: Int)
    case nonFiniteValue(value: Double, channel: Int, row: Int, column: Int)

    public var description: String {
        switch self {
        case .emptyImage:
            return "the image is empty (0 pixels)"
        case let .everyPixelIgnored(ignoreIndex):
            return "every pixel is ignored (label \(ignoreIndex)): no loss or metric is defined"
        case let .shapeMismatch(truth, prediction):
            return "shape mismatch: truth is \(truth.height)×\(truth.width) but the prediction is \(prediction.height)×\(prediction.width)"
        case let .labelOutOfRange(label, row, column, classes):
            let allowed = classes == 2 ? "0 or 1" : "0…\(classes - 1)"
            return "label \(label) at row \(row), column \(column) is not a class (\(allowed)) nor the ignore index"
        case let .probabilityOutOfRange(value, channel, row, column):
            return "probability \(value) at channel \(channel), row \(row), column \(column) is outside [0, 1]"
        case let .nonFiniteValue(value, channel, row, column):
            return "non-finite value \(value) at channel \(channel), row \(row), column \(column)"
        }
    }

    public static func == (lhs: InputError, rhs: InputError) -> Bool { lhs.description == rhs.description }
}
