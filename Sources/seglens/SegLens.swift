import ArgumentParser

@main
struct SegLens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seglens",
        abstract: "See segmentation losses: values, per-pixel weights and gradients.",
        subcommands: [
            ExploreCommand.self, EvalCommand.self, RenderCommand.self, SweepCommand.self, TrainCommand.self,
            InfoCommand.self, ConvertCommand.self, BenchCommand.self, SoakCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self
    )
}
