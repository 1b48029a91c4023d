/// The error class of a pixel on the thresholded prediction; multi-class uses true positive for a right class and
/// false positive for a wrong one. Ordered by how much it matters when several pixels share one dot.
enum ErrorKind: Int, Comparable {
    case ignored, trueNegative, truePositive, falsePositive, falseNegative

    static func < (lhs: ErrorKind, rhs: ErrorKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
