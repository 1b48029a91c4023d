import ArgumentParser
import SegLensCore
import SegLensFormats

/// `--alpha` takes a number or `none` (no α weighting).
struct AlphaArgument: ExpressibleByArgument {
    var value: Double?

    init?(argument: String) {
        if argument == "none" {
            value = nil
        } else if let number = Double(argument), number.isFinite {
            value = number
        } else {
            return nil
        }
    }
}
