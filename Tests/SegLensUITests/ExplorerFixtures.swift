import SegLensCore
import SegLensUI

/// Small scenarios with hand-written truths, so snapshots stay readable.
enum ExplorerFixtures {
    /// A 6×10 binary truth with a 2×3 object and one void pixel, and a prediction that half-finds it.
    static var binary: Scenario {
        let truth = """
            ..........
            ...###....
            ...###....
            ..........
            ........?.
            ..........
            """
        let probabilities = """
            0000000000
            0017410000
            0019520000
            0003100000
            0000000090
            0000000000
            """
        let labels = truth.split(separator: "\n").flatMap { $0.map { $0 == "#" ? Int32(1) : $0 == "?" ? 255 : 0 } }
        let values = probabilities.split(separator: "\n").flatMap { $0.map { Double($0.wholeNumberValue!) / 9 } }
        let input = try! LossInput(
            truth: LabelMap(height: 6, width: 10, labels: labels), prediction: values, kind: .probabilities,
            classes: 1, ignoreIndex: 255)
        return Scenario(
            title: "Small object", note: "Raise γ and watch the weight move onto the object.",
            classNames: ["background", "object"], predictions: [Scenario.Prediction(name: "blurry", input: input)])
    }

    /// A 5×8 three-class truth and logits that get one class partly wrong.
    static var multiclass: Scenario {
        let truth = """
            00011122
            00011122
            00111222
            00111222
            01112222
            """
        let labels = truth.split(separator: "\n").flatMap { $0.map { Int32($0.wholeNumberValue!) } }
        var logits = [Double](repeating: 0, count: 3 * 40)
        for (pixel, label) in labels.enumerated() {
            logits[Int(label) * 40 + pixel] = 2
            if pixel % 5 == 0 { logits[((Int(label) + 1) % 3) * 40 + pixel] = 3 }
        }
        let input = try! LossInput(
            truth: LabelMap(height: 5, width: 8, labels: labels), logits: Logits(classes: 3, height: 5, width: 8, values: logits))
        return Scenario(
            title: "Three classes", classNames: ["sky", "road", "car"],
            predictions: [Scenario.Prediction(name: "model", input: input)])
    }
}

extension ExplorerFixtures {
    /// The binary scenario with a second prediction: the first one shifted one pixel right.
    static var twoPredictions: Scenario {
        let first = binary.predictions[0].input
        var shifted = [Double](repeating: -4, count: first.pixelCount)
        for row in 0..<first.height {
            for column in 1..<first.width {
                shifted[row * first.width + column] = first.logits.values[row * first.width + column - 1]
            }
        }
        let second = try! LossInput(
            truth: first.truth, logits: Logits(classes: 1, height: first.height, width: first.width, values: shifted),
            ignoreIndex: first.ignoreIndex)
        var scenario = binary
        scenario.predictions.append(Scenario.Prediction(name: "shifted", input: second))
        return scenario
    }
}
