import SegLensCore

/// Conversions of grayscale images into the inputs of seglens.
extension GrayImage {
    /// The image as a label map.
    ///
    /// A binary mask stored as `0` / `maxValue` (only those two values present, `maxValue > 1`, e.g. 0/255) reads
    /// as labels 0/1; any other image holds class ids, taken as they are.
    public var labelMap: LabelMap {
        let isBinaryMask = maxValue > 1 && values.allSatisfy { $0 == 0 || Int($0) == maxValue }
        let labels = values.map { Int32(isBinaryMask && $0 != 0 ? 1 : $0) }
        return LabelMap(height: height, width: width, labels: labels)
    }

    /// The samples as probabilities `value / maxValue`, row-major (a binary prediction, `C = 1`).
    public var probabilities: [Double] {
        let scale = Double(maxValue)
        return values.map { Double($0) / scale }
    }
}
