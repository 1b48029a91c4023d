import SegLensCore

/// The `--convention` part of `seglens eval`'s table and JSON.
extension EvalReport {
    /// One line per library and loss: loss, library and version, value (or `crashes` / `-`), and the reason.
    static func conventionTable(_ conventions: [ConventionResult], results: [LossResult]) -> [String] {
        guard !conventions.isEmpty else { return [] }
        let rows = conventions.map { convention -> [String] in
            let seglens = results.first { $0.loss == convention.loss }?.value
            let value: String, why: String
            switch convention.outcome {
            case let .value(number):
                value = "\(number)"
                let equal = seglens == number && !convention.why.hasPrefix("as seglens")
                why = (equal ? "= seglens; " : "") + convention.why
            case let .crashes(reason):
                (value, why) = ("crashes", reason)
            case let .unsupported(reason):
                (value, why) = ("-", reason)
            }
            return [convention.loss.name, convention.label(), value, why]
        }
        let header = ["loss", "library", "value", "why it differs from seglens"]
        let widths = (0..<3).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            (0..<3).map { cells[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + cells[3]
        }
        return ["", "conventions: what each library computes on this input"] + ([header] + rows).map(line)
    }

    /// `"conventions": [{"library", "variant", "loss", "value", "why", "version", "call"}]`; `value` is null when the library
    /// crashes (then `why` starts with "crashes: ") or cannot take the input.
    static func conventionsJSON(_ conventions: [ConventionResult]) -> JSONValue {
        .array(conventions.map { convention in
            let why: String
            switch convention.outcome {
            case .value: why = convention.why
            case let .crashes(reason): why = "crashes: \(reason)"
            case let .unsupported(reason): why = reason
            }
            return .object([
                ("library", .string(convention.library.rawValue)),
                ("variant", convention.variant.map(JSONValue.string) ?? .null), ("loss", .string(convention.loss.name)),
                ("value", convention.value.map(JSONValue.number) ?? .null), ("why", .string(why)),
                ("version", .string(convention.version)), ("call", .string(convention.call)),
            ])
        })
    }
}
