import Foundation
import SegLensCore

/// The renderings of `seglens train`'s trajectories: a table, CSV, or one JSON object (doubles in full precision).
struct TrainReport {
    struct Trajectory {
        var loss: Loss
        var parameters: LossParameters
        var points: [TrainingPoint]
    }

    var input: LossInput
    var prediction: String
    var optimizer: OptimizerKind
    var learningRate: Double
    var steps: Int
    var every: Int
    var trajectories: [Trajectory]

    private var scoreNames: (iou: String, dice: String) { input.mode == .binary ? ("IoU", "Dice") : ("mIoU", "mDice") }

    var table: String {
        let names = scoreNames
        var lines = [
            "\(input.mode.rawValue) \(input.height)×\(input.width), \(input.ignoredCount) ignored, prediction \"\(prediction)\": "
                + "\(optimizer.rawValue) η=\(LossParameters.compact(learningRate)), \(steps) steps",
        ]
        let parameterLine = trajectories.map { t -> String in
            let text = t.parameters.text(for: t.loss)
            return text.isEmpty ? t.loss.name : "\(t.loss.name) \(text)"
        }.joined(separator: "; ")
        lines.append("losses: \(parameterLine)")
        lines.append("")
        let stepWidth = max(4, "\(steps)".count)
        func pad(_ text: String, _ width: Int) -> String {
            String(repeating: " ", count: max(0, width - text.count)) + text
        }
        var header = pad("step", stepWidth)
        for t in trajectories {
            header += "  " + pad(t.loss.name, 10) + pad(names.iou, 8) + pad(names.dice, 8)
        }
        lines.append(header)
        for (row, point) in trajectories[0].points.enumerated() {
            var line = pad("\(point.step)", stepWidth)
            for t in trajectories {
                let p = t.points[row]
                line += "  " + pad(String(format: "%.6f", p.value), 10) + pad(String(format: "%.4f", p.iou), 8)
                    + pad(String(format: "%.4f", p.dice), 8)
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    var csv: String {
        var header = ["step"]
        for t in trajectories { header += [t.loss.name, "\(t.loss.name)_iou", "\(t.loss.name)_dice"] }
        var lines = [header.joined(separator: ",")]
        for (row, point) in trajectories[0].points.enumerated() {
            var fields = ["\(point.step)"]
            for t in trajectories {
                let p = t.points[row]
                fields += ["\(p.value)", "\(p.iou)", "\(p.dice)"]
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    var json: JSONValue {
        .object([
            ("input", .object([
                ("mode", .string(input.mode.rawValue)), ("height", .integer(input.height)),
                ("width", .integer(input.width)), ("classes", .integer(input.classes)),
                ("ignored", .integer(input.ignoredCount)), ("prediction", .string(prediction)),
            ])),
            ("optimizer", .string(optimizer.rawValue)), ("lr", .number(learningRate)), ("steps", .integer(steps)),
            ("every", .integer(every)),
            ("losses", .array(trajectories.map { t in
                .object([
                    ("name", .string(t.loss.name)),
                    ("params", .object(t.loss.parameters.map { parameter in
                        (parameter.rawValue, t.parameters[parameter].map(JSONValue.number) ?? .null)
                    })),
                    ("trajectory", .array(t.points.map { p in
                        .object([
                            ("step", .integer(p.step)), ("value", .number(p.value)), ("iou", .number(p.iou)),
                            ("dice", .number(p.dice)),
                        ])
                    })),
                ])
            })),
        ])
    }
}
