/// Bounds every reader checks against the sizes a file declares, before allocating anything for its data.
public struct ReadLimits: Equatable, Sendable {
    /// The largest number of pixels (for arrays: elements, over all channels) a file may declare.
    public var maxPixels: Int

    public init(maxPixels: Int = 1 << 26) {
        self.maxPixels = maxPixels
    }

    /// Throws unless `count` pixels (or array elements, as `noun` says) fit within ``maxPixels``.
    func check(_ count: Int, of noun: String = "pixels", path: String, position: FormatError.Position? = nil) throws(FormatError) {
        guard count <= maxPixels else {
            throw FormatError(
                path: path, position: position,
                message: "the file declares \(count) \(noun), more than the limit of \(maxPixels)")
        }
    }
}
