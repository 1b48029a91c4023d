import Foundation
import SegLensCore

/// Writes `.mask` files (docs/mask-format.md) that ``MaskReader`` reads back into an equal document.
///
/// Numbers are lossless: a probability block becomes a digit grid only when every value is exactly `d/9`;
/// otherwise every number is written with Swift's shortest round-tripping `description`.
/// The document is written as it is: it should be valid (labels `0…C−1` or ``MaskDocument/ignoreLabel``,
/// predictions of `C×H×W` finite values, probabilities in `[0, 1]`). Title, note and prediction names are
/// single-line: a line break in them is written as a space; a title or note is trimmed, and left out when empty.
public enum MaskWriter {
    public static func write(_ document: MaskDocument) -> String {
        var out = "# seglens mask v1\n"
        if let title = document.title.map(oneLine), !title.isEmpty { out += "title: \(title)\n" }
        if let note = document.note.map(oneLine), !note.isEmpty { out += "note: \(note)\n" }
        if document.classNames != MaskDocument.binaryClassNames {
            out += "classes: \(document.classNames.joined(separator: " "))\n"
        }
        let ignoredPresent = document.truth.labels.contains(MaskDocument.ignoreLabel)
        let ignore = document.ignoreGlyph ?? (ignoredPresent ? "?" : nil)
        if let ignore { out += "ignore: \(ignore)\n" }
        if let parameters = document.parameters, !parameters.isEmpty { out += "params: \(line(parameters))\n" }
        for preset in document.presets {
            let name = preset.name.map { " " + quoted($0) } ?? ""
            out += "params \(preset.number)\(name): \(line(preset.parameters))\n"
        }

        let truth = document.truth
        let binary = document.classNames.count == 2
        out += "\ntruth:\n"
        for row in 0..<truth.height {
            out += "  "
            for column in 0..<truth.width {
                let label = truth[row, column]
                if label == MaskDocument.ignoreLabel, let ignore {
                    out.append(ignore)
                } else if binary, label == 0 || label == 1 {
                    out += label == 0 ? "." : "#"
                } else {
                    out += String(label)
                }
            }
            out += "\n"
        }

        let plane = truth.pixelCount
        for prediction in document.predictions {
            var head = "prediction"
            if prediction.name != MaskPrediction.defaultName { head += " \(quoted(prediction.name))" }
            if prediction.classes == 1 {
                out += "\n\(head): \(prediction.kind.rawValue)\n"
                out += block(prediction.values[...], kind: prediction.kind, height: truth.height, width: truth.width)
            } else {
                for channel in 0..<prediction.classes {
                    let name = channel < document.classNames.count ? document.classNames[channel] : String(channel)
                    out += "\n\(head)[\(name)]: \(prediction.kind.rawValue)\n"
                    let values = prediction.values[(channel * plane)..<((channel + 1) * plane)]
                    out += block(values, kind: prediction.kind, height: truth.height, width: truth.width)
                }
            }
        }
        return out
    }

    /// Writes the document to `path` (UTF-8) through ``AtomicFile``; `overwrite` says whether a file there may be
    /// replaced.
    public static func write(_ document: MaskDocument, to path: String, overwrite: AtomicFile.Overwrite) throws(FormatError) {
        try AtomicFile.write(Array(write(document).utf8), to: path, overwrite: overwrite)
    }

    /// The `params:` value: `loss=focal alpha=0.25 gamma=2.0 beta=0.3 smooth=1e-05 w0=10.0 sigma=5.0`, in that order.
    static func line(_ parameters: MaskParameters) -> String {
        var parts: [String] = []
        if let loss = parameters.loss { parts.append("loss=\(loss)") }
        switch parameters.alpha {
        case .disabled?: parts.append("alpha=none")
        case let .value(value)?: parts.append("alpha=\(value.description)")
        case nil: break
        }
        if let gamma = parameters.gamma { parts.append("gamma=\(gamma.description)") }
        if let beta = parameters.beta { parts.append("beta=\(beta.description)") }
        if let smooth = parameters.smooth { parts.append("smooth=\(smooth.description)") }
        if let w0 = parameters.w0 { parts.append("w0=\(w0.description)") }
        if let sigma = parameters.sigma { parts.append("sigma=\(sigma.description)") }
        return parts.joined(separator: " ")
    }

    /// The digit `d` when `value` is exactly `d/9` (as the reader computes it).
    static func ninth(_ value: Double) -> Character? {
        guard value >= 0, value <= 1 else { return nil }
        let digit = Int((value * 9).rounded())
        guard Double(digit) / 9 == value else { return nil }
        return Character(String(digit))
    }

    private static func block(_ values: ArraySlice<Double>, kind: PredictionKind, height: Int, width: Int) -> String {
        var out = ""
        let start = values.startIndex
        if kind == .probabilities, values.allSatisfy({ ninth($0) != nil }) {
            for row in 0..<height {
                out += "  "
                for column in 0..<width { out.append(ninth(values[start + row * width + column])!) }
                out += "\n"
            }
            return out
        }
        let texts = values.map(\.description)
        let cell = texts.map(\.count).max() ?? 0
        for row in 0..<height {
            out += " "
            for column in 0..<width {
                let text = texts[row * width + column]
                out += String(repeating: " ", count: cell - text.count + 1) + text
            }
            out += "\n"
        }
        return out
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 }).trimmingMaskBlanks()
    }

    private static func quoted(_ name: String) -> String {
        var out = "\""
        for char in name.map({ $0.isNewline ? " " : $0 }) {
            if char == "\"" || char == "\\" { out.append("\\") }
            out.append(char)
        }
        return out + "\""
    }
}
