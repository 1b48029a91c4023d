import ArgumentParser
import SegLensCore

/// `--convention NAME` (repeatable, or `all`): which libraries' versions of the selected losses to print.
struct ConventionOptions: ParsableArguments {
    /// A library name, or every library.
    enum Choice: String, CaseIterable, ExpressibleByArgument {
        case smp, monai, kornia, keras, torchvision, article, all
    }

    @Option(
        name: .customLong("convention"),
        help: ArgumentHelp(
            "Also print what this library computes for each selected loss, and why it differs (repeatable; 'all' for every one).",
            valueName: Choice.allCases.map(\.rawValue).joined(separator: "|")))
    var choices: [Choice] = []

    /// The chosen libraries, each once, in the order given (`all`: every library in the usual order).
    var libraries: [ConventionLibrary] {
        var libraries: [ConventionLibrary] = []
        for choice in choices {
            let chosen = choice == .all ? ConventionLibrary.allCases : [ConventionLibrary(rawValue: choice.rawValue)!]
            for library in chosen where !libraries.contains(library) { libraries.append(library) }
        }
        return libraries
    }

    /// Each chosen library's result for each loss of `results`, loss by loss; empty without `--convention`.
    func evaluate(_ results: [LossResult], on input: LossInput) -> [ConventionResult] {
        let libraries = libraries
        guard !libraries.isEmpty else { return [] }
        let batch = ConventionBatch(input)
        return results.flatMap {
            Conventions.evaluate($0.loss, parameters: $0.parameters, batch: batch, libraries: libraries)
        }
    }
}
