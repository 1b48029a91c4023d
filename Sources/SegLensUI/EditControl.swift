import SegLensCore

/// One entry of the explorer's edit selector (`e` / `E`): a what-if edit, or — for a multi-class prediction —
/// the class that dilate/erode acts on. `.` and `,` step the selected entry (``step(_:direction:classes:)``).
public enum EditControl: Hashable, Sendable {
    case edit(EditParameter)
    case editClass

    /// The selector's entries for a prediction of `classes` logit channels.
    public static func all(classes: Int) -> [EditControl] {
        EditParameter.allCases.map { .edit($0) } + (classes > 1 ? [.editClass] : [])
    }

    public var label: String {
        switch self {
        case let .edit(edit): edit.label
        case .editClass: "edit class"
        }
    }

    /// The entry's current value as the status line shows it.
    public func valueText(_ edits: PredictionEdits) -> String {
        switch self {
        case .edit(.harden): edits.harden ? "on" : "off"
        case .edit(.noise): "\(LossParameters.compact(edits.noise)) (seed \(edits.noiseSeed))"
        case let .edit(edit): LossParameters.compact(edits[edit])
        case .editClass: "\(edits.selectedClass)"
        }
    }

    /// Temperatures the `.`/`,` keys step through.
    static let temperatures: [Double] = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 25, 100]

    /// The edits after one step up (`direction > 0`) or down of this entry; every value stays in its range.
    public func step(_ edits: PredictionEdits, direction: Int, classes: Int) -> PredictionEdits {
        var edits = edits
        let up = direction > 0
        switch self {
        case .edit(.harden):
            edits.harden.toggle()
        case .edit(.temperature):
            let current = edits.temperature
            let next = up ? Self.temperatures.first { $0 > current } : Self.temperatures.last { $0 < current }
            edits.temperature = next ?? current
        case let .edit(edit):
            let step: Double = edit == .blur || edit == .noise ? (edit == .blur ? 0.5 : 0.25) : 1
            let value = edits[edit] + (up ? step : -step)
            edits[edit] = min(max(value, edit.range.lowerBound), edit.range.upperBound)
        case .editClass:
            edits.selectedClass = (edits.selectedClass + (up ? 1 : classes - 1)) % classes
        }
        return edits
    }
}
