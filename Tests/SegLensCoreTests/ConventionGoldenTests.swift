import Foundation
import Testing
import SegLensCore

/// Every library preset against the values the libraries print (Fixtures/conventions.json, written by
/// scripts/conventions_golden.py): smp 0.6.0, MONAI 1.6.1, kornia 0.9.0 and torch values from the shared loss notes
/// (§9, float32), and Keras 3.15.1 values computed here with its numpy backend, on the notes' B = 2 inputs (with an
/// absent class, ignored pixels, an empty image, an empty batch) and on inputs of our own (|z| up to 30).
@Suite struct ConventionGoldenTests {
    struct GoldenCase: CustomStringConvertible, Sendable {
        var input: String
        var library: ConventionLibrary
        var variant: String?
        var loss: Loss
        var parameters: LossParameters
        var value: Double
        var call: String
        var description: String { "\(input): \(library.rawValue)\(variant.map { " " + $0 } ?? "") \(call) \(parameters)" }
    }

    struct Fixture: @unchecked Sendable {
        var batches: [String: [LossInput]]
        var cases: [GoldenCase]
    }

    /// Every fixture logit is a float32 value; rounding to Float undoes the last-digit error of JSONSerialization.
    static func float32(_ number: NSNumber) -> Double { Double(Float(truncating: number)) }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "Fixtures/conventions", withExtension: "json")!
        let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var batches: [String: [LossInput]] = [:]
        for (name, value) in root["inputs"] as! [String: Any] {
            let json = value as! [String: Any]
            let binary = json["mode"] as! String == "binary"
            let ignore = (json["ignore_index"] as? NSNumber).map(\.int32Value)
            let labels = json["labels"] as! [[[NSNumber]]]
            let logits = json["logits"] as! [Any]
            batches[name] = labels.indices.map { b in
                let rows = labels[b], height = rows.count, width = rows[0].count
                let planes = binary ? [logits[b] as! [[NSNumber]]] : logits[b] as! [[[NSNumber]]]
                return try! LossInput(
                    truth: LabelMap(height: height, width: width, labels: rows.flatMap { $0.map(\.int32Value) }),
                    logits: Logits(classes: planes.count, height: height, width: width,
                                   values: planes.flatMap { $0.flatMap { $0.map(float32) } }),
                    ignoreIndex: ignore)
            }
        }
        let cases = (root["cases"] as! [[String: Any]]).map { json in
            let input = json["input"] as! String
            let loss = Loss.named(json["loss"] as! String, mode: batches[input]![0].mode)!
            var parameters = loss.defaultParameters
            for (key, value) in json["params"] as! [String: Any] {
                parameters[LossParameter(rawValue: key)!] = value is NSNull ? nil : (value as! NSNumber).doubleValue
            }
            return GoldenCase(
                input: input, library: ConventionLibrary(rawValue: json["library"] as! String)!,
                variant: json["variant"] as? String, loss: loss,
                parameters: parameters, value: (json["value"] as! NSNumber).doubleValue, call: json["call"] as! String)
        }
        return Fixture(batches: batches, cases: cases)
    }()

    static func result(_ golden: GoldenCase) -> ConventionResult? {
        Conventions.results(
            golden.library, loss: golden.loss, parameters: golden.parameters,
            batch: ConventionBatch(fixture.batches[golden.input]!)
        ).first { $0.variant == golden.variant }
    }

    @Test(arguments: fixture.cases)
    func presetEqualsTheLibrary(_ golden: GoldenCase) throws {
        let result = try #require(Self.result(golden))
        let value = try #require(result.value, "\(result.outcome)")
        // float32 library output printed with seven digits: within 1e-6 relative (an exact 0 must be 0).
        #expect(abs(value - golden.value) <= 1e-6 * abs(golden.value), "\(value) vs \(golden.value)")
    }

    @Test func everyLibraryAndLossFamilyHasAGoldenValue() {
        let covered = Set(Self.fixture.cases.map { "\($0.library.rawValue) \($0.loss.mode.rawValue) \($0.loss.name)" })
        for expected in [
            "smp binary dice", "smp binary iou", "smp binary tversky", "smp binary focal-tversky", "smp binary focal",
            "smp binary lovasz-hinge", "smp binary bce", "monai binary dice", "monai binary dice-squared",
            "monai binary iou", "monai binary tversky", "monai binary focal", "kornia binary focal",
            "kornia binary lovasz-hinge", "keras binary dice", "keras binary tversky", "keras binary focal",
            "keras binary bce", "torchvision binary focal", "torchvision binary bce",
            "smp multiclass dice", "smp multiclass iou", "smp multiclass tversky", "smp multiclass focal",
            "smp multiclass lovasz-softmax", "smp multiclass ce", "monai multiclass dice", "monai multiclass tversky",
            "monai multiclass focal", "kornia multiclass dice", "kornia multiclass tversky", "kornia multiclass focal",
            "kornia multiclass lovasz-softmax", "keras multiclass dice", "keras multiclass tversky",
            "keras multiclass focal", "keras multiclass ce", "torchvision multiclass ce", "torchvision multiclass focal",
        ] {
            #expect(covered.contains(expected), "no golden value for \(expected)")
        }
    }

    @Test func fixtureInputsAreTheNotesInputs() {
        // The fixture's "bin" and "mc" batches are the inputs LibraryGoldenTests builds from the notes' formulas.
        for (name, multiclass) in [("bin", false), ("mc", true)] {
            let images = Self.fixture.batches[name]!
            for b in 0..<2 {
                let expected = multiclass ? LibraryGoldenTests.multiclassImage(b) : LibraryGoldenTests.binaryImage(b)
                #expect(images[b].truth.labels == expected.labels)
                #expect(images[b].logits.values == expected.logits)
            }
        }
    }

    // MARK: What the libraries cannot compute

    @Test func korniaLovaszSoftmaxCrashesOnIgnoredLabels() throws {
        let batch = ConventionBatch(Self.fixture.batches["mc-ign"]!)
        let result = try #require(Conventions.evaluate(.kornia, loss: .lovaszSoftmax, batch: batch))
        guard case let .crashes(reason) = result.outcome else { Issue.record("\(result.outcome)"); return }
        #expect(reason.contains("255"))
    }

    @Test func librariesWithoutAnIgnoreOptionSaySo() {
        let batch = ConventionBatch(Self.fixture.batches["mc-ign"]!)
        for (library, loss) in [(ConventionLibrary.keras, Loss.multiclassDice), (.keras, .multiclassFocal), (.torchvision, .multiclassFocal)] {
            let outcome = Conventions.evaluate(library, loss: loss, batch: batch)?.outcome
            guard case .unsupported? = outcome else { Issue.record("\(library) \(loss.name): \(String(describing: outcome))"); continue }
        }
    }

    @Test func monaiFocalWithAnIgnoreIndexIsCTimesLarger() throws {
        // MONAI 1.6.1 divides by the valid pixels (not pixels × C) once ignore_index is given, even if no pixel
        // carries it (the notes' golden: 0.6833931 → 2.0501792 with softmax). Here: sigmoid (its default), C = 3.
        let plain = Self.fixture.batches["mc"]!
        let withIndex = try plain.map { try LossInput(truth: $0.truth, logits: $0.logits, ignoreIndex: 99) }
        let parameters = LossParameters(alpha: nil, gamma: 2)
        let without = try #require(Conventions.evaluate(.monai, loss: .multiclassFocal, parameters: parameters, batch: ConventionBatch(plain))?.value)
        let with = try #require(Conventions.evaluate(.monai, loss: .multiclassFocal, parameters: parameters, batch: ConventionBatch(withIndex))?.value)
        #expect(abs(without - 0.7703481) < 1e-6)
        #expect(abs(with - 3 * 0.7703481) < 3e-6)
    }

    @Test func articleBalancedBCEAtBetaOneIsNaN() throws {
        let batch = ConventionBatch(Self.fixture.batches["bin"]!)
        let value = try #require(Conventions.evaluate(.article, loss: .balancedBCE, parameters: LossParameters(beta: 1), batch: batch)?.value)
        #expect(value.isNaN)
    }
}
