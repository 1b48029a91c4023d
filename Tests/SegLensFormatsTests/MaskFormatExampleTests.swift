import Foundation
import SegLensCore
import Testing
@testable import SegLensFormats

/// The examples of docs/mask-format.md: each is a fixture file, parses, and gives the hand-computed values.
@Suite struct MaskFormatExampleTests {
    @Test func documentationShowsEveryFixtureVerbatimAndNothingElse() throws {
        let doc = try MaskFixtures.documentation
        let names = MaskFixtures.names
        #expect(names.count == 5)
        var fixtures: Set<String> = []
        for name in names {
            let text = try MaskFixtures.text(name)
            fixtures.insert(text)
            #expect(doc.contains("```text\n" + text + "```\n"), "docs/mask-format.md does not show \(name) verbatim")
        }
        // Every example file in the doc (a fenced block starting with the header) is one of the fixtures.
        let blocks = doc.components(separatedBy: "```text\n").dropFirst().map { $0.components(separatedBy: "```\n")[0] }
        let examples = blocks.filter { $0.hasPrefix("# seglens mask v1\n") }
        #expect(examples.count == names.count)
        for example in examples {
            #expect(fixtures.contains(example), "an example of docs/mask-format.md is not a fixture:\n\(example)")
        }
    }

    @Test(arguments: MaskFixtures.names)
    func fixtureParsesAndIsALossInput(name: String) throws {
        let document = try MaskFixtures.document(name)
        #expect(!document.predictions.isEmpty)
        for prediction in document.predictions {
            _ = try document.lossInput(for: prediction)
        }
        if let parameters = document.parameters, let loss = parameters.loss {
            #expect(Loss.named(loss, mode: document.mode) != nil)
        }
    }

    @Test func binaryDigitGrid() throws {
        let document = try MaskFixtures.document("binary-digits.mask")
        #expect(document.title == "Small object, big background")
        #expect(document.note == "BCE looks fine while Dice is poor. Raise γ and watch the weight move onto the object.")
        #expect(document.classNames == ["background", "foreground"])
        #expect(document.mode == .binary)
        #expect(document.ignoreGlyph == "?")
        #expect(document.ignoreIndex == 255)
        #expect(document.parameters == nil)
        let truth = document.truth
        #expect(truth.height == 4 && truth.width == 16)
        #expect(truth.labels.filter { $0 == 1 }.count == 8)
        #expect(truth[1, 6] == 1 && truth[1, 5] == 0)
        #expect(truth[2, 13] == MaskDocument.ignoreLabel)
        let prediction = try #require(document.predictions.first)
        #expect(document.predictions.count == 1)
        #expect(prediction.name == "prediction")
        #expect(prediction.kind == .probabilities)
        #expect(prediction.classes == 1)
        #expect(prediction.values.count == 64)
        #expect(prediction.values[1 * 16 + 6] == 3.0 / 9)  // digit 3
        #expect(prediction.values[2 * 16 + 6] == 1)  // digit 9
        #expect(prediction.values[2 * 16 + 5] == 3.0 / 9)
        #expect(prediction.values[2 * 16 + 4] == 1.0 / 9)
        #expect(prediction.values[0] == 0)
        let input = try document.lossInput(for: prediction)
        #expect(input.ignoredCount == 1)
    }

    @Test func binaryLogitsRows() throws {
        let document = try MaskFixtures.document("binary-logits.mask")
        #expect(document.truth == LabelMap(height: 2, width: 3, labels: [0, 0, 1, 0, 1, 1]))
        #expect(document.predictions == [MaskPrediction(kind: .logits, classes: 1, values: [-4, -1.5, 2, -3.25, 0.5, 0.6])])
        #expect(document.parameters == MaskParameters(loss: "tversky", beta: 0.3, smooth: 1e-5))
        #expect(document.ignoreGlyph == nil && document.ignoreIndex == nil)
    }

    @Test func severalNamedPredictions() throws {
        let document = try MaskFixtures.document("named-predictions.mask")
        #expect(document.predictions.map(\.name) == ["perfect", "shifted by one pixel", "unsure"])
        #expect(document.predictions.allSatisfy { $0.kind == .probabilities && $0.classes == 1 && $0.values.count == 24 })
        #expect(document.predictions[0].values[8] == 1 && document.predictions[0].values[7] == 0)
        #expect(document.predictions[1].values[10] == 1 && document.predictions[1].values[8] == 0)
        #expect(document.predictions[2].values[6...11] == [0.1, 0.2, 0.55, 0.55, 0.2, 0.1])
        #expect(document.parameters == MaskParameters(loss: "focal", alpha: .disabled, gamma: 2))
        let base = LossParameters()
        #expect(document.parameters!.applied(to: base) == LossParameters(alpha: nil, gamma: 2, beta: 0.3, smooth: 1e-5))
    }

    @Test func multiclassBlocks() throws {
        let document = try MaskFixtures.document("multiclass-blocks.mask")
        #expect(document.classNames == ["background", "vessel", "tumor"])
        #expect(document.mode == .multiclass)
        #expect(document.truth.labels == [0, 0, 1, 1, 0, 1, 2, 2, 0, 0, 2, 2])
        let prediction = try #require(document.predictions.first)
        #expect(prediction.classes == 3 && prediction.kind == .logits)
        #expect(prediction.values.count == 36)
        #expect(Array(prediction.values[0..<4]) == [3, 3, 0, 0])  // background, row 0
        #expect(Array(prediction.values[12..<16]) == [0, 0, 2.5, 3])  // vessel, row 0
        #expect(Array(prediction.values[28..<32]) == [-1, 0, 1.5, 4])  // tumor, row 1
    }

    @Test func multiclassArgmaxWithConfidence() throws {
        let document = try MaskFixtures.document("multiclass-argmax.mask")
        #expect(document.truth[2, 1] == MaskDocument.ignoreLabel && document.truth[2, 4] == MaskDocument.ignoreLabel)
        let prediction = try #require(document.predictions.first)
        #expect(prediction.name == "argmax, 80% sure")
        #expect(prediction.kind == .probabilities && prediction.classes == 3)
        let plane = 15
        let rest = (1 - 0.8) / 2
        #expect(abs(rest - 0.1) < 1e-15)
        // Pixel (1, 3) is predicted 2: (0.1, 0.1, 0.8).
        let pixel = 1 * 5 + 3
        #expect([prediction.values[pixel], prediction.values[plane + pixel], prediction.values[2 * plane + pixel]] == [rest, rest, 0.8])
        // Pixel (0, 2) is predicted 1.
        #expect([prediction.values[2], prediction.values[plane + 2], prediction.values[2 * plane + 2]] == [rest, 0.8, rest])
        for pixel in 0..<plane {
            let sum = prediction.values[pixel] + prediction.values[plane + pixel] + prediction.values[2 * plane + pixel]
            #expect(abs(sum - 1) < 1e-12)
        }
    }

    @Test func binaryArgmaxGrid() throws {
        let text = "truth:\n  .#\n  ##\nprediction: argmax confidence=0.75\n  .#\n  #.\n"
        let prediction = try #require(try MaskReader.parse(text: text, path: "t.mask").predictions.first)
        #expect(prediction == MaskPrediction(kind: .probabilities, classes: 1, values: [0.25, 0.75, 0.75, 0.25]))
    }

    @Test func classCountWithoutClassesLine() throws {
        let binary = try MaskReader.parse(text: "truth:\n  01\n  .#\nprediction: probabilities\n  09\n  09\n", path: "t")
        #expect(binary.classNames == ["background", "foreground"])
        let allZero = try MaskReader.parse(text: "truth:\n  00\nprediction: probabilities\n  09\n", path: "t")
        #expect(allZero.classNames == ["background", "foreground"])
        let text = "truth:\n  03\nprediction[0]: logits\n  1 2\nprediction[1]: logits\n  1 2\nprediction[2]: logits\n  1 2\nprediction[3]: logits\n  1 2\n"
        let four = try MaskReader.parse(text: text, path: "t")
        #expect(four.classNames == ["0", "1", "2", "3"])
        #expect(four.truth.labels == [0, 3])
        #expect(four.predictions[0].values == [1, 2, 1, 2, 1, 2, 1, 2])
    }

    @Test func commentsBlankLinesAndSpacing() throws {
        let text = """
            \u{FEFF}# seglens mask v1
            # a comment line
            title: Case #3   
            classes: a b c     # three classes
            truth:# the ground truth
            \t0 1 2
            """
        // A space inside a truth row is an error, so fix the row and check the rest.
        let fixed = text.replacingOccurrences(of: "\t0 1 2", with: "\t012\r\n# comment between rows\n   210  ")
            + "\r\n\nprediction \"a \\\"b\\\" \\\\c\" [ b ] :probabilities #comment\n  0 0 0\n  0 0 0\n"
            + "prediction \"a \\\"b\\\" \\\\c\"[a]: probabilities\n  999\n  999\n"
            + "prediction \"a \\\"b\\\" \\\\c\"[c]: probabilities\n  0.0 .5 1.\n  1e-1 +0.5 1E0\n"
        let document = try MaskReader.parse(text: fixed, path: "t")
        #expect(document.title == "Case #3")
        #expect(document.classNames == ["a", "b", "c"])
        #expect(document.truth.labels == [0, 1, 2, 2, 1, 0])
        #expect(document.predictions.count == 1)
        #expect(document.predictions[0].name == "a \"b\" \\c")
        #expect(Array(document.predictions[0].values[12...]) == [0, 0.5, 1, 0.1, 0.5, 1])
        // "#" inside a word is not a comment.
        #expect(maskError("truth:\n  .#\nprediction: logits#x\n  0 0\n") ==
            "t.mask:3:13: unknown prediction kind \"logits#x\": use probabilities, logits or argmax confidence=c")
    }
}
