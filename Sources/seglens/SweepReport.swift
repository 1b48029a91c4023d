import Foundation
import SegLensCore

/// The renderings of a sweep: an aligned table, CSV and one JSON object. Columns: the varied value, each
/// loss's value, then each loss's share of the gradient on the hardest 10% of pixels.
enum SweepReport {
    static func header(_ points: [ParameterSweep.Point], variable: SweepVariable) -> [String] {
        let names = points.first?.entries.map(\.loss.name) ?? []
        return [variable.name] + names + names.map { "\($0)_top10" }
    }

    static func table(_ points: [ParameterSweep.Point], variable: SweepVariable) -> String {
        let rows = [header(points, variable: variable)] + points.map { point in
            [LossParameters.compact(point.value)] + point.entries.map { String(format: "%.6f", $0.value) }
                + point.entries.map { $0.hardestShare.map { String(format: "%.4f", $0) } ?? "—" }
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// Full precision (the shortest digits that read back), an empty field for an undefined share.
    static func csv(_ points: [ParameterSweep.Point], variable: SweepVariable) -> String {
        let rows = [header(points, variable: variable)] + points.map { point in
            ["\(point.value)"] + point.entries.map { "\($0.value)" } + point.entries.map { $0.hardestShare.map { "\($0)" } ?? "" }
        }
        return rows.map { $0.joined(separator: ",") }.joined(separator: "\n")
    }

    static func json(
        _ points: [ParameterSweep.Point], range: SweepCommand.Range, edits: PredictionEdits, input: LossInput,
        prediction: String
    ) -> JSONValue {
        .object([
            ("input", .object([
                ("mode", .string(input.mode.rawValue)), ("height", .integer(input.height)),
                ("width", .integer(input.width)), ("prediction", .string(prediction)),
            ])),
            ("vary", .object([
                ("name", .string(range.variable.name)), ("start", .number(range.start)), ("stop", .number(range.stop)),
                ("step", .number(range.step)),
            ])),
            ("edits", edits.json),
            ("hardest_fraction", .number(ParameterSweep.hardestFraction)),
            ("points", .array(points.map { point in
                .object([
                    ("value", .number(point.value)),
                    ("losses", .array(point.entries.map { entry in
                        .object([
                            ("name", .string(entry.loss.name)),
                            ("params", EvalReport.parametersJSON(entry.loss, entry.parameters)),
                            ("value", .number(entry.value)),
                            ("top10_share", entry.hardestShare.map(JSONValue.number) ?? .null),
                        ])
                    })),
                ])
            })),
        ])
    }
}
