import SegLensCore

/// What the explorer shows, as one copy-pasteable line: the selected loss and parameter, every loss's parameters,
/// the prediction and its what-if edits, the heatmap mode, the zoom and centre, and the presentation view.
///
/// The text lists only what differs from the scenario's start, as `key=value` words:
/// `preset=3 loss=tversky select=beta tversky.beta=0.5 focal.alpha=none prediction=2 view=errors zoom=1 center=4,7
/// shift=2,-1 dilate=1 blur=0.5 temperature=2 noise=0.1 seed=7 harden=yes class=2 present=yes`.
/// Numbers are written in Swift's shortest exact form, so ``parse(_:scenario:)`` of ``text(scenario:)`` restores
/// the very same values (``ExplorerModel/restore(_:)``) — with the same file and options. Words apply in order;
/// `preset=N` (written first, while the preset applied last is still what the screen shows) applies preset N, and
/// the words after it list only what differs from that.
public struct ExplorerState: Hashable, Sendable {
    public var loss: Loss
    /// An index into the selected loss's parameters.
    public var parameterIndex: Int
    /// Every loss of the mode.
    public var parameters: [Loss: LossParameters]
    public var prediction: Int
    public var heatmapMode: HeatmapMode
    public var zoom: Int
    public var centerRow: Int
    public var centerColumn: Int
    public var edits: PredictionEdits
    public var presenting: Bool
    /// The preset the screen shows (``ExplorerModel/activePreset``), if any.
    public var preset: Int?

    /// The state of `model`.
    public init(_ model: ExplorerModel) {
        loss = model.selectedLoss
        parameterIndex = model.parameterIndex
        parameters = model.parameters
        prediction = model.predictionIndex
        heatmapMode = model.heatmapMode
        zoom = model.zoom
        (centerRow, centerColumn) = model.center
        edits = model.edits
        presenting = model.presenting
        preset = model.activePreset?.number
    }

    /// Applies `preset` as the explorer does: its loss selected, its first setting selected, its values over the
    /// loss's values in `start` (the scenario's starting state).
    mutating func apply(_ preset: Preset, start: ExplorerState) {
        loss = preset.loss
        parameters[preset.loss] = preset.applied(to: start.parameters[preset.loss] ?? preset.loss.defaultParameters)
        parameterIndex = preset.settings.first.flatMap { preset.loss.parameters.firstIndex(of: $0) } ?? 0
        self.preset = preset.number
    }

    /// The state a fresh explorer of `scenario` starts in.
    public init(scenario: Scenario) {
        self.init(ExplorerModel(scenario: scenario))
    }

    // MARK: Text

    /// The line that ``parse(_:scenario:)`` reads back: what differs from `scenario`'s start.
    public func text(scenario: Scenario) -> String {
        let fresh = ExplorerState(scenario: scenario)
        var start = fresh
        var words: [String] = []
        if let preset, let applied = scenario.preset(preset) {
            start.apply(applied, start: fresh)
            words.append("preset=\(preset)")
        }
        func add(_ key: String, _ value: String, if differs: Bool) { if differs { words.append("\(key)=\(value)") } }
        add("loss", loss.name, if: loss != start.loss)
        if parameterIndex != (loss == start.loss ? start.parameterIndex : 0), loss.parameters.indices.contains(parameterIndex) {
            words.append("select=\(loss.parameters[parameterIndex].rawValue)")
        }
        for candidate in Loss.catalogue(scenario.mode) {
            let now = parameters[candidate] ?? candidate.defaultParameters
            let before = start.parameters[candidate] ?? candidate.defaultParameters
            for parameter in LossParameter.allCases where now[parameter] != before[parameter] {
                words.append("\(candidate.name).\(parameter.rawValue)=\(now[parameter].map { "\($0)" } ?? "none")")
            }
        }
        add("prediction", "\(prediction + 1)", if: prediction != start.prediction)
        add("view", heatmapMode.rawValue, if: heatmapMode != start.heatmapMode)
        add("zoom", "\(zoom)", if: zoom != start.zoom)
        add("center", "\(centerRow),\(centerColumn)", if: centerRow != start.centerRow || centerColumn != start.centerColumn)
        let e = edits, s = start.edits
        add("shift", "\(e.shiftX),\(e.shiftY)", if: e.shiftX != s.shiftX || e.shiftY != s.shiftY)
        add("dilate", "\(e.dilate)", if: e.dilate != s.dilate)
        add("blur", "\(e.blur)", if: e.blur != s.blur)
        add("temperature", "\(e.temperature)", if: e.temperature != s.temperature)
        add("noise", "\(e.noise)", if: e.noise != s.noise)
        add("seed", "\(e.noiseSeed)", if: e.noiseSeed != s.noiseSeed)
        add("harden", e.harden ? "yes" : "no", if: e.harden != s.harden)
        add("class", "\(e.selectedClass)", if: e.selectedClass != s.selectedClass)
        add("present", presenting ? "yes" : "no", if: presenting != start.presenting)
        return words.joined(separator: " ")
    }

    /// Reads a state line for `scenario`; what it does not mention stays as the scenario starts.
    public static func parse(_ text: String, scenario: Scenario) throws(StateError) -> ExplorerState {
        let fresh = ExplorerState(scenario: scenario)
        var state = fresh
        let mode = scenario.mode, truth = scenario.truth
        var column = 1
        var selected: LossParameter?
        // The loss a preset selected, whose selected parameter stands unless a select= word or another loss follows.
        var presetLoss: Loss?
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            defer { column += word.count + 1 }
            if word.isEmpty { continue }
            func fail(_ reason: String) -> StateError { StateError(word: word, column: column, reason: reason) }
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
                throw fail("expected key=value")
            }
            let key = String(word[..<equals]), value = String(word[word.index(after: equals)...])
            func number(_ range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) throws(StateError) -> Double {
                guard let number = Double(value), number.isFinite, range.contains(number) else {
                    throw fail("'\(value)' is not a number in \(range.lowerBound)…\(range.upperBound)")
                }
                return number
            }
            func integer(_ range: ClosedRange<Int>) throws(StateError) -> Int {
                guard let number = Int(value), range.contains(number) else {
                    throw fail("'\(value)' is not a whole number in \(range.lowerBound)…\(range.upperBound)")
                }
                return number
            }
            func yesNo() throws(StateError) -> Bool {
                guard value == "yes" || value == "no" else { throw fail("expected yes or no") }
                return value == "yes"
            }
            func pair(_ rows: ClosedRange<Int>, _ columns: ClosedRange<Int>) throws(StateError) -> (Int, Int) {
                let parts = value.split(separator: ",", omittingEmptySubsequences: false)
                guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), rows.contains(a), columns.contains(b) else {
                    throw fail("expected two whole numbers A,B with A in \(rows.lowerBound)…\(rows.upperBound) and B in \(columns.lowerBound)…\(columns.upperBound)")
                }
                return (a, b)
            }
            switch key {
            case "loss":
                guard let loss = Loss.named(value, mode: mode) else {
                    throw fail("no \(mode.rawValue) loss '\(value)'; one of \(Loss.catalogue(mode).map(\.name).joined(separator: ", "))")
                }
                state.loss = loss
            case "select":
                guard let parameter = LossParameter(rawValue: value) else {
                    throw fail("no parameter '\(value)'; one of \(LossParameter.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                selected = parameter
            case "prediction": state.prediction = try integer(1...scenario.predictions.count) - 1
            case "view":
                guard let mode = HeatmapMode(rawValue: value) else {
                    throw fail("no view '\(value)'; one of \(HeatmapMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                state.heatmapMode = mode
            case "zoom":
                var largest = 0
                while (1 << (largest + 1)) <= max(truth.height, truth.width) { largest += 1 }
                state.zoom = try integer(0...largest)
            case "center": (state.centerRow, state.centerColumn) = try pair(0...(truth.height - 1), 0...(truth.width - 1))
            case "shift": (state.edits.shiftX, state.edits.shiftY) = try pair(-truth.width...truth.width, -truth.height...truth.height)
            case "dilate": state.edits.dilate = try integer(-max(truth.height, truth.width)...max(truth.height, truth.width))
            case "blur": state.edits.blur = try number(0...1000)
            case "temperature": state.edits.temperature = try number(1e-6...1e6)
            case "noise": state.edits.noise = try number(0...1000)
            case "seed":
                guard let seed = UInt64(value) else { throw fail("'\(value)' is not a seed (a whole number ≥ 0)") }
                state.edits.noiseSeed = seed
            case "harden": state.edits.harden = try yesNo()
            case "class": state.edits.selectedClass = try integer(mode == .binary ? 1...1 : 0...(scenario.classNames.count - 1))
            case "present": state.presenting = try yesNo()
            case "preset":
                let numbers = scenario.presets.map(\.number)
                guard let number = Int(value), let preset = scenario.preset(number) else {
                    throw fail("no preset '\(value)'; " + (numbers.isEmpty ? "this input has none" : "one of \(numbers.map(String.init).joined(separator: ", "))"))
                }
                state.apply(preset, start: fresh)
                presetLoss = preset.loss
            default:
                let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2, let loss = Loss.named(parts[0], mode: mode), let parameter = LossParameter(rawValue: parts[1])
                else { throw fail("unknown key '\(key)'") }
                var values = state.parameters[loss] ?? loss.defaultParameters
                switch parameter {
                case .alpha: values.alpha = value == "none" ? nil : try number(0...1)
                case .gamma: values.gamma = try number(0...100)
                case .beta: values.beta = try number(loss == .weightedBCE ? 0...1e6 : 0...1)
                case .smooth: values.smooth = try number(0...1e6)
                case .w0: values.w0 = try number(loss.range(of: .w0))
                case .sigma: values.sigma = try number(loss.range(of: .sigma))
                }
                state.parameters[loss] = values
            }
        }
        if let selected {
            state.parameterIndex = state.loss.parameters.firstIndex(of: selected) ?? 0
        } else if state.loss != presetLoss {
            state.parameterIndex = 0
        }
        if let selected, !state.loss.parameters.contains(selected) {
            throw StateError(word: "select=\(selected.rawValue)", column: 1, reason: "\(state.loss.name) has no parameter \(selected.rawValue)")
        }
        return state
    }
}

/// A bad `--state` line: the word, where it starts (1-based column) and why.
public struct StateError: Error, Hashable, Sendable, CustomStringConvertible {
    public var word: String
    public var column: Int
    public var reason: String

    public var description: String { "state word '\(word)' at column \(column): \(reason)" }
}
