import Foundation
import SegLensCore
import Testing
@testable import SegLensFormats

/// Writing a document and reading it back gives an equal document.
@Suite struct MaskFormatRoundTripTests {
    static func roundTrip(_ document: MaskDocument) throws -> MaskDocument {
        try MaskReader.parse(text: MaskWriter.write(document), path: "written.mask")
    }

    @Test(arguments: MaskFixtures.names)
    func fixturesSurviveARoundTrip(name: String) throws {
        let document = try MaskFixtures.document(name)
        #expect(try Self.roundTrip(document) == document)
    }

    @Test func presetsAreWrittenByNumberAndReadBack() throws {
        let text = """
            # seglens mask v1
            params: loss=focal alpha=none gamma=0
            params 3 "strong \\"focus\\"": loss=focal gamma=5   # a comment
            params 1:loss=tversky beta=0.7
            truth:
              ..#
            prediction: logits
              -1 0 1
            """
        let document = try MaskReader.parse(text: text, path: "p.mask")
        #expect(document.parameters == MaskParameters(loss: "focal", alpha: .disabled, gamma: 0))
        #expect(document.presets == [
            MaskPreset(number: 1, parameters: MaskParameters(loss: "tversky", beta: 0.7)),
            MaskPreset(number: 3, name: "strong \"focus\"", parameters: MaskParameters(loss: "focal", gamma: 5)),
        ])
        let written = MaskWriter.write(document)
        #expect(written.contains("params 1: loss=tversky beta=0.7\nparams 3 \"strong \\\"focus\\\"\": loss=focal gamma=5.0\n"))
        #expect(try Self.roundTrip(document) == document)
    }

    @Test func binaryProbabilitiesOfNinthsBecomeADigitGrid() throws {
        let document = MaskDocument(
            truth: LabelMap(height: 2, width: 3, labels: [0, 0, 1, 0, 1, 1]),
            predictions: [MaskPrediction(kind: .probabilities, classes: 1, values: [0, 1.0 / 9, 1, 3.0 / 9, 8.0 / 9, 1])]
        )
        let text = MaskWriter.write(document)
        #expect(text == "# seglens mask v1\n\ntruth:\n  ..#\n  .##\n\nprediction: probabilities\n  019\n  389\n")
        #expect(try Self.roundTrip(document) == document)
    }

    @Test func otherProbabilitiesAreWrittenAsNumbers() throws {
        let document = MaskDocument(
            title: "t", note: "n", ignoreGlyph: "~",
            truth: LabelMap(height: 1, width: 3, labels: [0, 255, 1]),
            predictions: [MaskPrediction(name: "p", kind: .probabilities, classes: 1, values: [0.1, 1.0 / 3, 1e-7])],
            parameters: MaskParameters(loss: "focal", alpha: .value(0.25), gamma: 2, beta: 0.3, smooth: 1e-5)
        )
        let text = MaskWriter.write(document)
        #expect(text == """
            # seglens mask v1
            title: t
            note: n
            ignore: ~
            params: loss=focal alpha=0.25 gamma=2.0 beta=0.3 smooth=1e-05

            truth:
              .~#

            prediction "p": probabilities
                             0.1 0.3333333333333333              1e-07

            """)
        #expect(try Self.roundTrip(document) == document)
    }

    @Test func oneByOneImages() throws {
        for values in [[1.0], [0.5], [1.0 / 9], [0.0]] {
            let document = MaskDocument(
                truth: LabelMap(height: 1, width: 1, labels: [1]),
                predictions: [MaskPrediction(kind: .probabilities, classes: 1, values: values)]
            )
            #expect(try Self.roundTrip(document) == document)
        }
        let logits = MaskDocument(
            truth: LabelMap(height: 1, width: 1, labels: [0]),
            predictions: [MaskPrediction(kind: .logits, classes: 1, values: [1])]
        )
        #expect(try Self.roundTrip(logits) == logits)
    }

    @Test func multiclassLogitsAndIgnoredPixels() throws {
        let document = MaskDocument(
            classNames: ["bg", "a", "b", "c"], ignoreGlyph: "?",
            truth: LabelMap(height: 2, width: 2, labels: [0, 255, 1, 2]),
            predictions: [
                MaskPrediction(name: "one", kind: .logits, classes: 4, values: (0..<16).map { Double($0) * -0.37 + 1e-300 }),
                MaskPrediction(name: "two", kind: .probabilities, classes: 4, values: (0..<16).map { Double($0 % 10) / 9 }),
            ],
            parameters: MaskParameters(loss: "ce")
        )
        let text = MaskWriter.write(document)
        #expect(text.contains("classes: bg a b c\nignore: ?\nparams: loss=ce\n\ntruth:\n  0?\n  12\n"))
        #expect(text.contains("prediction \"two\"[c]: probabilities\n  23\n  45\n"))
        #expect(try Self.roundTrip(document) == document)
    }

    @Test func writingToAPathAndReadingItBack() throws {
        let document = try MaskFixtures.document("multiclass-blocks.mask")
        let path = NSTemporaryDirectory() + "seglens-mask-\(UUID().uuidString).mask"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try MaskWriter.write(document, to: path, overwrite: .replace)
        #expect(try MaskReader.read(path: path) == document)
        #expect(throws: FormatError.self) { try MaskWriter.write(document, to: "/nonexistent/dir/x.mask", overwrite: .replace) }
    }

    @Test func lineBreaksInTextBecomeSpaces() throws {
        let document = MaskDocument(
            title: "two\nlines", note: "  padded  ",
            truth: LabelMap(height: 1, width: 1, labels: [0]),
            predictions: [MaskPrediction(name: "a\nb", kind: .logits, classes: 1, values: [0])]
        )
        let read = try Self.roundTrip(document)
        #expect(read.title == "two lines")
        #expect(read.note == "padded")
        #expect(read.predictions[0].name == "a b")
    }

    static let glyphs: [Character] = ["?", "x", "~", "γ", "*"]
    static let nameCharacters = Array("abcXYZ_-.+09éγ")
    static let predictionNameCharacters = Array("ab \"\\#:[]γ,%")

    static func randomDocument(_ rng: inout SplitMix64) -> MaskDocument {
        let classCount = Bool.random(using: &rng) ? 2 : Int.random(in: 3...10, using: &rng)
        let height = Int.random(in: 1...6, using: &rng)
        let width = Int.random(in: 1...7, using: &rng)
        let ignore: Character? = Bool.random(using: &rng) ? glyphs.randomElement(using: &rng)! : nil
        var names: [String]
        if classCount == 2, Bool.random(using: &rng) {
            names = MaskDocument.binaryClassNames
        } else {
            names = []
            while names.count < classCount {
                let name = String((0..<Int.random(in: 1...6, using: &rng)).map { _ in nameCharacters.randomElement(using: &rng)! })
                if !names.contains(name) { names.append(name) }
            }
        }
        let labels = (0..<(height * width)).map { _ -> Int32 in
            if ignore != nil, Int.random(in: 0..<5, using: &rng) == 0 { return MaskDocument.ignoreLabel }
            return Int32.random(in: 0..<Int32(classCount), using: &rng)
        }
        let channels = classCount == 2 ? 1 : classCount
        var predictions: [MaskPrediction] = []
        var predictionNames: Set<String> = []
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            var name = MaskPrediction.defaultName
            while predictionNames.contains(name) {
                name = String((0..<Int.random(in: 1...8, using: &rng)).map { _ in predictionNameCharacters.randomElement(using: &rng)! })
            }
            predictionNames.insert(name)
            let kind: PredictionKind = Bool.random(using: &rng) ? .logits : .probabilities
            let style = Int.random(in: 0..<3, using: &rng)
            let values = (0..<(channels * height * width)).map { _ -> Double in
                switch (kind, style) {
                case (.probabilities, 0): Double(Int.random(in: 0...9, using: &rng)) / 9
                case (.probabilities, 1): Double.random(in: 0...1, using: &rng)
                case (.probabilities, _): [0, 1, 1e-300, 0.5, 1 - 1e-16].randomElement(using: &rng)!
                case (.logits, 0): Double(Int.random(in: -20...20, using: &rng))
                case (.logits, 1): Double.random(in: -1e4...1e4, using: &rng)
                case (.logits, _): [Double.greatestFiniteMagnitude, -Double.leastNonzeroMagnitude, 1e-308, -0.0].randomElement(using: &rng)!
                }
            }
            predictions.append(MaskPrediction(name: name, kind: kind, classes: channels, values: values))
        }
        var parameters: MaskParameters?
        if Bool.random(using: &rng) {
            let mode: SegmentationMode = classCount == 2 ? .binary : .multiclass
            let loss = Loss.catalogue(mode).randomElement(using: &rng)!
            parameters = MaskParameters(
                loss: loss.name,
                alpha: Bool.random(using: &rng) ? .value(Double.random(in: 0...1, using: &rng)) : .disabled,
                gamma: Bool.random(using: &rng) ? Double.random(in: 0...10, using: &rng) : nil,
                beta: loss == .weightedBCE ? 2.5 : (Bool.random(using: &rng) ? 0.3 : nil),
                smooth: Bool.random(using: &rng) ? 1e-5 : nil
            )
        }
        return MaskDocument(
            title: Bool.random(using: &rng) ? "Title #\(Int.random(in: 0...99, using: &rng)) γ" : nil,
            note: Bool.random(using: &rng) ? "A note: # is text here." : nil,
            classNames: names, ignoreGlyph: ignore,
            truth: LabelMap(height: height, width: width, labels: labels),
            predictions: predictions, parameters: parameters
        )
    }

    @Test func randomDocumentsSurviveARoundTrip() throws {
        var rng = SplitMix64(seed: 0x5E6_1E45)
        for _ in 0..<300 {
            let document = Self.randomDocument(&rng)
            let text = MaskWriter.write(document)
            let read: MaskDocument
            do {
                read = try MaskReader.parse(text: text, path: "random.mask")
            } catch {
                Issue.record("\(error)\n\(text)")
                continue
            }
            #expect(read == document, "\(text)")
            #expect(MaskWriter.write(read) == text)
        }
    }
}
