import Testing
@testable import SegLensCore

/// ``Loss/value(_:parameters:prepared:)`` and ``Loss/valueAndDrawnMaps(_:parameters:prepared:)`` (the explorer's
/// path) against ``Loss/evaluate(_:parameters:)``, whose value and maps the reference cases pin: on a size that is
/// not a multiple of four (partial lanes) with ignored pixels, for every loss of both modes.
@Suite struct DrawnMapsTests {
    /// A 37×23 synthetic input with every seventh pixel ignored (label 255).
    static func input(classes: Int) throws -> LossInput {
        let square = SyntheticInput.make(size: 37, classes: classes, seed: 11)
        let height = 37, width = 23, plane = height * width
        let labels = (0..<plane).map { $0 % 7 == 3 ? 255 : square.truth.labels[$0] }
        let values = (0..<(classes * plane)).map { square.logits.values[$0] }
        return try LossInput(
            truth: LabelMap(height: height, width: width, labels: labels),
            logits: Logits(classes: classes, height: height, width: width, values: values), ignoreIndex: 255)
    }

    /// Within 1e−6 of the map's largest entry: Float32 rounding of values that agree within 1e−12 before it.
    static func agree(_ drawn: [Float]?, _ exact: [Double]) -> Bool {
        guard let drawn else { return false }
        let largest = exact.map(abs).max() ?? 0
        return drawn.count == exact.count
            && zip(drawn, exact).allSatisfy { abs(Double($0) - $1) <= 1e-6 * max(largest, 1e-300) }
    }

    @Test(arguments: [1, 4])
    func valuesAndDrawnMapsMatchEvaluate(classes: Int) throws {
        let input = try Self.input(classes: classes)
        for loss in Loss.catalogue(input.mode) {
            for parameters in [loss.defaultParameters, LossParameters(alpha: 0.4, gamma: 1.5, beta: 0.6, smooth: 0.5)] {
                let reference = loss.evaluate(input, parameters: parameters)
                let value = loss.value(input, parameters: parameters)
                let (mapsValue, maps) = loss.valueAndDrawnMaps(input, parameters: parameters)
                let tolerance = 1e-12 * max(1, abs(reference.value))
                #expect(abs(value - reference.value) <= tolerance, "\(loss.name) \(parameters)")
                #expect(mapsValue == value, "\(loss.name): one kernel for the value with and without maps")
                #expect(Self.agree(maps.gradientMagnitude, reference.gradientMagnitude), "\(loss.name) magnitude")
                #expect(Self.agree(maps.weight, reference.weight), "\(loss.name) weight")
                #expect((maps.pixelLoss == nil) == (reference.pixelLoss == nil), "\(loss.name)")
                if let drawn = maps.pixelLoss, let exact = reference.pixelLoss {
                    #expect(Self.agree(drawn, exact), "\(loss.name) loss map")
                }
                for pixel in 0..<input.pixelCount where input.truth.labels[pixel] == 255 {
                    #expect(maps.gradientMagnitude?[pixel] == 0 && maps.weight?[pixel] == 0, "\(loss.name) ignored \(pixel)")
                }
                #expect(maps.byteCount == 4 * input.pixelCount * (maps.pixelLoss == nil ? 2 : 3))
                // One map asked for: that one alone, equal to the same map drawn with the others.
                for kind in DrawnMaps.Kind.allCases {
                    let (single, one) = loss.valueAndDrawnMaps(input, parameters: parameters, kinds: [kind])
                    #expect(single == value, "\(loss.name) \(kind)")
                    #expect(one[kind] == maps[kind], "\(loss.name) \(kind)")
                    let others = DrawnMaps.Kind.allCases.filter { $0 != kind }
                    #expect(others.allSatisfy { one[$0] == nil }, "\(loss.name) \(kind)")
                }
            }
        }
    }

    /// ``DrawnMaps/largest(in:width:rows:columns:labels:ignore:)`` against a plain loop over the block: blocks whose
    /// rows are shorter, as long as and longer than the eight lanes, with and without an ignore mask, including a
    /// block of ignored pixels only (−∞) and negative entries (implicit weights can be).
    @Test func blockMaximumMatchesAPlainLoop() throws {
        let input = try Self.input(classes: 1)
        let width = input.width, labels = input.truth.labels
        let map = (0..<input.pixelCount).map { Float(input.logits.values[$0]) - 2 }
        func plain(_ rows: Range<Int>, _ columns: Range<Int>, masked: Bool) -> Float {
            var largest = -Float.infinity
            for row in rows {
                for column in columns where !masked || labels[row * width + column] != 255 {
                    largest = max(largest, map[row * width + column])
                }
            }
            return largest
        }
        let blocks: [(Range<Int>, Range<Int>)] = [
            (0..<37, 0..<23), (3..<9, 0..<7), (10..<12, 2..<10), (20..<37, 5..<22), (36..<37, 22..<23), (0..<1, 3..<4),
        ]
        map.withUnsafeBufferPointer { map in
            labels.withUnsafeBufferPointer { labelBuffer in
                for (rows, columns) in blocks {
                    for masked in [false, true] {
                        let fast = DrawnMaps.largest(
                            in: map, width: width, rows: rows, columns: columns, labels: masked ? labelBuffer : nil,
                            ignore: 255)
                        #expect(fast == plain(rows, columns, masked: masked), "\(rows) × \(columns) masked \(masked)")
                    }
                }
            }
        }
        // Pixel 3 is ignored (every seventh from 3 on): a block of it alone keeps nothing.
        #expect(labels[3] == 255)
        #expect(plain(0..<1, 3..<4, masked: true) == -.infinity)
    }
}
