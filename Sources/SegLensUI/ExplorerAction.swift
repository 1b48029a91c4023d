/// Everything a key can do in the explorer.
public enum ExplorerAction: Hashable, Sendable, CaseIterable {
    case nextLoss, previousLoss
    case previousParameter, nextParameter
    case decrease, increase, decreaseCoarse, increaseCoarse
    case selectAlpha, selectGamma, selectBeta, selectSmooth
    case nextHeatmap, nextPrediction, reset
    case zoomIn, zoomOut, panUp, panDown, panLeft, panRight
    case nextEdit, previousEdit, increaseEdit, decreaseEdit, undoEdit
    case togglePin, toggleDifference, toggleSweep, toggleRanking
    case toggleHelp, closeOverlay, repaint, quit
    case toggleConventions, toggleExplanations
    case togglePresent, exportPNG
    // Training (ExplorerTraining, ExplorerRace)
    case toggleTraining, trainFrame, slowerLearning, fasterLearning, fewerStepsPerFrame, moreStepsPerFrame
    case toggleOptimizer, resetTraining, toggleRace, toggleRaceLoss
    /// The digit keys 1–9: the scenario's preset of that number (``Scenario/presets``).
    case applyPreset(Int)

    public static let allCases: [ExplorerAction] = [
        .nextLoss, .previousLoss, .previousParameter, .nextParameter, .decrease, .increase, .decreaseCoarse,
        .increaseCoarse, .selectAlpha, .selectGamma, .selectBeta, .selectSmooth, .nextHeatmap, .nextPrediction, .reset,
        .zoomIn, .zoomOut, .panUp, .panDown, .panLeft, .panRight, .nextEdit, .previousEdit, .increaseEdit,
        .decreaseEdit, .undoEdit, .togglePin, .toggleDifference, .toggleSweep, .toggleRanking, .toggleHelp,
        .closeOverlay, .repaint, .quit, .toggleConventions, .toggleExplanations, .togglePresent, .exportPNG,
        .toggleTraining, .trainFrame, .slowerLearning, .fasterLearning, .fewerStepsPerFrame, .moreStepsPerFrame,
        .toggleOptimizer, .resetTraining, .toggleRace, .toggleRaceLoss,
    ] + (1...9).map { .applyPreset($0) }
}
