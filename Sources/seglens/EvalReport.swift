import Foundation
import SegLensCore

/// The two renderings of an evaluation: a table for people and one JSON object for scripts.
enum EvalReport {
    static func table(
        input: LossInput, prediction: String, edits: PredictionEdits = PredictionEdits(), results: [LossResult],
        metrics: SegmentationMetrics, conventions: [ConventionResult] = []
    ) -> String {
        var lines = [
            "\(input.mode.rawValue) \(input.height)×\(input.width), \(input.classes) classes, \(input.ignoredCount) ignored, prediction \"\(prediction)\"",
        ]
        if !edits.isIdentity { lines.append("edits: " + edits.summary.joined(separator: " · ")) }
        lines.append("")
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
        input: LossInput, prediction: String, edits: PredictionEdits = PredictionEdits(), results: [LossResult],
        metrics: SegmentationMetrics, conventions: [ConventionResult] = []
    ) -> JSONValue {
        .object([
            ("input", .object([
                ("mode", .string(input.mode.rawValue)), ("height", .integer(input.height)),
                ("width", .integer(input.width)), ("classes", .integer(input.classes)),
                ("ignored", .integer(input.ignoredCount)), ("prediction", .string(prediction)),
            ])),
            ("edits", edits.json),
            ("losses", .array(results.map { result in
                .object([
                    ("name", .string(result.loss.name)),
                    ("params", parametersJSON(result.loss, result.parameters)),
                    ("value", .number(result.value)),
                ])
            })),
            ("metrics", metricsJSON(metrics)),
        ] + (conventions.isEmpty ? [] : [("conventions", conventionsJSON(conventions))]))
    }

    /// `--rank` for people: one line per loss, best first, `≠` where a loss disagrees with the most common order.
    static func rankingTable(_ ranking: PredictionRanking, names: [String], edits: PredictionEdits) -> String {
        var lines = ["ranking of \(names.count) predictions, best (lowest loss) first"]
        if !edits.isIdentity { lines.append("edits: " + edits.summary.joined(separator: " · ")) }
        lines.append("")
        let nameWidth = max(4, ranking.verdicts.map(\.loss.name.count).max() ?? 0)
        for verdict in ranking.verdicts {
            let order = verdict.order.map { "\(names[$0]) \(String(format: "%.6f", verdict.values[$0]))" }
            let mark = ranking.lossesDisagree ? (verdict.agreesWithMajority ? "   " : " ≠ ") : "   "
            lines.append(verdict.loss.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + mark
                         + order.joined(separator: "  <  "))
        }
        lines.append("")
        if ranking.lossesDisagree {
            lines.append("the losses disagree:")
            for (order, count) in ranking.orders {
                lines.append("  \(count) of \(ranking.verdicts.count): " + order.map { names[$0] }.joined(separator: " < "))
            }
        } else {
            lines.append("every loss agrees: " + ranking.orders[0].order.map { names[$0] }.joined(separator: " < "))
        }
        return lines.joined(separator: "\n")
    }

    /// `--rank --json`: `{"edits", "ranking": [{"loss", "params", "order": [{"prediction", "value"}], "agrees"}],
    /// "disagree"}`.
    static func rankingJSON(_ ranking: PredictionRanking, names: [String], edits: PredictionEdits) -> JSONValue {
        .object([
            ("edits", edits.json),
            ("ranking", .array(ranking.verdicts.map { verdict in
                .object([
                    ("loss", .string(verdict.loss.name)),
                    ("params", parametersJSON(verdict.loss, verdict.parameters)),
                    ("order", .array(verdict.order.map { index in
                        .object([("prediction", .string(names[index])), ("value", .number(verdict.values[index]))])
                    })),
                    ("agrees", .bool(verdict.agreesWithMajority)),
                ])
            })),
            ("disagree", .bool(ranking.lossesDisagree)),
        ])
    }

    /// The parameters a loss reads, `{"alpha": 0.25, "gamma": 2}`; α `none` is null.
    static func parametersJSON(_ loss: Loss, _ parameters: LossParameters) -> JSONValue {
        .object(loss.parameters.map { parameter in
            (parameter.rawValue, parameters[parameter].map(JSONValue.number) ?? .null)
        })
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
