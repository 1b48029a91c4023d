import Foundation
import Testing
@testable import SegLensFormats

/// Every message the `.mask` reader can produce, with its exact `file:line:col: message` text.
@Suite struct MaskFormatErrorTests {
    /// Lines joined with `\n`, ending with one.
    static func file(_ lines: String...) -> String { lines.joined(separator: "\n") + "\n" }

    /// A valid 2×3 binary truth and its prediction header, for cases that break one thing after them.
    static let truth = ["truth:", "  ..#", "  .##"]
    static func binary(_ lines: String...) -> String { file(Self.truth + lines) }
    static func file(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }
    static let multi = ["classes: background vessel tumor", "truth:", "  012", "  000"]
    static func multiclass(_ lines: String...) -> String { file(Self.multi + lines) }

    static let cases: [(String, String)] = [
        // Layout
        (file("# seglens mask v2", "truth:"),
         "t.mask:1:16: unsupported format version \"v2\": this seglens reads \"# seglens mask v1\""),
        (file("  ..#", "truth:"),
         "t.mask:1:3: indented line outside a block: only the rows of \"truth:\" and \"prediction:\" are indented"),
        (file("title: x", "  ..#"),
         "t.mask:2:3: indented line outside a block: only the rows of \"truth:\" and \"prediction:\" are indented"),
        (file("truth:", "  ..#", "", "  .##"),
         "t.mask:4:3: indented line after a blank line: a blank line ends a block"),
        (file("truth:", "..#"), "t.mask:2:1: grid rows must be indented by a space or tab"),
        (file("truth:", "3.#"), "t.mask:2:1: grid rows must be indented by a space or tab"),
        (file("truth:", "  ..#", ":x"), "t.mask:3:1: expected a key such as \"truth:\" at the start of the line"),
        (file("colors: red"),
         "t.mask:1:1: unknown key \"colors\": use title, note, classes, ignore, truth, prediction or params"),
        (file("Title: x"),
         "t.mask:1:1: unknown key \"Title\": use title, note, classes, ignore, truth, prediction or params"),
        (file("title x"), "t.mask:1:7: expected \":\" after the key"),
        (file("truth[a]:"), "t.mask:1:6: expected \":\" after the key"),
        (binary("prediction \"abc: logits"), "t.mask:4:12: unterminated prediction name: missing the closing \""),
        (binary("prediction \"\": logits"), "t.mask:4:12: empty prediction name"),
        (binary("prediction \"a\\b\": logits"), "t.mask:4:14: unknown escape in a prediction name: use \\\" or \\\\"),
        (binary("prediction[vessel: logits"), "t.mask:4:11: missing \"]\" after the class name"),
        (binary("prediction[ ]: logits"), "t.mask:4:11: empty class name in \"[]\""),
        // Header keys
        (file("title: a", "note: b", "title: c"), "t.mask:3:1: duplicate \"title:\" (first on line 1)"),
        (file("title:   "), "t.mask:1:7: \"title:\" needs a text"),
        (file("note:"), "t.mask:1:6: \"note:\" needs a text"),
        (file("classes: one   # a comment"), "t.mask:1:9: \"classes:\" needs 2 to 10 names, found 1"),
        (file("classes: a b c d e f g h i j k"), "t.mask:1:30: \"classes:\" needs 2 to 10 names, found 11"),
        (file("classes: a b]c"), "t.mask:1:13: class name \"b]c\" may hold only letters, digits and _ - . +"),
        (file("classes: a b a"), "t.mask:1:14: duplicate class name \"a\""),
        (file("ignore:   # nothing"), "t.mask:1:8: \"ignore:\" needs one glyph, e.g. \"ignore: ?\""),
        (file("ignore: ??"), "t.mask:1:9: the ignore glyph must be one character, found \"??\""),
        (file("ignore: 7"), "t.mask:1:9: \"7\" cannot mark ignored pixels: it is a class glyph"),
        (file("ignore: ."), "t.mask:1:9: \".\" cannot mark ignored pixels: it is a class glyph"),
        (file("ignore: ? x"), "t.mask:1:11: unexpected \"x\" after the ignore glyph"),
        // Truth
        (file("title: no truth", "prediction: logits", "  1"),
         "t.mask:1:1: missing \"truth:\": a .mask file needs a ground truth"),
        (file("truth: x", "  ..#"), "t.mask:1:8: unexpected \"x\" after \"truth:\""),
        (file("truth:", "prediction: logits"), "t.mask:1:1: \"truth:\" has no rows: indent each row by a space or tab"),
        (file("truth:", "  ..#.", "  .##"), "t.mask:3:6: truth row has 3 glyphs but the first row has 4"),
        (file("truth:", "  ..#", "  .##.."), "t.mask:3:6: truth row has 5 glyphs but the first row has 3"),
        (file("truth:", "  ..#", "  .x#"),
         "t.mask:3:4: unexpected \"x\" in the truth: use \".\", \"#\" or a digit 0–9 (declare a glyph for ignored pixels with \"ignore:\")"),
        (file("ignore: ?", "truth:", "  ..#", "  .x#"),
         "t.mask:4:4: unexpected \"x\" in the truth: use \".\", \"#\", a digit 0–9 or the ignore glyph \"?\""),
        (file("truth:", "  . #"),
         "t.mask:2:4: unexpected space in the truth: use \".\", \"#\" or a digit 0–9 (declare a glyph for ignored pixels with \"ignore:\")"),
        (file("classes: a b c", "truth:", "  0123"), "t.mask:3:6: class 3 is out of range: \"classes:\" names 3 classes (0–2)"),
        (file("classes: a b", "truth:", "  .#2"), "t.mask:3:5: class 2 is out of range: \"classes:\" names 2 classes (0–1)"),
        // Parameters
        // Presets (params N "name": …)
        (binary("params 10: loss=focal"), "t.mask:4:8: preset number \"10\" must be one digit 1–9 (the key that applies it)"),
        (binary("params 0: loss=focal"), "t.mask:4:8: preset number \"0\" must be one digit 1–9 (the key that applies it)"),
        (binary("params x: loss=focal"), "t.mask:4:8: preset number \"x\" must be one digit 1–9 (the key that applies it)"),
        (binary("params 2: loss=dice", "params 2: loss=focal"), "t.mask:5:8: duplicate preset 2 (first on line 4)"),
        (binary("params \"x\": loss=focal"),
         "t.mask:4:8: a preset needs its number 1–9 before the name, e.g. params 1 \"strong focus\": loss=focal gamma=5"),
        (binary("params 3 \"abc: loss=focal"), "t.mask:4:10: unterminated preset name: missing the closing \""),
        (binary("params 3 \"\": loss=focal"), "t.mask:4:10: empty preset name"),
        (binary("params 4 x: loss=dice"), "t.mask:4:10: expected \":\" after the key"),
        (binary("params 3:"), "t.mask:4:10: preset 3 needs settings, e.g. \"params 3: loss=focal gamma=2\""),
        (binary("params 3: gamma=2"), "t.mask:4:10: preset 3 needs loss=, the loss it selects (e.g. loss=focal)"),
        (binary("params 2: loss=dice gamma=2"), "t.mask:4:21: dice has no parameter \"gamma\" (it reads smooth)"),
        (binary("params 5: loss=lovasz-hinge smooth=1"),
         "t.mask:4:29: lovasz-hinge has no parameter \"smooth\" (it reads no parameters)"),
        (binary("params 2: loss=focal gamma=12"), "t.mask:4:28: gamma=12 is outside [0, 10] for focal"),
        (binary("params 2: loss=focal gamma=1 gamma=2"), "t.mask:4:30: duplicate parameter \"gamma\""),
        (binary("params:"), "t.mask:4:8: \"params:\" needs at least one setting, e.g. \"params: loss=focal gamma=2\""),
        (binary("params: focal"), "t.mask:4:9: expected key=value in \"params:\", found \"focal\""),
        (binary("params: delta=1"), "t.mask:4:9: unknown parameter \"delta\": use loss, alpha, gamma, beta, smooth, w0 or sigma"),
        (binary("params: gamma=1 gamma=2"), "t.mask:4:17: duplicate parameter \"gamma\""),
        (binary("params: gamma="), "t.mask:4:15: missing value after \"gamma=\""),
        (binary("params: gamma=two"), "t.mask:4:15: expected a number after \"gamma=\", found \"two\""),
        (binary("params: beta=none"), "t.mask:4:14: expected a number after \"beta=\", found \"none\""),
        (binary("params: loss=ce"),
         "t.mask:4:14: unknown binary loss \"ce\": use bce, weighted-bce, balanced-bce, border-bce, focal, dice, dice-squared, iou, tversky, focal-tversky, lovasz-hinge"),
        (multiclass("params: loss=bce"),
         "t.mask:5:14: unknown multiclass loss \"bce\": use ce, focal, dice, iou, tversky, lovasz-softmax"),
        (binary("params: loss=focal gamma=12"), "t.mask:4:26: gamma=12 is outside [0, 10] for focal"),
        (binary("params: alpha=1.5"), "t.mask:4:15: alpha=1.5 is outside [0, 1]"),
        (binary("params: beta=2000"), "t.mask:4:14: beta=2000 is outside [0, 1000]"),
        (binary("params: loss=tversky beta=2"), "t.mask:4:27: beta=2 is outside [0, 1] for tversky"),
        (binary("params: loss=weighted-bce beta=0"), "t.mask:4:32: beta=0 is outside [0.001, 1000] for weighted-bce"),
        // Predictions: presence, names, kinds
        (binary(), "t.mask:1:1: missing \"prediction:\": a .mask file needs at least one prediction"),
        (binary("prediction:"),
         "t.mask:4:12: expected the prediction kind after \":\": probabilities, logits or argmax confidence=c"),
        (binary("prediction: probs"),
         "t.mask:4:13: unknown prediction kind \"probs\": use probabilities, logits or argmax confidence=c"),
        (binary("prediction: logits now"), "t.mask:4:20: unexpected \"now\" after the prediction kind"),
        (binary("prediction: argmax"), "t.mask:4:13: argmax needs a confidence, e.g. \"argmax confidence=0.8\""),
        (binary("prediction: argmax 0.8"), "t.mask:4:20: expected confidence=c after argmax, found \"0.8\""),
        (binary("prediction: argmax confidence=high"), "t.mask:4:31: expected a number after \"confidence=\", found \"high\""),
        (binary("prediction: argmax confidence=0.5"), "t.mask:4:31: confidence 0.5 must be greater than 1/2 and at most 1"),
        (multiclass("prediction: argmax confidence=1.01"), "t.mask:5:31: confidence 1.01 must be greater than 1/3 and at most 1"),
        (binary("prediction: logits", "  0 0 0", "  0 0 0", "prediction: logits", "  0 0 0", "  0 0 0"),
         "t.mask:7:1: duplicate prediction \"prediction\" (first on line 4): name each one, e.g. prediction \"shifted\": logits"),
        (binary("prediction \"a\": logits", "  0 0 0", "  0 0 0", "prediction \"a\": logits", "  0 0 0", "  0 0 0"),
         "t.mask:7:1: duplicate prediction \"a\" (first on line 4)"),
        (binary("prediction[foreground]: logits", "  0 0 0", "  0 0 0"),
         "t.mask:4:12: a binary prediction is one block (of class 1): remove \"[foreground]\""),
        (multiclass("prediction[tumor]: argmax confidence=0.5", "  000", "  000"),
         "t.mask:5:12: an argmax grid holds every class: remove \"[tumor]\""),
        (multiclass("prediction: logits", "  0 0 0", "  0 0 0"),
         "t.mask:5:1: a 3-class prediction needs one block per class, e.g. \"prediction[vessel]: logits\", or an argmax grid"),
        (multiclass("prediction[vesel]: logits", "  0 0 0", "  0 0 0"),
         "t.mask:5:12: unknown class \"vesel\": the classes are background vessel tumor"),
        (multiclass("prediction[vessel]: logits", "  0 0 0", "  0 0 0", "prediction[vessel]: logits", "  0 0 0", "  0 0 0"),
         "t.mask:8:12: duplicate block for class \"vessel\" of prediction \"prediction\" (first on line 5)"),
        (multiclass("prediction \"p\"[vessel]: logits", "  0 0 0", "  0 0 0", "prediction \"p\"[tumor]: probabilities", "  0 0 0", "  0 0 0"),
         "t.mask:8:24: prediction \"p\" mixes logits and probabilities: its class blocks must all be logits"),
        (multiclass("prediction \"p\"[vessel]: logits", "  0 0 0", "  0 0 0", "prediction \"p\": argmax confidence=0.9", "  000", "  000"),
         "t.mask:8:1: duplicate prediction \"p\" (first on line 5)"),
        (multiclass("prediction \"p\"[vessel]: logits", "  0 0 0", "  0 0 0", "prediction \"p\"[tumor]: logits", "  0 0 0", "  0 0 0"),
         "t.mask:5:1: prediction \"p\" has no block for class \"background\""),
        // Prediction blocks: sizes and values
        (binary("prediction: probabilities", "  009"), "t.mask:4:1: prediction block has 1 row but the truth has 2"),
        (binary("prediction: logits"), "t.mask:4:1: prediction block has 0 rows but the truth has 2"),
        (binary("prediction: probabilities", "  009", "  099", "  999"), "t.mask:7:3: prediction block has 3 rows but the truth has 2"),
        (binary("prediction: probabilities", "  009", "  0999"), "t.mask:6:6: row has 4 digits but the truth is 3 pixels wide"),
        (binary("prediction: probabilities", "  009", "  09"), "t.mask:6:5: row has 2 digits but the truth is 3 pixels wide"),
        (binary("prediction: logits", "  0 0 0", "  0 0 0 0"), "t.mask:6:9: row has 4 numbers but the truth is 3 pixels wide"),
        (binary("prediction: logits", "  0 0 0", "  000"), "t.mask:6:6: row has 1 number but the truth is 3 pixels wide"),
        (binary("prediction: probabilities", "  0 0 0", "  0 1.5 1"), "t.mask:6:5: probability 1.5 is outside [0, 1]"),
        (binary("prediction: probabilities", "  0 -0.25 0", "  0 1 1"), "t.mask:5:5: probability -0.25 is outside [0, 1]"),
        (binary("prediction: logits", "  0 0.5x 0", "  0 0 0"), "t.mask:5:5: expected a number, found \"0.5x\""),
        (binary("prediction: logits", "  0 nan 0", "  0 0 0"), "t.mask:5:5: expected a number, found \"nan\""),
        (binary("prediction: logits", "  0 inf 0", "  0 0 0"), "t.mask:5:5: expected a number, found \"inf\""),
        (binary("prediction: logits", "  0 0x1p3 0", "  0 0 0"), "t.mask:5:5: expected a number, found \"0x1p3\""),
        (binary("prediction: logits", "  0 1e999 0", "  0 0 0"), "t.mask:5:5: number \"1e999\" is out of range"),
        (binary("prediction: probabilities", "  0 .# 0", "  0 0 0"), "t.mask:5:5: expected a number, found \".#\""),
        (binary("prediction: argmax confidence=0.9", "  ..#", "  .x#"),
         "t.mask:6:4: unexpected \"x\" in an argmax grid: use \".\", \"#\" or a digit 0–9"),
        (binary("prediction: argmax confidence=0.9", "  ..#", "  .2#"), "t.mask:6:4: class 2 is out of range for 2 classes (0–1)"),
        (binary("prediction: argmax confidence=0.9", "  ..#", "  .#"), "t.mask:6:5: row has 2 glyphs but the truth is 3 pixels wide"),
        (binary("prediction: argmax confidence=0.9", "  ..#"), "t.mask:4:1: prediction block has 1 row but the truth has 2"),
    ]

    @Test(arguments: cases)
    func message(text: String, expected: String) {
        #expect(maskError(text) == expected)
    }

    @Test func errorCarriesPositionAndKind() throws {
        let error = try #require(throws: FormatError.self) { try MaskReader.parse(text: "colors: red\n", path: "x.mask") }
        #expect(error.kind == .badData)
        #expect(error.path == "x.mask")
        #expect(error.position == .text(line: 1, column: 1))
    }

    @Test func columnsCountCharactersNotBytes() {
        // "γγ" is two characters but four bytes: the bad glyph is in column 5.
        #expect(maskError(Self.file("note: γγ", "truth:", "  γγ")) != nil)
        #expect(maskError(Self.file("ignore: γ", "truth:", "  γγx")) ==
            "t.mask:3:5: unexpected \"x\" in the truth: use \".\", \"#\", a digit 0–9 or the ignore glyph \"γ\"")
    }

    @Test func crlfLinesGiveTheSameColumns() {
        #expect(maskError("truth:\r\n  ..#.\r\n  .##\r\n") == "t.mask:3:6: truth row has 3 glyphs but the first row has 4")
    }

    @Test func truthOverTheSizeLimit() {
        let width = 1 << 13
        let row = "  " + String(repeating: ".", count: width) + "\n"
        let text = "truth:\n" + String(repeating: row, count: (1 << 13) + 1)
        #expect(maskError(text) == "t.mask:8194:3: the truth is larger than the limit of 2^26 = 67108864 pixels")
    }

    @Test func missingFile() {
        let error = try? MaskReader.read(path: "/nonexistent/none.mask")
        #expect(error == nil)
        let failure = try? #require(throws: FormatError.self) { try MaskReader.read(path: "/nonexistent/none.mask") }
        #expect(failure?.kind == .cannotOpen)
        #expect(failure?.description == "/nonexistent/none.mask: cannot open the file (No such file or directory)")
    }

    @Test func directoryIsNotAFile() {
        let path = NSTemporaryDirectory()
        let failure = try? #require(throws: FormatError.self) { try MaskReader.read(path: path) }
        #expect(failure?.kind == .cannotOpen)
        #expect(failure?.description == "\(path): cannot read a directory: give a regular file")
    }

    @Test func invalidUTF8IsReportedAtItsByte() throws {
        let path = NSTemporaryDirectory() + "seglens-mask-\(UUID().uuidString).mask"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes = Array("truth:\n  é".utf8)
        bytes.append(0xFF)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: FormatError(path: path, position: .byteOffset(11), message: "the file is not UTF-8 text")) {
            try MaskReader.read(path: path)
        }
        let error = try #require(throws: FormatError.self) { try MaskReader.read(path: path) }
        #expect(error.description == "\(path): byte 11: the file is not UTF-8 text")
    }
}
