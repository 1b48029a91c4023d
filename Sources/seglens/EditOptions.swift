import ArgumentParser
import SegLensCore

/// The what-if edits of the prediction, shared by `eval`, `render`, `sweep` and the explorer
/// (docs/edits.md defines each; they apply in the order shift, dilate/erode, blur, temperature, noise, harden).
struct EditOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Shift the prediction by DX columns (right) and DY rows (down); edge pixels repeat.", valueName: "DX,DY"))
    var shift: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Gaussian blur of σ pixels on the logits (kernel truncated at 3σ, edges repeat), 0…50.", valueName: "S"))
    var blur: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Divide the logits by T (T < 1 sharpens, T > 1 softens), 0.001…1000.", valueName: "T"))
    var temperature: Double?

    @Flag(help: "Every pixel to its argmax, with probabilities 1−1e−7 / 1e−7.")
    var harden = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Dilate the predicted foreground (or --edit-class) by a disc of R pixels; negative R erodes. −100…100.", valueName: "R"))
    var dilate: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Add Gaussian noise of σ to the logits, from SEED (default 1), 0…100.", valueName: "S[,SEED]"))
    var noise: String?

    @Option(name: .customLong("edit-class"), help: ArgumentHelp("The class --dilate grows or shrinks in a multi-class prediction (default 1).", valueName: "K"))
    var editClass: Int?

    /// Seeds up to 2⁵³, so that JSON prints them exactly.
    static let largestSeed: UInt64 = 1 << 53

    /// The edits given, each checked against its range; a message names the flag and the range.
    func edits(classes: Int) throws(CommandFailure) -> PredictionEdits {
        var edits = PredictionEdits()
        if let shift {
            let parts = shift.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let dx = parts[0], let dy = parts[1] else {
                throw CommandFailure(.usage, "--shift takes DX,DY in whole pixels, e.g. --shift 1,0 (got '\(shift)')")
            }
            edits.shiftX = try Self.checked(dx, .shiftX, flag: "--shift DX")
            edits.shiftY = try Self.checked(dy, .shiftY, flag: "--shift DY")
        }
        if let blur { edits.blur = try Self.checked(blur, .blur, flag: "--blur") }
        if let temperature { edits.temperature = try Self.checked(temperature, .temperature, flag: "--temperature") }
        if let dilate { edits.dilate = try Self.checked(dilate, .dilate, flag: "--dilate") }
        if let noise {
            let parts = noise.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(parts.count), let sigma = Double(parts[0]),
                  parts.count == 1 || UInt64(parts[1]).map({ $0 <= Self.largestSeed }) == true
            else {
                throw CommandFailure(
                    .usage, "--noise takes S or S,SEED (SEED a whole number 0…\(Self.largestSeed)), e.g. --noise 0.5,7 (got '\(noise)')")
            }
            edits.noise = try Self.checked(sigma, .noise, flag: "--noise")
            if parts.count == 2 { edits.noiseSeed = UInt64(parts[1])! }
        }
        edits.harden = harden
        if let editClass {
            guard classes > 1 else { throw CommandFailure(.usage, "--edit-class applies to a multi-class prediction") }
            guard (0..<classes).contains(editClass) else {
                throw CommandFailure(.usage, "--edit-class \(editClass) is outside 0…\(classes - 1)")
            }
            edits.selectedClass = editClass
        } else {
            edits.selectedClass = classes > 1 ? 1 : 0
        }
        return edits
    }

    static func checked(_ value: Double, _ edit: EditParameter, flag: String) throws(CommandFailure) -> Double {
        guard value.isFinite, edit.range.contains(value) else {
            throw CommandFailure(.usage, "\(flag) \(LossParameters.compact(value)) is outside \(rangeText(edit))")
        }
        return value
    }

    static func checked(_ value: Int, _ edit: EditParameter, flag: String) throws(CommandFailure) -> Int {
        Int(try checked(Double(value), edit, flag: flag))
    }

    /// `0…50`, `0.001…1000`: the allowed range of an edit as the messages print it.
    static func rangeText(_ edit: EditParameter) -> String {
        "\(LossParameters.compact(edit.range.lowerBound))…\(LossParameters.compact(edit.range.upperBound))"
    }
}

extension PredictionEdits {
    /// `input` with these edits; a logit the edits made non-finite is bad data.
    func appliedForCommand(to input: LossInput) throws(CommandFailure) -> LossInput {
        do {
            return try applied(to: input)
        } catch {
            throw CommandFailure(.badData, "the edits \(summary.joined(separator: ", ")) give \(error)")
        }
    }

    /// The `"edits"` object of `eval --json` and `sweep --json`: the active edits, each with its value, in the
    /// order they apply.
    var json: JSONValue {
        var members: [(String, JSONValue)] = []
        if shiftX != 0 || shiftY != 0 { members.append(("shift", .array([.integer(shiftX), .integer(shiftY)]))) }
        if dilate != 0 {
            members.append(("dilate", .integer(dilate)))
            if selectedClass != 0 { members.append(("edit_class", .integer(selectedClass))) }
        }
        if blur != 0 { members.append(("blur", .number(blur))) }
        if temperature != 1 { members.append(("temperature", .number(temperature))) }
        if noise != 0 { members.append(("noise", .object([("sigma", .number(noise)), ("seed", .integer(Int(noiseSeed)))]))) }
        if harden { members.append(("harden", .bool(true))) }
        return .object(members)
    }
}
