import Foundation
import Testing
import SegLensCore
import SegLensFormats

/// The `Samples/` folder of this package and helpers to evaluate its files with the engine.
enum Samples {
    /// `Samples/`, found from this source file: `Tests/SamplesTests/…` → `../../Samples`.
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Samples").standardizedFileURL
    }

    /// The file names of every `Samples/*.mask`, sorted.
    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".mask") }.sorted()
    }

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func document(_ name: String) throws -> MaskDocument {
        try MaskReader.read(path: path(name))
    }
}

/// One sample file, ready to be evaluated.
struct Sample {
    let name: String
    let document: MaskDocument

    init(_ name: String) throws {
        self.name = name
        document = try Samples.document(name)
    }

    var truth: LabelMap { document.truth }
    var mode: SegmentationMode { document.mode }

    /// The loss input of the prediction called `prediction` (the first one when `nil`).
    func input(_ prediction: String? = nil) throws -> LossInput {
        let chosen = try #require(
            prediction.map { name in document.predictions.first { $0.name == name } } ?? document.predictions.first,
            "\(self.name) has no prediction \(prediction ?? "")")
        return try document.lossInput(for: chosen)
    }

    /// The parameters the explorer starts `loss` with: the loss's defaults under the file's `params:` line.
    func startingParameters(_ loss: Loss) -> LossParameters {
        document.parameters?.applied(to: loss.defaultParameters) ?? loss.defaultParameters
    }

    /// Evaluates the loss called `lossName` on a prediction, from the file's starting parameters changed by `change`.
    func evaluate(
        _ lossName: String, prediction: String? = nil, _ change: (inout LossParameters) -> Void = { _ in }
    ) throws -> LossResult {
        let loss = try #require(Loss.named(lossName, mode: mode), "no \(lossName) loss for \(mode)")
        var parameters = startingParameters(loss)
        change(&parameters)
        return loss.evaluate(try input(prediction), parameters: parameters)
    }

    func metrics(_ prediction: String? = nil) throws -> SegmentationMetrics {
        SegmentationMetrics(try input(prediction))
    }

    /// Row-major indices of the pixels where `predicate(label)` holds.
    func pixels(where predicate: (Int32) -> Bool) -> Set<Int> {
        Set(truth.labels.indices.filter { predicate(truth.labels[$0]) })
    }

    /// Pixels that have a 4-neighbour of another truth class: the two one-pixel rings along every boundary.
    var edgePixels: Set<Int> {
        let h = truth.height, w = truth.width
        var edge = Set<Int>()
        for r in 0..<h {
            for c in 0..<w {
                let label = truth[r, c]
                for (dr, dc) in [(0, 1), (1, 0), (0, -1), (-1, 0)] {
                    let rr = r + dr, cc = c + dc
                    if rr >= 0, rr < h, cc >= 0, cc < w, truth[rr, cc] != label { edge.insert(r * w + c) }
                }
            }
        }
        return edge
    }

    /// Binary: pixels the thresholded prediction gets wrong (`z ≥ 0` against a label of 1).
    func wrongPixels(_ prediction: String? = nil) throws -> Set<Int> {
        let input = try input(prediction)
        return Set(input.keptPixels.filter { (input.logits.values[$0] >= 0) != (input.truth.labels[$0] == 1) })
    }
}

extension Array where Element == Double {
    func sum(over pixels: Set<Int>) -> Double { pixels.reduce(0) { $0 + self[$1] } }
    var total: Double { reduce(0, +) }
    /// Index of the first largest element.
    var argmax: Int { indices.max { self[$0] < self[$1] || (self[$0] == self[$1] && $0 > $1) }! }
}
