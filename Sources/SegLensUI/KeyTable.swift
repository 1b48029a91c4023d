/// The one key table of the explorer: it drives key dispatch, the `?` help overlay and the status-bar hints.
public enum KeyTable {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.tab], action: .nextLoss, label: "Tab", help: "next loss", hint: "Tab loss"),
        KeyBinding(keys: [.backTab], action: .previousLoss, label: "S-Tab", help: "previous loss", hint: nil),
        KeyBinding(keys: [.up, .character("k")], action: .previousParameter, label: "↑ k", help: "previous parameter", hint: nil),
        KeyBinding(keys: [.down, .character("j")], action: .nextParameter, label: "↓ j", help: "next parameter", hint: "↑↓←→ param"),
        KeyBinding(keys: [.left, .character("h")], action: .decrease, label: "← h", help: "decrease the parameter", hint: nil),
        KeyBinding(keys: [.right, .character("l")], action: .increase, label: "→ l", help: "increase the parameter", hint: nil),
        KeyBinding(keys: [.shiftLeft, .character("H")], action: .decreaseCoarse, label: "S-← H", help: "decrease (coarse)", hint: nil),
        KeyBinding(keys: [.shiftRight, .character("L")], action: .increaseCoarse, label: "S-→ L", help: "increase (coarse)", hint: nil),
        KeyBinding(keys: [.character("a")], action: .selectAlpha, label: "a", help: "select α", hint: nil),
        KeyBinding(keys: [.character("g")], action: .selectGamma, label: "g", help: "select γ", hint: nil),
        KeyBinding(keys: [.character("b")], action: .selectBeta, label: "b", help: "select β", hint: nil),
        KeyBinding(keys: [.character("s")], action: .selectSmooth, label: "s", help: "select smooth", hint: nil),
        KeyBinding(keys: [.character("m")], action: .nextHeatmap, label: "m", help: "next heatmap view", hint: "m view"),
        KeyBinding(keys: [.character("p")], action: .nextPrediction, label: "p", help: "next prediction", hint: "p pred"),
        KeyBinding(keys: [.character("r")], action: .reset, label: "r", help: "reset values, zoom, pan", hint: nil),
        KeyBinding(keys: [.character("+"), .character("=")], action: .zoomIn, label: "+", help: "zoom in", hint: nil),
        KeyBinding(keys: [.character("-")], action: .zoomOut, label: "-", help: "zoom out", hint: nil),
        KeyBinding(keys: [.ctrlUp, .character("W")], action: .panUp, label: "C-↑ W", help: "pan up", hint: nil),
        KeyBinding(keys: [.ctrlDown, .character("S")], action: .panDown, label: "C-↓ S", help: "pan down", hint: nil),
        KeyBinding(keys: [.ctrlLeft, .character("A")], action: .panLeft, label: "C-← A", help: "pan left", hint: nil),
        KeyBinding(keys: [.ctrlRight, .character("D")], action: .panRight, label: "C-→ D", help: "pan right", hint: nil),
        KeyBinding(keys: [.character("e")], action: .nextEdit, label: "e", help: "select the next what-if edit", hint: "e edit"),
        KeyBinding(keys: [.character("E")], action: .previousEdit, label: "E", help: "select the previous edit", hint: nil),
        KeyBinding(keys: [.character(".")], action: .increaseEdit, label: ".", help: "increase the edit / toggle", hint: nil),
        KeyBinding(keys: [.character(",")], action: .decreaseEdit, label: ",", help: "decrease the edit", hint: nil),
        KeyBinding(keys: [.character("u")], action: .undoEdit, label: "u", help: "undo the last edit", hint: nil),
        KeyBinding(keys: [.character("P")], action: .togglePin, label: "P", help: "pin state A; again unpins", hint: "P pin"),
        KeyBinding(keys: [.character("d")], action: .toggleDifference, label: "d", help: "pinned: A and B, or B − A", hint: nil),
        KeyBinding(keys: [.character("v")], action: .toggleSweep, label: "v", help: "sweep: loss vs. the parameter", hint: "v sweep"),
        KeyBinding(keys: [.character("O")], action: .toggleRanking, label: "O", help: "rank the predictions by loss", hint: nil),
        KeyBinding(keys: [.character("c")], action: .toggleConventions, label: "c", help: "each library's value", hint: nil),
        KeyBinding(keys: [.character("w")], action: .toggleExplanations, label: "w", help: "explain the loss and heatmap", hint: nil),
        KeyBinding(keys: [.character("f")], action: .togglePresent, label: "f", help: "presentation view on/off", hint: nil),
        KeyBinding(keys: [.character("x")], action: .exportPNG, label: "x", help: "export the panels as PNG", hint: nil),
        KeyBinding(keys: [.character("t")], action: .toggleTraining, label: "t", help: "train: start or stop", hint: "t train"),
        KeyBinding(keys: [.character("n")], action: .trainFrame, label: "n", help: "train K steps now", hint: nil),
        KeyBinding(keys: [.character("<")], action: .slowerLearning, label: "<", help: "lower learning rate η", hint: nil),
        KeyBinding(keys: [.character(">")], action: .fasterLearning, label: ">", help: "raise learning rate η", hint: nil),
        KeyBinding(keys: [.character("[")], action: .fewerStepsPerFrame, label: "[", help: "fewer steps per frame K", hint: nil),
        KeyBinding(keys: [.character("]")], action: .moreStepsPerFrame, label: "]", help: "more steps per frame K", hint: nil),
        KeyBinding(keys: [.character("o")], action: .toggleOptimizer, label: "o", help: "optimizer: SGD or Adam", hint: nil),
        KeyBinding(keys: [.character("T")], action: .resetTraining, label: "T", help: "undo all training", hint: nil),
        KeyBinding(keys: [.character("R")], action: .toggleRace, label: "R", help: "race the chosen losses", hint: nil),
        KeyBinding(keys: [.character("i")], action: .toggleRaceLoss, label: "i", help: "add/drop loss in race", hint: nil),
    ] + (1...9).map { number in
        KeyBinding(keys: [.character(Character(String(number)))], action: .applyPreset(number), label: "\(number)",
                   help: "preset \(number)", hint: nil)
    } + [
        KeyBinding(keys: [.character("?")], action: .toggleHelp, label: "?", help: "show or hide this help", hint: "? help"),
        KeyBinding(keys: [.escape], action: .closeOverlay, label: "Esc", help: "close help, ranking or panel", hint: nil),
        KeyBinding(keys: [.control("l")], action: .repaint, label: "C-l", help: "repaint the whole screen", hint: nil),
        KeyBinding(keys: [.character("q")], action: .quit, label: "q", help: "quit", hint: "q quit"),
    ]

    private static let actionsByKey: [Key: ExplorerAction] = {
        var table: [Key: ExplorerAction] = [:]
        for binding in bindings {
            for key in binding.keys {
                precondition(table[key] == nil, "key \(key) is bound twice")
                table[key] = binding.action
            }
        }
        return table
    }()

    /// The action of `key`, if it has one.
    public static func action(for key: Key) -> ExplorerAction? {
        actionsByKey[key]
    }
}
