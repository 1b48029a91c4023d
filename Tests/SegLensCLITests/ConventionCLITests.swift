import Foundation
import Testing
import SegLensCore

/// `seglens eval --convention …`: the libraries' values next to seglens's, in the table and in the JSON, and the
/// usage error for an unknown library.
@Suite struct ConventionCLITests {
    let directory: TemporaryDirectory
    /// A 3-class 4×5 truth with two void pixels (255) and logits for it.
    let truth: String, logits: String
    let input: LossInput

    init() throws {
        directory = try TemporaryDirectory()
        var labels = TestInputs.labels(20, classes: 3, seed: 5)
        labels[3] = 255
        labels[11] = 255
        let values = TestInputs.uniform(60, in: -4...4, seed: 6)
        truth = try directory.npy("t.npy", labels: LabelMap(height: 4, width: 5, labels: labels))
        logits = try directory.npy("z.npy", shape: [3, 4, 5], values: values)
        input = try LossInput(
            truth: LabelMap(height: 4, width: 5, labels: labels), logits: Logits(classes: 3, height: 4, width: 5, values: values),
            ignoreIndex: 255)
    }

    @Test func jsonListsEachLibraryOfEachLossWithTheCoreValue() throws {
        let result = try SegLensProcess.run([
            "eval", "--truth", truth, "--logits", logits, "--ignore-index", "255", "--loss", "dice", "--loss", "focal",
            "--alpha", "0.25", "--convention", "all", "--json",
        ])
        #expect(result.status == 0, "\(result)")
        let conventions = try #require(try result.json()["conventions"] as? [[String: Any]])
        let batch = ConventionBatch(input)
        let expected = [Loss.multiclassDice, .multiclassFocal].flatMap { loss in
            var parameters = loss.defaultParameters
            if loss == .multiclassFocal { parameters.alpha = 0.25 }
            return Conventions.evaluate(loss, parameters: parameters, batch: batch)
        }
        #expect(conventions.count == expected.count)
        for (json, convention) in zip(conventions, expected) {
            #expect(json["library"] as? String == convention.library.rawValue)
            #expect(json["loss"] as? String == convention.loss.name)
            #expect((json["why"] as? String)?.isEmpty == false)
            if let value = convention.value {
                // Printed in full precision; Foundation's JSON reader may be off in the last digit.
                let printed = try #require((json["value"] as? NSNumber)?.doubleValue)
                #expect(abs(printed - value) <= 1e-15 * abs(value), "\(printed) vs \(value)")
            } else {
                #expect(json["value"] is NSNull, "\(json)")
            }
        }
        // Keras has no ignore option: no number, and the reason says so.
        let keras = try #require(conventions.first { $0["library"] as? String == "keras" && $0["loss"] as? String == "dice" })
        #expect(keras["value"] is NSNull)
        #expect((keras["why"] as? String)?.contains("ignore") == true)
    }

    @Test func tableShowsLibrariesOnceInTheOrderGiven() throws {
        let result = try SegLensProcess.run([
            "eval", "--truth", truth, "--logits", logits, "--ignore-index", "255", "--loss", "lovasz-softmax",
            "--convention", "kornia", "--convention", "all",
        ])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let section = lines.drop { !$0.hasPrefix("conventions:") }
        let rows = section.filter { $0.hasPrefix("lovasz-softmax  ") }
        // kornia first (given first), then smp; no other library has a Lovász-softmax.
        #expect(rows.count == 2, "\(result.stdout)")
        #expect(rows.first?.contains("kornia 0.9.0") == true)
        #expect(rows.first?.contains("crashes") == true)
        #expect(rows.last?.contains("smp 0.6.0") == true)
    }

    @Test func anUnknownLibraryIsAUsageErrorNamingTheFlagAndTheChoices() throws {
        let result = try SegLensProcess.run(["eval", "--truth", truth, "--logits", logits, "--convention", "pytorch"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        for word in ["--convention", "pytorch", "smp", "monai", "kornia", "keras", "torchvision", "article", "all"] {
            #expect(result.stderr.contains(word), "\(word): \(result)")
        }
    }
}
