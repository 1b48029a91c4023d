import SegLensCore

/// Gives meaning to the sections of a `.mask` file and checks it: the second half of ``MaskReader``.
struct MaskInterpreter {
    let path: String
    /// The file's bytes, which the rows of the sections point into.
    let bytes: [UInt8]

    func fail(_ line: Int, _ column: Int, _ message: String) -> FormatError {
        FormatError(path: path, position: .text(line: line, column: column), message: message)
    }

    func document(from sections: [MaskSection]) throws(FormatError) -> MaskDocument {
        var singles: [MaskSection.Key: MaskSection] = [:]
        var predictionSections: [MaskSection] = []
        var presetSections: [MaskSection] = []
        for section in sections {
            if section.key == .prediction {
                predictionSections.append(section)
            } else if section.presetNumber != nil {
                presetSections.append(section)
            } else if let first = singles[section.key] {
                throw fail(section.line, 1, "duplicate \"\(section.key.rawValue):\" (first on line \(first.line))")
            } else {
                singles[section.key] = section
            }
        }
        var title: String?
        if let section = singles[.title] { title = try freeText(section) }
        var note: String?
        if let section = singles[.note] { note = try freeText(section) }
        var declaredNames: [String]?
        if let section = singles[.classes] { declaredNames = try classNames(section) }
        var ignore: Character?
        if let section = singles[.ignore] { ignore = try ignoreGlyph(section) }
        guard let truthSection = singles[.truth] else {
            throw fail(1, 1, "missing \"truth:\": a .mask file needs a ground truth")
        }
        let truth = try readTruth(truthSection, classCount: declaredNames?.count, ignore: ignore)
        let names = declaredNames ?? MaskInterpreter.defaultNames(truth)
        let mode: SegmentationMode = names.count == 2 ? .binary : .multiclass
        var parameters: MaskParameters?
        if let section = singles[.params] { parameters = try readParameters(section, mode: mode) }
        let presets = try readPresets(presetSections, mode: mode)
        guard !predictionSections.isEmpty else {
            throw fail(1, 1, "missing \"prediction:\": a .mask file needs at least one prediction")
        }
        let predictions = try readPredictions(predictionSections, truth: truth, names: names)
        return MaskDocument(
            title: title, note: note, classNames: names, ignoreGlyph: ignore, truth: truth,
            predictions: predictions, parameters: parameters, presets: presets
        )
    }

    /// Without `classes:`: binary when every label is 0 or 1, else as many classes as the largest digit + 1.
    static func defaultNames(_ truth: LabelMap) -> [String] {
        let largest = truth.labels.lazy.filter { $0 != MaskDocument.ignoreLabel }.max() ?? 0
        return largest <= 1 ? MaskDocument.binaryClassNames : (0...Int(largest)).map(String.init)
    }

    // MARK: - Header keys

    private func freeText(_ section: MaskSection) throws(FormatError) -> String {
        guard !section.text.isEmpty else {
            throw fail(section.line, section.valueColumn, "\"\(section.key.rawValue):\" needs a text")
        }
        return section.text
    }

    private func classNames(_ section: MaskSection) throws(FormatError) -> [String] {
        let tokens = section.tokens
        guard tokens.count >= 2, tokens.count <= MaskDocument.maximumClasses else {
            let column = tokens.count > MaskDocument.maximumClasses ? tokens[MaskDocument.maximumClasses].column : section.valueColumn
            throw fail(section.line, column, "\"classes:\" needs 2 to 10 names, found \(tokens.count)")
        }
        var names: [String] = []
        for token in tokens {
            if let bad = token.text.firstIndex(where: { !MaskInterpreter.isNameCharacter($0) }) {
                throw fail(
                    section.line, token.column + token.text.distance(from: token.text.startIndex, to: bad),
                    "class name \"\(token.text)\" may hold only letters, digits and _ - . +"
                )
            }
            guard !names.contains(token.text) else {
                throw fail(section.line, token.column, "duplicate class name \"\(token.text)\"")
            }
            names.append(token.text)
        }
        return names
    }

    static func isNameCharacter(_ char: Character) -> Bool {
        char.isLetter || char.isNumber || char == "_" || char == "-" || char == "." || char == "+"
    }

    private func ignoreGlyph(_ section: MaskSection) throws(FormatError) -> Character {
        guard let token = section.tokens.first else {
            throw fail(section.line, section.valueColumn, "\"ignore:\" needs one glyph, e.g. \"ignore: ?\"")
        }
        guard token.text.count == 1, let glyph = token.text.first else {
            throw fail(section.line, token.column, "the ignore glyph must be one character, found \"\(token.text)\"")
        }
        guard glyph != ".", glyph != "#", glyph.maskDigit == nil, glyph != "\"" else {
            throw fail(section.line, token.column, "\"\(glyph)\" cannot mark ignored pixels: it is a class glyph")
        }
        if section.tokens.count > 1 {
            let extra = section.tokens[1]
            throw fail(section.line, extra.column, "unexpected \"\(extra.text)\" after the ignore glyph")
        }
        return glyph
    }

    // MARK: - Truth

    private func readTruth(_ section: MaskSection, classCount: Int?, ignore: Character?) throws(FormatError) -> LabelMap {
        if let extra = section.tokens.first {
            throw fail(section.line, extra.column, "unexpected \"\(extra.text)\" after \"truth:\"")
        }
        guard let firstRow = section.rows.first else {
            throw fail(section.line, 1, "\"truth:\" has no rows: indent each row by a space or tab")
        }
        let width = glyphCount(firstRow)
        var labels: [Int32] = []
        labels.reserveCapacity(min(width * section.rows.count, MaskDocument.maximumPixels))
        let table = MaskInterpreter.truthTable(classCount: classCount, ignore: ignore)
        for row in section.rows {
            let count = glyphCount(row)
            guard count == width else {
                throw fail(row.line, row.column + min(count, width), "truth row has \(count) glyphs but the first row has \(width)")
            }
            guard labels.count + width <= MaskDocument.maximumPixels else {
                throw fail(row.line, row.column, "the truth is larger than the limit of 2^26 = \(MaskDocument.maximumPixels) pixels")
            }
            if row.isASCII, appendLabels(of: row, table: table, to: &labels) { continue }
            try appendTruthCharacters(of: row, classCount: classCount, ignore: ignore, to: &labels)
        }
        return LabelMap(height: section.rows.count, width: width, labels: labels)
    }

    /// Label of each byte as a truth glyph: the class of `.`, `#` and the digits below `classCount`, the ignore
    /// label of an ASCII ignore glyph; −1 for any other byte.
    private static func truthTable(classCount: Int?, ignore: Character?) -> [Int32] {
        var table = [Int32](repeating: -1, count: 256)
        for byte in UInt8(0)...UInt8(127) {
            guard let label = Character(UnicodeScalar(byte)).maskClass else { continue }
            if let classCount, label >= classCount { continue }
            table[Int(byte)] = Int32(label)
        }
        if let ascii = ignore?.asciiValue { table[Int(ascii)] = MaskDocument.ignoreLabel }
        return table
    }

    /// Appends the labels of an ASCII row by `table`; false (and nothing appended) when a byte is not a glyph of
    /// this truth, which ``appendTruthCharacters(of:classCount:ignore:to:)`` then reports.
    private func appendLabels(of row: MaskSection.Row, table: [Int32], to labels: inout [Int32]) -> Bool {
        let before = labels.count
        let complete = bytes.withUnsafeBufferPointer { input in
            table.withUnsafeBufferPointer { table in
                for index in row.bytes {
                    let label = table[Int(input[index])]
                    guard label >= 0 else { return false }
                    labels.append(label)
                }
                return true
            }
        }
        if !complete { labels.removeSubrange(before...) }
        return complete
    }

    /// Appends the labels of a truth row read by characters, or throws at its first character that is no glyph.
    private func appendTruthCharacters(of row: MaskSection.Row, classCount: Int?, ignore: Character?, to labels: inout [Int32]) throws(FormatError) {
        var column = row.column
        for char in text(row) {
            let label: Int32
            if let glyphClass = char.maskClass {
                label = Int32(glyphClass)
            } else if char == ignore {
                label = MaskDocument.ignoreLabel
            } else {
                let allowed = ignore.map { "\".\", \"#\", a digit 0–9 or the ignore glyph \"\($0)\"" }
                    ?? "\".\", \"#\" or a digit 0–9 (declare a glyph for ignored pixels with \"ignore:\")"
                throw fail(row.line, column, "unexpected \(MaskInterpreter.describe(char)) in the truth: use \(allowed)")
            }
            if let classCount, label != MaskDocument.ignoreLabel, Int(label) >= classCount {
                throw fail(
                    row.line, column,
                    "class \(label) is out of range: \"classes:\" names \(classCount) classes (0–\(classCount - 1))"
                )
            }
            labels.append(label)
            column += 1
        }
    }

    /// The content of a row as text: for rows with non-ASCII characters, and for messages.
    private func text(_ row: MaskSection.Row) -> Substring {
        MaskLexer.text(bytes, row.bytes)[...]
    }

    /// The number of characters of a row (its bytes when ASCII).
    private func glyphCount(_ row: MaskSection.Row) -> Int {
        row.isASCII ? row.bytes.count : text(row).count
    }

    static func describe(_ char: Character) -> String {
        switch char {
        case " ": "space"
        case "\t": "tab"
        default: "\"\(char)\""
        }
    }

    // MARK: - Parameters

    private static let parameterKeys = ["loss", "alpha", "gamma", "beta", "smooth", "w0", "sigma"]

    private func readParameters(_ section: MaskSection, mode: SegmentationMode) throws(FormatError) -> MaskParameters {
        guard !section.tokens.isEmpty else {
            throw fail(section.line, section.valueColumn, "\"params:\" needs at least one setting, e.g. \"params: loss=focal gamma=2\"")
        }
        var result = MaskParameters()
        var seen: Set<String> = []
        var numbers: [(parameter: LossParameter, value: Double, text: String, column: Int)] = []
        var loss: Loss?
        for token in section.tokens {
            guard let equals = token.text.firstIndex(of: "=") else {
                throw fail(section.line, token.column, "expected key=value in \"params:\", found \"\(token.text)\"")
            }
            let key = String(token.text[..<equals])
            let value = String(token.text[token.text.index(after: equals)...])
            let valueColumn = token.column + key.count + 1
            guard MaskInterpreter.parameterKeys.contains(key) else {
                throw fail(section.line, token.column, "unknown parameter \"\(key)\": use loss, alpha, gamma, beta, smooth, w0 or sigma")
            }
            guard seen.insert(key).inserted else {
                throw fail(section.line, token.column, "duplicate parameter \"\(key)\"")
            }
            guard !value.isEmpty else { throw fail(section.line, valueColumn, "missing value after \"\(key)=\"") }
            if key == "loss" {
                guard let named = Loss.named(value, mode: mode) else {
                    let names = Loss.catalogue(mode).map(\.name).joined(separator: ", ")
                    throw fail(section.line, valueColumn, "unknown \(mode.rawValue) loss \"\(value)\": use \(names)")
                }
                loss = named
                result.loss = value
                continue
            }
            let parameter = LossParameter(rawValue: key)!
            if parameter == .alpha, value == "none" {
                result.alpha = .disabled
                continue
            }
            guard let number = MaskInterpreter.number(value) else {
                throw fail(section.line, valueColumn, "expected a number after \"\(key)=\", found \"\(value)\"")
            }
            switch parameter {
            case .alpha: result.alpha = .value(number)
            case .gamma: result.gamma = number
            case .beta: result.beta = number
            case .smooth: result.smooth = number
            case .w0: result.w0 = number
            case .sigma: result.sigma = number
            }
            numbers.append((parameter, number, value, valueColumn))
        }
        for item in numbers {
            let range: ClosedRange<Double>
            var owner = ""
            if let loss, loss.parameters.contains(item.parameter) {
                range = loss.range(of: item.parameter)
                owner = " for \(loss.name)"
            } else {
                let ranges = Loss.catalogue(mode).filter { $0.parameters.contains(item.parameter) }.map { $0.range(of: item.parameter) }
                range = (ranges.map(\.lowerBound).min() ?? 0)...(ranges.map(\.upperBound).max() ?? 1)
            }
            guard range.contains(item.value) else {
                throw fail(
                    section.line, item.column,
                    "\(item.parameter.rawValue)=\(item.text) is outside [\(MaskInterpreter.format(range.lowerBound)), \(MaskInterpreter.format(range.upperBound))]\(owner)"
                )
            }
        }
        return result
    }

    /// The `params N "name": …` lines: N a digit 1–9, each at most once, `loss=` required, and only parameters that
    /// loss reads (in its range).
    private func readPresets(_ sections: [MaskSection], mode: SegmentationMode) throws(FormatError) -> [MaskPreset] {
        var presets: [MaskPreset] = []
        var lines: [Int: Int] = [:]
        for section in sections {
            let word = section.presetNumber!
            guard word.text.count == 1, let number = word.text.first?.maskDigit, number >= 1 else {
                throw fail(section.line, word.column, "preset number \"\(word.text)\" must be one digit 1–9 (the key that applies it)")
            }
            if let first = lines[number] {
                throw fail(section.line, word.column, "duplicate preset \(number) (first on line \(first))")
            }
            lines[number] = section.line
            guard !section.tokens.isEmpty else {
                throw fail(section.line, section.valueColumn, "preset \(number) needs settings, e.g. \"params \(number): loss=focal gamma=2\"")
            }
            let parameters = try readParameters(section, mode: mode)
            guard let lossName = parameters.loss, let loss = Loss.named(lossName, mode: mode) else {
                throw fail(section.line, section.valueColumn, "preset \(number) needs loss=, the loss it selects (e.g. loss=focal)")
            }
            for token in section.tokens {
                let key = String(token.text.prefix { $0 != "=" })
                if let parameter = LossParameter(rawValue: key), !loss.parameters.contains(parameter) {
                    let reads = loss.parameters.isEmpty ? "no parameters" : loss.parameters.map(\.rawValue).joined(separator: ", ")
                    throw fail(section.line, token.column, "\(loss.name) has no parameter \"\(key)\" (it reads \(reads))")
                }
            }
            presets.append(MaskPreset(number: number, name: section.presetName?.text, parameters: parameters))
        }
        return presets.sorted { $0.number < $1.number }
    }

    /// Short form of a range bound: `1000`, `0.001`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }

    /// A finite decimal number: `[+-]digits[.digits][(e|E)[+-]digits]` or `[+-].digits…`; nothing else
    /// (no `inf`, `nan`, hexadecimal or spaces). `nil` when `text` is not one, or overflows.
    static func number(_ text: some StringProtocol) -> Double? {
        var bytes = text.utf8.makeIterator()
        var state = 0  // 0 start, 1 after sign, 2 int digits, 3 after point (no digits yet), 4 fraction digits, 5 after e, 6 after e sign, 7 exponent digits
        var sawMantissaDigit = false
        while let byte = bytes.next() {
            let isDigit = byte >= 48 && byte <= 57
            switch (state, byte) {
            case (0, 43), (0, 45): state = 1
            case (0, _) where isDigit, (1, _) where isDigit, (2, _) where isDigit: state = 2; sawMantissaDigit = true
            case (0, 46), (1, 46), (2, 46): state = 3
            case (3, _) where isDigit, (4, _) where isDigit: state = 4; sawMantissaDigit = true
            case (2, 101), (2, 69), (3, 101), (3, 69), (4, 101), (4, 69): guard sawMantissaDigit else { return nil }; state = 5
            case (5, 43), (5, 45): state = 6
            case (5, _) where isDigit, (6, _) where isDigit, (7, _) where isDigit: state = 7
            default: return nil
            }
        }
        guard sawMantissaDigit, state == 2 || state == 3 || state == 4 || state == 7 else { return nil }
        guard let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }

    // MARK: - Predictions

    private enum Form {
        case values(PredictionKind)
        case argmax(confidence: Double)
    }

    private struct Group {
        var name: String
        var line: Int
        var kind: PredictionKind
        var complete: Bool
        /// Per class: the line of its block, for multi-class per-class blocks.
        var blockLines: [Int?]
        var values: [Double]
    }

    private func readPredictions(_ sections: [MaskSection], truth: LabelMap, names: [String]) throws(FormatError) -> [MaskPrediction] {
        let classCount = names.count
        let plane = truth.pixelCount
        let channels = classCount == 2 ? 1 : classCount
        var groups: [Group] = []
        var groupIndex: [String: Int] = [:]
        for section in sections {
            let name = section.predictionName?.text ?? MaskPrediction.defaultName
            let form = try predictionForm(section, classCount: classCount)
            if let existing = groupIndex[name], groups[existing].complete || section.className == nil {
                let hint = section.predictionName == nil ? ": name each one, e.g. prediction \"shifted\": logits" : ""
                throw fail(section.line, 1, "duplicate prediction \"\(name)\" (first on line \(groups[existing].line))\(hint)")
            }
            switch (section.className, form) {
            case let (className?, _) where channels == 1:
                throw fail(
                    section.line, className.column,
                    "a binary prediction is one block (of class 1): remove \"[\(className.text)]\""
                )
            case let (className?, .argmax):
                throw fail(section.line, className.column, "an argmax grid holds every class: remove \"[\(className.text)]\"")
            case let (nil, .argmax(confidence)):
                let labels = try argmaxLabels(section, truth: truth, classCount: classCount)
                var values = [Double](repeating: 0, count: channels * plane)
                if channels == 1 {
                    for (pixel, label) in labels.enumerated() { values[pixel] = label == 1 ? confidence : 1 - confidence }
                } else {
                    let rest = (1 - confidence) / Double(classCount - 1)
                    for (pixel, label) in labels.enumerated() {
                        for channel in 0..<channels { values[channel * plane + pixel] = channel == Int(label) ? confidence : rest }
                    }
                }
                groupIndex[name] = groups.count
                groups.append(Group(name: name, line: section.line, kind: .probabilities, complete: true, blockLines: [], values: values))
            case let (nil, .values(kind)):
                guard channels == 1 else {
                    throw fail(
                        section.line, 1,
                        "a \(classCount)-class prediction needs one block per class, e.g. \"prediction[\(names[1])]: logits\", or an argmax grid"
                    )
                }
                let values = try readBlock(section, kind: kind, truth: truth)
                groupIndex[name] = groups.count
                groups.append(Group(name: name, line: section.line, kind: kind, complete: true, blockLines: [], values: values))
            case let (className?, .values(kind)):
                guard let channel = names.firstIndex(of: className.text) else {
                    throw fail(
                        section.line, className.column,
                        "unknown class \"\(className.text)\": the classes are \(names.joined(separator: " "))"
                    )
                }
                let index: Int
                if let existing = groupIndex[name] {
                    index = existing
                    if let first = groups[index].blockLines[channel] {
                        throw fail(
                            section.line, className.column,
                            "duplicate block for class \"\(className.text)\" of prediction \"\(name)\" (first on line \(first))"
                        )
                    }
                    guard groups[index].kind == kind else {
                        throw fail(
                            section.line, section.tokens[0].column,
                            "prediction \"\(name)\" mixes logits and probabilities: its class blocks must all be \(groups[index].kind.rawValue)"
                        )
                    }
                } else {
                    index = groups.count
                    groupIndex[name] = index
                    groups.append(Group(
                        name: name, line: section.line, kind: kind, complete: false,
                        blockLines: Array(repeating: nil, count: channels), values: Array(repeating: 0, count: channels * plane)
                    ))
                }
                let values = try readBlock(section, kind: kind, truth: truth)
                groups[index].values.replaceSubrange((channel * plane)..<((channel + 1) * plane), with: values)
                groups[index].blockLines[channel] = section.line
            }
        }
        for group in groups where !group.complete {
            if let missing = group.blockLines.firstIndex(where: { $0 == nil }) {
                throw fail(group.line, 1, "prediction \"\(group.name)\" has no block for class \"\(names[missing])\"")
            }
        }
        return groups.map { MaskPrediction(name: $0.name, kind: $0.kind, classes: channels, values: $0.values) }
    }

    private func predictionForm(_ section: MaskSection, classCount: Int) throws(FormatError) -> Form {
        let kinds = "probabilities, logits or argmax confidence=c"
        guard let first = section.tokens.first else {
            throw fail(section.line, section.valueColumn, "expected the prediction kind after \":\": \(kinds)")
        }
        var used = 1
        let form: Form
        switch first.text {
        case "logits": form = .values(.logits)
        case "probabilities": form = .values(.probabilities)
        case "argmax":
            guard section.tokens.count > 1 else {
                throw fail(section.line, first.column, "argmax needs a confidence, e.g. \"argmax confidence=0.8\"")
            }
            let token = section.tokens[1]
            let prefix = "confidence="
            guard token.text.hasPrefix(prefix) else {
                throw fail(section.line, token.column, "expected confidence=c after argmax, found \"\(token.text)\"")
            }
            let text = token.text.dropFirst(prefix.count)
            guard let confidence = MaskInterpreter.number(text) else {
                throw fail(section.line, token.column + prefix.count, "expected a number after \"confidence=\", found \"\(text)\"")
            }
            guard confidence * Double(classCount) > 1, confidence <= 1 else {
                throw fail(
                    section.line, token.column + prefix.count,
                    "confidence \(text) must be greater than 1/\(classCount) and at most 1"
                )
            }
            form = .argmax(confidence: confidence)
            used = 2
        default:
            throw fail(section.line, first.column, "unknown prediction kind \"\(first.text)\": use \(kinds)")
        }
        if section.tokens.count > used {
            let extra = section.tokens[used]
            throw fail(section.line, extra.column, "unexpected \"\(extra.text)\" after the prediction kind")
        }
        return form
    }

    /// Checks the row count of a prediction block as its rows are read: the extra row, or the key line when short.
    private func checkRowCount(_ section: MaskSection, truth: LabelMap) throws(FormatError) {
        let count = section.rows.count
        guard count != truth.height else { return }
        let message = "prediction block has \(count) row\(count == 1 ? "" : "s") but the truth has \(truth.height)"
        if count > truth.height {
            let extra = section.rows[truth.height]
            throw fail(extra.line, extra.column, message)
        }
        throw fail(section.line, 1, message)
    }

    /// The class of each pixel of an argmax grid.
    private func argmaxLabels(_ section: MaskSection, truth: LabelMap, classCount: Int) throws(FormatError) -> [UInt8] {
        var labels: [UInt8] = []
        labels.reserveCapacity(truth.pixelCount)
        var table = [UInt8](repeating: .max, count: 256)
        for byte in UInt8(0)...UInt8(127) {
            if let label = Character(UnicodeScalar(byte)).maskClass, label < classCount { table[Int(byte)] = UInt8(label) }
        }
        for (index, row) in section.rows.enumerated() {
            if index == truth.height { try checkRowCount(section, truth: truth) }
            try checkWidth(row, count: glyphCount(row), noun: "glyph", truth: truth)
            if row.isASCII {
                let before = labels.count
                let complete = bytes.withUnsafeBufferPointer { input in
                    for index in row.bytes {
                        let label = table[Int(input[index])]
                        guard label != .max else { return false }
                        labels.append(label)
                    }
                    return true
                }
                if complete { continue }
                labels.removeSubrange(before...)
            }
            var column = row.column
            for char in text(row) {
                guard let label = char.maskClass else {
                    throw fail(row.line, column, "unexpected \(MaskInterpreter.describe(char)) in an argmax grid: use \".\", \"#\" or a digit 0–9")
                }
                guard label < classCount else {
                    throw fail(row.line, column, "class \(label) is out of range for \(classCount) classes (0–\(classCount - 1))")
                }
                labels.append(UInt8(label))
                column += 1
            }
        }
        try checkRowCount(section, truth: truth)
        return labels
    }

    private func checkWidth(_ row: MaskSection.Row, count: Int, noun: String, truth: LabelMap, extraColumn: Int? = nil) throws(FormatError) {
        guard count != truth.width else { return }
        let column = count > truth.width ? (extraColumn ?? row.column + truth.width) : row.column + glyphCount(row)
        throw fail(
            row.line, column,
            "row has \(count) \(noun)\(count == 1 ? "" : "s") but the truth is \(truth.width) pixel\(truth.width == 1 ? "" : "s") wide"
        )
    }

    /// The probability `d/9` of each digit byte `d`.
    private static let digitProbabilities = (0...9).map { Double($0) / 9 }

    /// True when every byte of an ASCII row is a digit.
    private func isDigitRow(_ row: MaskSection.Row) -> Bool {
        row.isASCII && bytes.withUnsafeBufferPointer { input in row.bytes.allSatisfy { input[$0] &- 48 < 10 } }
    }

    /// A probabilities or logits block: a digit grid (probabilities only, every row only digits) or numeric rows.
    private func readBlock(_ section: MaskSection, kind: PredictionKind, truth: LabelMap) throws(FormatError) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(truth.pixelCount)
        let digitGrid = kind == .probabilities && !section.rows.isEmpty && section.rows.allSatisfy(isDigitRow)
        for (index, row) in section.rows.enumerated() {
            if index == truth.height { try checkRowCount(section, truth: truth) }
            if digitGrid {
                try checkWidth(row, count: row.bytes.count, noun: "digit", truth: truth)
                bytes.withUnsafeBufferPointer { input in
                    MaskInterpreter.digitProbabilities.withUnsafeBufferPointer { probability in
                        for index in row.bytes { values.append(probability[Int(input[index] &- 48)]) }
                    }
                }
                continue
            }
            // Every word must be a number (and a probability in [0, 1]) before the count of words is checked.
            var count = 0
            var extraColumn: Int?
            try forEachWord(of: row) { (word, column) throws(FormatError) in
                guard let value = MaskInterpreter.number(word) else {
                    let looksNumeric = word.allSatisfy { "+-.eE0123456789".contains($0) }
                    let message = looksNumeric && MaskInterpreter.isDecimalOverflow(word)
                        ? "number \"\(word)\" is out of range" : "expected a number, found \"\(word)\""
                    throw fail(row.line, column, message)
                }
                if kind == .probabilities, !(value >= 0 && value <= 1) {
                    throw fail(row.line, column, "probability \(word) is outside [0, 1]")
                }
                if count == truth.width { extraColumn = column }
                count += 1
                values.append(value)
            }
            try checkWidth(row, count: count, noun: "number", truth: truth, extraColumn: extraColumn)
        }
        try checkRowCount(section, truth: truth)
        return values
    }

    /// Calls `body` with each word of a numeric row (separated by spaces and tabs) and the column of its first
    /// character; words of ASCII rows are cut from the bytes.
    private func forEachWord(
        of row: MaskSection.Row, _ body: (Substring, Int) throws(FormatError) -> Void
    ) throws(FormatError) {
        if row.isASCII {
            var index = row.bytes.lowerBound
            while index < row.bytes.upperBound {
                let start = index
                while index < row.bytes.upperBound, bytes[index] != 32, bytes[index] != 9 { index += 1 }
                try body(MaskLexer.text(bytes, start..<index)[...], row.column + start - row.bytes.lowerBound)
                while index < row.bytes.upperBound, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
            }
            return
        }
        let text = text(row)
        var column = row.column
        var start: Substring.Index?
        var startColumn = 0
        var position = text.startIndex
        while position != text.endIndex {
            if text[position].isMaskBlank {
                if let begin = start { try body(text[begin..<position], startColumn); start = nil }
            } else if start == nil {
                start = position
                startColumn = column
            }
            position = text.index(after: position)
            column += 1
        }
        if let begin = start { try body(text[begin...], startColumn) }
    }

    /// True when `text` has the form of a number but does not fit a Double.
    static func isDecimalOverflow(_ text: Substring) -> Bool {
        guard let value = Double(String(text)) else { return false }
        return !value.isFinite
    }
}
