import Foundation
import SegLensCore

/// The two renderings of an evaluation: a table for people and one JSON object for scripts.
enum EvalReport {
    static func table(
        input: LossInput, prediction: String, results: [LossResult], metrics: SegmentationMetrics,
        conventions: [ConventionResult] = []
    ) -> String {
        var lines = [
            "\(input.mode.rawValue) \(input.height)×\(input.width), \(input.classes) classes, \(input.ignoredCount) ignored, prediction \"\(prediction)\"",
            "",
        ]
        let parameterTexts = results.map { $0.parameters.text(for: $0.loss) }
        let nameWidth = max(4, results.map(\.loss.name.count).max() ?? 0)
        let parameterWidth = max(10, parameterTexts.map(\.count).max() ?? 0)
        func row(_ name: String, _ parameters: String, _ value: String) -> String {
            [name.padding(toLength: nameWidth, withPad: " ", startingAt: 0),
             parameters.padding(toLength: parameterWidth, withPad: " ", startingAt: 0), value].joined(separator: "  ")
        }
        lines.append(row("loss", "parameters", "value"))
        for (result, parameters) in zip(results, parameterTexts) {
            lines.append(row(result.loss.name, parameters, "\(result.value)"))
        }
        lines += conventionTable(conventions, results: results)
        lines.append("")
        func scores(_ c: ConfusionCounts) -> String {
            "IoU \(fixed(c.iou))  Dice \(fixed(c.dice))  precision \(fixed(c.precision))  recall \(fixed(c.recall))"
        }
        if input.mode == .binary {
            let c = metrics.foreground
            lines.append("metrics at p ≥ 0.5: TP \(c.truePositive)  FP \(c.falsePositive)  FN \(c.falseNegative)  TN \(c.trueNegative)")
            lines.append("  \(scores(c))  accuracy \(fixed(c.accuracy))")
        } else {
            lines.append("metrics at argmax: mean IoU \(fixed(metrics.meanIoU))  pixel accuracy \(fixed(metrics.pixelAccuracy))")
            for (index, c) in metrics.perClass.enumerated() {
                lines.append("  class \(index): TP \(c.truePositive)  FP \(c.falsePositive)  FN \(c.falseNegative)  \(scores(c))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func json(
        input: LossInput, prediction: String, results: [LossResult], metrics: SegmentationMetrics,
        conventions: [ConventionResult] = []
    ) -> JSONValue {
        .object([
            ("input", .object([
                ("mode", .string(input.mode.rawValue)), ("height", .integer(input.height)),
                ("width", .integer(input.width)), ("classes", .integer(input.classes)),
                ("ignored", .integer(input.ignoredCount)), ("prediction", .string(prediction)),
            ])),
            ("losses", .array(results.map { result in
                .object([
                    ("name", .string(result.loss.name)),
                    ("params", .object(result.loss.parameters.map { parameter in
                        (parameter.rawValue, result.parameters[parameter].map(JSONValue.number) ?? .null)
                    })),
                    ("value", .number(result.value)),
                ])
            })),
            ("metrics", metricsJSON(metrics)),
        ] + (conventions.isEmpty ? [] : [("conventions", conventionsJSON(conventions))]))
    }

    private static func countsJSON(_ c: ConfusionCounts) -> [(String, JSONValue)] {
        [
            ("tp", .integer(c.truePositive)), ("fp", .integer(c.falsePositive)), ("fn", .integer(c.falseNegative)),
            ("tn", .integer(c.trueNegative)), ("iou", .number(c.iou)), ("dice", .number(c.dice)),
            ("precision", .number(c.precision)), ("recall", .number(c.recall)), ("accuracy", .number(c.accuracy)),
        ]
    }

    private static func metricsJSON(_ metrics: SegmentationMetrics) -> JSONValue {
        if metrics.mode == .binary { return .object(countsJSON(metrics.foreground)) }
        return .object([
            ("mean_iou", .number(metrics.meanIoU)), ("pixel_accuracy", .number(metrics.pixelAccuracy)),
            ("per_class", .array(metrics.perClass.enumerated().map { index, c in
                .object([("class", .integer(index))] + countsJSON(c))
            })),
        ])
    }

    private static func fixed(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
