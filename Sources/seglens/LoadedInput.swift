import SegLensCore
import SegLensFormats

/// The one prediction `eval` evaluates, and what the commands need to know of where it came from.
struct LoadedInput {
    var input: LossInput
    /// The prediction's array shape as given, so outputs such as `--gradient-out` can keep it.
    var predictionShape: [Int]
    /// The name of the prediction: its `.mask` name or its file's name.
    var predictionName: String
    /// The `params:` line of a `.mask` file: defaults that the command line's options override.
    var fileParameters: MaskParameters?
}
