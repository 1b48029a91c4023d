import Testing
@testable import SegLensCore

@Suite struct PredictionEditsTests {
    static let inputs = [
        GeneratedInputs.binary(height: 8, width: 9, ignoring: 3),
        GeneratedInputs.multiclass(classes: 3, height: 8, width: 9, ignoring: 2),
    ]

    @Test func identityValuesAreExactIdentities() throws {
        let identity = PredictionEdits(
            shiftX: 0, shiftY: 0, dilate: 0, blur: 0, temperature: 1, noise: 0, noiseSeed: 99, harden: false)
        #expect(identity.isIdentity)
        for input in Self.inputs {
            let edited = try identity.applied(to: input)
            #expect(edited.logits.values == input.logits.values)
            for loss in Loss.catalogue(input.mode) {
                #expect(loss.evaluate(edited).value.bitPattern == loss.evaluate(input).value.bitPattern)
            }
        }
    }

    static let everyEdit: [PredictionEdits] = [
        PredictionEdits(shiftX: 2, shiftY: -1), PredictionEdits(dilate: 2), PredictionEdits(dilate: -1),
        PredictionEdits(blur: 1.3), PredictionEdits(temperature: 3), PredictionEdits(noise: 0.7, noiseSeed: 5),
        PredictionEdits(harden: true),
        PredictionEdits(shiftX: 1, dilate: 1, blur: 0.8, temperature: 0.5, noise: 0.2, harden: true),
    ]

    @Test(arguments: everyEdit)
    func everyEditKeepsShapeModeTruthAndIgnoredPixels(edits: PredictionEdits) throws {
        for input in Self.inputs {
            let edited = try edits.applied(to: input)
            #expect(edited.mode == input.mode)
            #expect(edited.logits.classes == input.logits.classes)
            #expect(edited.height == input.height && edited.width == input.width)
            #expect(edited.truth == input.truth)
            #expect(edited.keptPixels == input.keptPixels)
            #expect(edited.logits.values != input.logits.values)
        }
    }

    @Test func editsApplyInTheDocumentedOrder() {
        let logits = Self.inputs[1].logits
        let edits = PredictionEdits(shiftX: 1, dilate: 1, blur: 0.8, temperature: 0.5, noise: 0.2, noiseSeed: 3, harden: true)
        let (c, h, w) = (logits.classes, logits.height, logits.width)
        var values = ShiftEdit.shifted(logits.values, planes: c, height: h, width: w, dx: 1, dy: 0)
        values = MorphologyEdit.applied(to: Logits(classes: c, height: h, width: w, values: values), radius: 1, selectedClass: 1).values
        values = GaussianBlurEdit.blurred(values, planes: c, height: h, width: w, sigma: 0.8)
        values = values.map { $0 / 0.5 }
        values = GaussianNoiseEdit.noisy(values, sigma: 0.2, seed: 3)
        values = HardenEdit.hardened(values, classes: c, pixels: h * w)
        #expect(edits.applied(to: logits).values == values)
    }

    @Test func summaryNamesEachActiveEdit() {
        let edits = PredictionEdits(shiftX: 1, dilate: -2, blur: 1.5, temperature: 2, noise: 0.5, noiseSeed: 7, harden: true)
        #expect(edits.summary == ["shift 1,0", "erode 2", "blur 1.5", "T 2", "noise 0.5 (seed 7)", "harden"])
        #expect(edits.active == [.shiftX, .dilate, .blur, .temperature, .noise, .harden])
        #expect(PredictionEdits().summary.isEmpty)
    }
}
