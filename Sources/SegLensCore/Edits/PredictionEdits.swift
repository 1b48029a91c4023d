/// What-if edits of a prediction, applied to its logits in this fixed order:
///
/// 1. **shift** by `(dx, dy)` pixels, edge pixels repeating (``ShiftEdit``);
/// 2. **dilate** (`r > 0`) or **erode** (`r < 0`) the predicted foreground, or class ``selectedClass`` of a
///    multi-class prediction, by a disc of `|r|` pixels (``MorphologyEdit``);
/// 3. **blur**: a Gaussian of σ pixels on the logits (``GaussianBlurEdit``);
/// 4. **temperature** T: `z / T` (``TemperatureEdit``);
/// 5. **noise**: Gaussian noise of σ on the logits, from a seed (``GaussianNoiseEdit``);
/// 6. **harden**: every pixel to its argmax with probabilities `1 − 1e−7` / `1e−7` (``HardenEdit``).
///
/// Each edit at its identity value (shift 0,0, r 0, σ 0, T 1, no harden) is skipped, so identity edits leave
/// the logits bit-identical. The truth, the ignored pixels, the shape and the mode never change.
public struct PredictionEdits: Sendable, Hashable {
    public var shiftX = 0
    public var shiftY = 0
    /// Disc radius: positive dilates, negative erodes.
    public var dilate = 0
    public var blur = 0.0
    public var temperature = 1.0
    public var noise = 0.0
    public var noiseSeed: UInt64 = 1
    public var harden = false
    /// The class that dilate/erode grows or shrinks in a multi-class prediction (binary: the foreground).
    public var selectedClass = 1

    public init(
        shiftX: Int = 0, shiftY: Int = 0, dilate: Int = 0, blur: Double = 0, temperature: Double = 1,
        noise: Double = 0, noiseSeed: UInt64 = 1, harden: Bool = false, selectedClass: Int = 1
    ) {
        self.shiftX = shiftX
        self.shiftY = shiftY
        self.dilate = dilate
        self.blur = blur
        self.temperature = temperature
        self.noise = noise
        self.noiseSeed = noiseSeed
        self.harden = harden
        self.selectedClass = selectedClass
    }

    /// No edit is active.
    public var isIdentity: Bool { active.isEmpty }

    /// The edits that change something, in the order they are applied.
    public var active: [EditParameter] {
        EditParameter.allCases.filter { parameter in
            switch parameter {
            case .shiftX: shiftX != 0
            case .shiftY: shiftY != 0
            case .dilate: dilate != 0
            case .blur: blur != 0
            case .temperature: temperature != 1
            case .noise: noise != 0
            case .harden: harden
            }
        }
    }

    /// The edits applied to `logits`, in the documented order.
    public func applied(to logits: Logits) -> Logits {
        guard !isIdentity else { return logits }
        let classes = logits.classes, height = logits.height, width = logits.width
        var values = ShiftEdit.shifted(logits.values, planes: classes, height: height, width: width, dx: shiftX, dy: shiftY)
        if dilate != 0 {
            let selected = logits.isBinary ? 0 : Swift.min(Swift.max(selectedClass, 0), classes - 1)
            values = MorphologyEdit.applied(
                to: Logits(classes: classes, height: height, width: width, values: values), radius: dilate,
                selectedClass: selected
            ).values
        }
        values = GaussianBlurEdit.blurred(values, planes: classes, height: height, width: width, sigma: blur)
        values = TemperatureEdit.scaled(values, temperature: temperature)
        values = GaussianNoiseEdit.noisy(values, sigma: noise, seed: noiseSeed)
        if harden { values = HardenEdit.hardened(values, classes: classes, pixels: height * width) }
        return Logits(classes: classes, height: height, width: width, values: values)
    }

    /// The input with edited logits (same truth and ignore index); it throws only when an edit made a logit
    /// non-finite (e.g. a tiny temperature on huge logits).
    public func applied(to input: LossInput) throws(InputError) -> LossInput {
        guard !isIdentity else { return input }
        return try LossInput(truth: input.truth, logits: applied(to: input.logits), ignoreIndex: input.ignoreIndex)
    }

    /// The value of one edit as a number (harden: 0 or 1).
    public subscript(parameter: EditParameter) -> Double {
        get {
            switch parameter {
            case .shiftX: Double(shiftX)
            case .shiftY: Double(shiftY)
            case .dilate: Double(dilate)
            case .blur: blur
            case .temperature: temperature
            case .noise: noise
            case .harden: harden ? 1 : 0
            }
        }
        set {
            switch parameter {
            case .shiftX: shiftX = Int(newValue.rounded())
            case .shiftY: shiftY = Int(newValue.rounded())
            case .dilate: dilate = Int(newValue.rounded())
            case .blur: blur = newValue
            case .temperature: temperature = newValue
            case .noise: noise = newValue
            case .harden: harden = newValue != 0
            }
        }
    }

    /// The active edits as short text, in order: `shift 1,0`, `dilate 2`, `erode 1`, `blur 1.5`, `T 2`,
    /// `noise 0.5 (seed 1)`, `harden`.
    public var summary: [String] {
        var parts: [String] = []
        if shiftX != 0 || shiftY != 0 { parts.append("shift \(shiftX),\(shiftY)") }
        if dilate > 0 { parts.append("dilate \(dilate)") }
        if dilate < 0 { parts.append("erode \(-dilate)") }
        if blur != 0 { parts.append("blur \(LossParameters.compact(blur))") }
        if temperature != 1 { parts.append("T \(LossParameters.compact(temperature))") }
        if noise != 0 { parts.append("noise \(LossParameters.compact(noise)) (seed \(noiseSeed))") }
        if harden { parts.append("harden") }
        return parts
    }
}
