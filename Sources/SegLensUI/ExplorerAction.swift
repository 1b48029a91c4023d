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
}
