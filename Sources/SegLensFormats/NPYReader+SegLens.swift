import SegLensCore

/// `.npy` bytes read straight into the inputs of seglens: each element goes from its stored dtype to the element
/// type of the input in one pass, with no ``NumpyArray`` in between. Shapes and messages are those of
/// ``NumpyArray/labelMap(path:)`` and ``NumpyArray/prediction(path:)``.
extension NPYReader {
    /// The label map of the `.npy` file held in `bytes`; `path` names it in errors.
    public static func labelMap(bytes: [UInt8], path: String, limits: ReadLimits = ReadLimits()) throws(FormatError) -> LabelMap {
        let header = try checkedHeader(bytes, path: path, limits: limits)
        guard !header.fortranOrder else { return try read(bytes: bytes, path: path, limits: limits).labelMap(path: path) }
        let (height, width) = try NumpyArray.labelMapSize(header.shape, path: path)
        var rejected: (any CustomStringConvertible)?
        let labels = elements(
            of: bytes, header: header,
            integer: { value in
                if let label = Int32(exactly: value) { return label }
                rejected = value
                return nil
            },
            float: { value in
                if let label = Int32(exactly: value) { return label }
                rejected = value
                return nil
            })
        if let rejected { throw NumpyArray.labelError(rejected, index: labels.count, width: width, path: path) }
        return LabelMap(height: height, width: width, labels: labels)
    }

    /// The prediction `(C, H, W)` of the `.npy` file held in `bytes` as doubles, with the array's shape as given;
    /// `path` names it in errors.
    public static func prediction(
        bytes: [UInt8], path: String, limits: ReadLimits = ReadLimits()
    ) throws(FormatError) -> (shape: [Int], classes: Int, height: Int, width: Int, values: [Double]) {
        let header = try checkedHeader(bytes, path: path, limits: limits)
        guard !header.fortranOrder else {
            let array = try read(bytes: bytes, path: path, limits: limits)
            let shaped = try array.prediction(path: path)
            return (array.shape, shaped.classes, shaped.height, shaped.width, shaped.values)
        }
        let (classes, height, width) = try NumpyArray.predictionSize(header.shape, path: path)
        let values = elements(of: bytes, header: header, integer: { Double($0) }, float: { $0 })
        return (header.shape, classes, height, width, values)
    }
}
