import Foundation
import SegLensCore

/// One case of Fixtures/cases.json: values and gradients computed with PyTorch autograd in float64.
struct ReferenceCase: CustomStringConvertible {
    var index: Int
    var loss: Loss
    var kind: String
    var parameters: LossParameters
    var input: LossInput
    var value: Double
    var gradient: [Double]

    var description: String { "case \(index): \(loss.mode.rawValue) \(loss.name) \(kind) \(parameters)" }

    static let all: [ReferenceCase] = {
        let url = Bundle.module.url(forResource: "Fixtures/cases", withExtension: "json")!
        let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let cases = root["cases"] as! [[String: Any]]
        return cases.enumerated().map { index, json in
            let mode = SegmentationMode(rawValue: json["mode"] as! String)!
            let loss = Loss.named(json["loss"] as! String, mode: mode)!
            var parameters = loss.defaultParameters
            for (key, value) in json["params"] as! [String: Any] {
                let parameter = LossParameter(rawValue: key)!
                parameters[parameter] = value is NSNull ? nil : (value as! NSNumber).doubleValue
            }
            let truthRows = json["truth"] as! [[NSNumber]]
            let height = truthRows.count, width = truthRows[0].count
            let truth = LabelMap(height: height, width: width, labels: truthRows.flatMap { $0.map { $0.int32Value } })
            let logits: [Double], classes: Int
            if mode == .binary {
                logits = (json["logits"] as! [[NSNumber]]).flatMap { $0.map(\.doubleValue) }
                classes = 1
            } else {
                let planes = json["logits"] as! [[[NSNumber]]]
                logits = planes.flatMap { $0.flatMap { $0.map(\.doubleValue) } }
                classes = planes.count
            }
            let gradient: [Double] = mode == .binary
                ? (json["gradient"] as! [[NSNumber]]).flatMap { $0.map(\.doubleValue) }
                : (json["gradient"] as! [[[NSNumber]]]).flatMap { $0.flatMap { $0.map(\.doubleValue) } }
            let ignore = (json["ignore_index"] as? NSNumber).map { $0.int32Value }
            let input = try! LossInput(
                truth: truth, logits: Logits(classes: classes, height: height, width: width, values: logits),
                ignoreIndex: ignore)
            return ReferenceCase(
                index: index, loss: loss, kind: json["kind"] as! String, parameters: parameters, input: input,
                value: (json["value"] as! NSNumber).doubleValue, gradient: gradient)
        }
    }()
}
