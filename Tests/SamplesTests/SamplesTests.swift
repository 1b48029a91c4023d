import Foundation
import SegLensCore
import SegLensFormats
import Testing

/// Every `Samples/*.mask` file: valid, titled, annotated, small enough for three panels at 80×24.
@Suite struct SampleFileTests {
    @Test func thereAreAtLeastTenSamples() {
        #expect(Samples.names.count >= 10, "found \(Samples.names) in \(Samples.directory.path)")
    }

    @Test(arguments: Samples.names)
    func sampleIsValidAndFits(name: String) throws {
        #expect(name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*\.mask/) != nil, "\(name) is not kebab-case")
        let text = try Samples.text(name)
        #expect(text.hasPrefix("# seglens mask v1\n"))
        let document = try Samples.document(name)
        let title = try #require(document.title)
        let note = try #require(document.note)
        #expect(!title.isEmpty && title.count <= 60)
        #expect(!note.isEmpty && note.count <= 150, "note of \(name) has \(note.count) characters")
        #expect(document.truth.width <= 24 && document.truth.height <= 12)
        let lossName = try #require(document.parameters?.loss, "\(name) has no params: loss=")
        let loss = try #require(Loss.named(lossName, mode: document.mode))
        for prediction in document.predictions {
            let result = loss.evaluate(try document.lossInput(for: prediction), parameters: nil)
            #expect(result.value.isFinite)
        }
    }
}

/// One test per sample: the claim its note makes, checked numerically. Each test quotes the note.
@Suite struct SampleClaimTests {
    // "BCE is only 0.15 but Dice loss is 0.82: the background swamps the mean. Select γ (↑/↓), raise it (→):
    //  focal weight moves onto the object."
    @Test func smallObject() throws {
        let sample = try Sample("small-object.mask")
        let bce = try sample.evaluate("bce").value
        let dice = try sample.evaluate("dice").value
        #expect(abs(bce - 0.15) < 0.005)
        #expect(abs(dice - 0.82) < 0.005)
        let object = sample.pixels { $0 == 1 }
        // At the starting γ = 0 (α = none) every pixel weighs the same and the background holds most of the loss.
        let flat = try sample.evaluate("focal")
        #expect(flat.parameters.gamma == 0 && flat.parameters.alpha == nil)
        #expect(flat.weight.max()! == flat.weight.min()!)
        let flatLoss = try #require(flat.pixelLoss)
        #expect(flatLoss.sum(over: object) / flatLoss.total < 0.5)
        // At γ = 2 the largest weight is on the object, which now holds over 90% of the loss.
        let focused = try sample.evaluate("focal") { $0.gamma = 2 }
        #expect(object.contains(focused.weight.argmax))
        let focusedLoss = try #require(focused.pixelLoss)
        #expect(focusedLoss.sum(over: object) / focusedLoss.total > 0.9)
    }

    // "Every pixel is on the right side of 0.5 (Dice score 1), yet Dice loss is 0.25. Press m: the gradient is a
    //  ring on the blurry edge, 0 inside."
    @Test func blurryBlob() throws {
        let sample = try Sample("blurry-blob.mask")
        #expect(try sample.metrics().foreground.dice == 1)
        let dice = try sample.evaluate("dice")
        #expect(abs(dice.value - 0.25) < 0.005)
        let gradient = dice.gradientMagnitude
        let largest = gradient.max()!
        #expect(sample.edgePixels.contains(gradient.argmax))
        // The sure pixels (probability 1 inside the object, 0 far out) get practically no gradient.
        let input = try sample.input()
        for pixel in input.keptPixels where abs(input.logits.values[pixel]) > 10 {
            #expect(gradient[pixel] < 1e-5 * largest)
        }
    }

    // "Press p: shifting one-pixel-wide vessels by one pixel takes the Dice score from 1 to 0 and Dice loss to ≈1.
    //  Compare shifted-blob.mask."
    @Test func thinVessels() throws {
        let sample = try Sample("thin-vessels.mask")
        #expect(try sample.metrics("exact").foreground.dice == 1)
        #expect(try sample.evaluate("dice", prediction: "exact").value < 1e-5)
        #expect(try sample.metrics("shifted right by one pixel").foreground.dice == 0)
        #expect(try sample.evaluate("dice", prediction: "shifted right by one pixel").value > 0.999)
    }

    // "Press p: the same one-pixel shift that ruins thin-vessels.mask leaves this 6×6 blob a Dice score above 0.8."
    @Test func shiftedBlob() throws {
        let sample = try Sample("shifted-blob.mask")
        #expect(try sample.metrics("exact").foreground.dice == 1)
        let shifted = try sample.metrics("shifted right by one pixel").foreground.dice
        #expect(shifted > 0.8)
        #expect(abs(shifted - 0.83) < 0.005)  // Samples/README.md
        // The same shift as in thin-vessels.mask: one column to the right.
        let vessels = try Sample("thin-vessels.mask")
        #expect(vessels.document.predictions.map(\.name) == sample.document.predictions.map(\.name))
    }

    // "4 of 200 pixels, predicted 0 inside the object, hold over half the BCE. Raise γ to 2: focal cuts the other
    //  pixels' loss by 95%, not theirs."
    @Test func overconfidentMistake() throws {
        let sample = try Sample("overconfident-mistake.mask")
        let wrong = try sample.wrongPixels()
        #expect(wrong.count == 4 && sample.truth.pixelCount == 200)
        #expect(wrong.allSatisfy { sample.truth.labels[$0] == 1 })
        let bce = try #require(try sample.evaluate("bce").pixelLoss)
        #expect(bce.sum(over: wrong) / bce.total > 0.5)
        let focal = try #require(try sample.evaluate("focal") { $0.gamma = 2 }.pixelLoss)
        let right = Set(bce.indices).subtracting(wrong)
        #expect(focal.sum(over: right) / bce.sum(over: right) < 0.05 + 1e-9)
        #expect(focal.sum(over: wrong) / bce.sum(over: wrong) > 0.999)
    }

    // "The truth is empty: with s=1e-5 Dice loss is ≈1 for any stray probability. Raise s (→) to 1 and it falls
    //  below 0.4; BCE stays under 0.01."
    @Test func emptyTruth() throws {
        let sample = try Sample("empty-truth.mask")
        #expect(sample.truth.labels.allSatisfy { $0 == 0 })
        for prediction in sample.document.predictions.map(\.name) {
            let start = try sample.evaluate("dice", prediction: prediction)
            #expect(start.parameters.smooth == 1e-5)
            #expect(start.value > 0.999)
            #expect(try sample.evaluate("dice", prediction: prediction) { $0.smooth = 1 }.value < 0.4)
            #expect(try sample.evaluate("bce", prediction: prediction).value < 0.01)
        }
    }

    // "The prediction is the clean shape and 8 labels are flipped: they hold over 40% of BCE. Raise γ: focal puts
    //  over 95% of its loss on the noise."
    @Test func noisyLabels() throws {
        let sample = try Sample("noisy-labels.mask")
        let noise = try sample.wrongPixels()
        #expect(noise.count == 8)
        let bce = try #require(try sample.evaluate("bce").pixelLoss)
        #expect(bce.sum(over: noise) / bce.total > 0.4)
        let focal = try #require(try sample.evaluate("focal") { $0.gamma = 2 }.pixelLoss)
        #expect(focal.sum(over: noise) / focal.total > 0.95)
    }

    // "Only the ragged edge is wrong: over 90% of pixels are right, yet IoU is 0.79. Press m: the IoU-loss gradient
    //  is a ring, zero inside and far out."
    @Test func boundaryErrors() throws {
        let sample = try Sample("boundary-errors.mask")
        let edge = sample.edgePixels
        let wrong = try sample.wrongPixels()
        #expect(!wrong.isEmpty && wrong.isSubset(of: edge))
        let metrics = try sample.metrics()
        #expect(metrics.pixelAccuracy > 0.9)
        #expect(abs(metrics.foreground.iou - 0.79) < 0.005)
        let iou = try sample.evaluate("iou")
        let gradient = iou.gradientMagnitude
        let largest = gradient.max()!
        for pixel in gradient.indices where !edge.contains(pixel) {
            #expect(gradient[pixel] < 1e-5 * largest)
        }
    }

    // "? is void. p: the 2nd prediction differs only on void, so no loss moves; the 3rd misses the person and
    //  Lovász-softmax rises far more than CE."
    @Test func streetScene() throws {
        let sample = try Sample("street-scene.mask")
        #expect(sample.mode == .multiclass && sample.document.ignoreGlyph == "?")
        let names = sample.document.predictions.map(\.name)
        try #require(names.count == 3)
        let void = sample.pixels { $0 == MaskDocument.ignoreLabel }
        #expect(!void.isEmpty)
        // The 2nd prediction differs from the 1st exactly on void pixels…
        let first = sample.document.predictions[0].values, second = sample.document.predictions[1].values
        let plane = sample.truth.pixelCount
        let differing = Set(first.indices.filter { first[$0] != second[$0] }.map { $0 % plane })
        #expect(!differing.isEmpty && differing.isSubset(of: void))
        // …and no loss of the mode moves.
        for loss in Loss.catalogue(.multiclass) {
            let a = try sample.evaluate(loss.name, prediction: names[0]).value
            let b = try sample.evaluate(loss.name, prediction: names[1]).value
            #expect(a == b, "\(loss.name): \(a) vs \(b)")
        }
        // The 3rd misses the person: Lovász-softmax rises more than twice as much as CE.
        let ce = try sample.evaluate("ce", prediction: names[2]).value - sample.evaluate("ce", prediction: names[0]).value
        let lovasz = try sample.evaluate("lovasz-softmax", prediction: names[2]).value
            - sample.evaluate("lovasz-softmax", prediction: names[0]).value
        #expect(ce > 0 && lovasz > 2 * ce)
        let person = try #require(sample.document.classNames.firstIndex(of: "person"))
        #expect(try sample.metrics(names[2]).perClass[person].truePositive == 0)
    }

    // "Press p to compare. BCE ranks "hedging" (right everywhere, never sure) better; Dice ranks "bold" (sure, a
    //  few pixels wrong) better."
    @Test func oppositeRankings() throws {
        let sample = try Sample("opposite-rankings.mask")
        #expect(try sample.wrongPixels("hedging").isEmpty)
        #expect(try !sample.wrongPixels("bold").isEmpty)
        let bceHedging = try sample.evaluate("bce", prediction: "hedging").value
        let bceBold = try sample.evaluate("bce", prediction: "bold").value
        let diceHedging = try sample.evaluate("dice", prediction: "hedging").value
        let diceBold = try sample.evaluate("dice", prediction: "bold").value
        #expect(bceHedging + 0.1 < bceBold)
        #expect(diceBold + 0.1 < diceHedging)
        // The numbers Samples/README.md gives.
        #expect(try sample.wrongPixels("bold").count == 8)
        #expect(abs(bceHedging - 0.41) < 0.005 && abs(bceBold - 0.64) < 0.005)
        #expect(abs(diceHedging - 0.59) < 0.005 && abs(diceBold - 0.11) < 0.005)
    }

    // "At β=0.3 (FN×0.7, FP×0.3) "too small" has the higher loss; raise β to 0.7 (→) and "too big" does. Press p to
    //  compare."
    @Test func tverskyTradeoff() throws {
        let sample = try Sample("tversky-tradeoff.mask")
        let tooBig = try sample.metrics("too big").foreground, tooSmall = try sample.metrics("too small").foreground
        #expect(tooBig.falseNegative == 0 && tooBig.falsePositive == 32)  // Samples/README.md
        #expect(tooSmall.falsePositive == 0 && tooSmall.falseNegative == 24)
        let bigStart = try sample.evaluate("tversky", prediction: "too big")
        #expect(bigStart.parameters.beta == 0.3)
        #expect(bigStart.value + 0.1 < (try sample.evaluate("tversky", prediction: "too small").value))
        let big = try sample.evaluate("tversky", prediction: "too big") { $0.beta = 0.7 }.value
        let small = try sample.evaluate("tversky", prediction: "too small") { $0.beta = 0.7 }.value
        #expect(small + 0.05 < big)
    }

    // Its presets: 1 (β=0.3) ranks "too small" worse, 3 (β=0.7) "too big"; 2 (β=0.5) is Dice.
    @Test func tverskyTradeoffPresets() throws {
        let sample = try Sample("tversky-tradeoff.mask")
        let presets = sample.document.presets
        #expect(presets.map(\.number) == [1, 2, 3])
        func value(_ preset: Int, _ prediction: String, loss: String = "tversky") throws -> Double {
            let parameters = try #require(presets.first { $0.number == preset }).parameters
            #expect(parameters.loss == "tversky")
            return try sample.evaluate(loss, prediction: prediction) { $0 = parameters.applied(to: $0) }.value
        }
        #expect(try value(1, "too big") < value(1, "too small"))
        #expect(try value(3, "too small") < value(3, "too big"))
        for prediction in ["too big", "too small"] {
            // Equal up to where the smoothing s = 1e-5 sits: (TP+s)/(TP+½FP+½FN+s) against (2TP+s)/(2TP+FP+FN+s).
            #expect(abs(try value(2, prediction) - (try sample.evaluate("dice", prediction: prediction).value)) < 1e-6)
        }
    }
}

/// The sample compiled into the binary cannot drift from its file.
@Suite struct BuiltInSampleTests {
    @Test func textEqualsTheSampleFileByteForByte() throws {
        let fileName = try #require(BuiltInSample.name.split(separator: " ").last.map(String.init))
        #expect(BuiltInSample.name == "built-in: \(fileName)")
        let bytes = try Data(contentsOf: Samples.directory.appendingPathComponent(fileName))
        let same = BuiltInSample.text.utf8.elementsEqual(bytes)
        let builtInLines = BuiltInSample.text.split(separator: "\n", omittingEmptySubsequences: false)
        let fileLines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(builtInLines, fileLines).enumerated().first { !$0.element.0.utf8.elementsEqual($0.element.1.utf8) }
            .map { $0.offset + 1 } ?? min(builtInLines.count, fileLines.count) + 1
        #expect(same, "BuiltInSample.text differs from Samples/\(fileName) at line \(firstDifference): paste the file into Sources/SegLensFormats/BuiltInSample.swift")
    }

    @Test func parsesToTheSameDocumentAsTheFile() throws {
        let builtIn = try BuiltInSample.document()
        let fileName = String(BuiltInSample.name.split(separator: " ").last!)
        #expect(builtIn == (try Samples.document(fileName)))
        #expect(builtIn.title != nil && builtIn.note != nil)
    }

    // "m → weight: border-bce weighs the 1-pixel gap between the cells 12× the far background; the gap holds 10% of
    //  bce but 23% of border-bce."
    @Test func touchingCells() throws {
        let sample = try Sample("touching-cells.mask")
        let width = sample.truth.width
        // The gap as drawn: the background pixels of column 8 between the two cells, rows 2…7.
        let gap = Set((2...7).map { $0 * width + 8 })
        #expect(gap.allSatisfy { sample.truth.labels[$0] == 0 })
        let border = try sample.evaluate("border-bce")
        #expect(border.parameters.w0 == 10 && border.parameters.sigma == 5)
        // The ridge: the largest weight is in the gap, and the whole gap weighs over 12× the far (right) corners.
        #expect(gap.contains(border.weight.argmax))
        let far = border.weight[width - 1]
        #expect(border.weight[sample.truth.pixelCount - 1] == far)
        for pixel in gap { #expect(border.weight[pixel] > 12 * far) }
        let bce = try #require(try sample.evaluate("bce").pixelLoss)
        let weighted = try #require(border.pixelLoss)
        #expect(abs(bce.sum(over: gap) / bce.total - 0.10) < 0.005)
        #expect(abs(weighted.sum(over: gap) / weighted.total - 0.23) < 0.005)
    }

    // Its presets: 2 (w0=0) leaves the class weights only, so the gap weighs what the far background does; 3 (σ=2)
    // keeps a ridge in the gap but lets it fall off faster away from it; 4 is plain bce.
    @Test func touchingCellsPresets() throws {
        let sample = try Sample("touching-cells.mask")
        let width = sample.truth.width
        let gap = (2...7).map { $0 * width + 8 }
        let presets = Dictionary(uniqueKeysWithValues: sample.document.presets.map { ($0.number, $0.parameters) })
        #expect(presets.keys.sorted() == [1, 2, 3, 4])
        func result(_ number: Int) throws -> LossResult {
            let parameters = try #require(presets[number])
            return try sample.evaluate(try #require(parameters.loss)) { $0 = parameters.applied(to: $0) }
        }
        let unet = try result(1), flat = try result(2), narrow = try result(3)
        #expect(unet.parameters.w0 == 10 && unet.parameters.sigma == 5 && narrow.parameters.sigma == 2)
        let far = flat.weight[width - 1]
        for pixel in gap { #expect(flat.weight[pixel] == far) }
        // In the gap's rows 3…6 d1 = d2 = 1: the border term is w0·exp(−4/(2σ²)) = 9.23 at σ = 5, 6.07 at σ = 2.
        for pixel in gap.dropFirst().dropLast() {
            #expect(abs(unet.weight[pixel] - flat.weight[pixel] - 10 * exp(-4.0 / 50)) < 1e-9)
            #expect(abs(narrow.weight[pixel] - flat.weight[pixel] - 10 * exp(-4.0 / 8)) < 1e-9)
        }
        // Row 4, column 16: 2 pixels right of the right cell, 9 from the left one: 10·exp(−121/50) = 0.89 at σ = 5,
        // 10·exp(−121/8) ≈ 3e−6 at σ = 2.
        let outside = 4 * width + 16
        #expect(abs(unet.weight[outside] - flat.weight[outside] - 10 * exp(-121.0 / 50)) < 1e-9)
        #expect(narrow.weight[outside] - flat.weight[outside] < 1e-4)
        #expect(try result(4).value == (try sample.evaluate("bce").value))
    }
}
