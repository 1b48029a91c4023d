/// What a sweep varies: a loss parameter or a what-if edit.
public enum SweepVariable: Sendable, Hashable {
    case parameter(LossParameter)
    case edit(EditParameter)

    /// The name on the command line: `alpha`, `gamma`, `beta`, `smooth`, or an edit's (`shift` is along x).
    public var name: String {
        switch self {
        case let .parameter(parameter): parameter.rawValue
        case let .edit(edit): edit.rawValue
        }
    }

    /// Every variable a sweep accepts (harden is on or off, not a range).
    public static let all: [SweepVariable] =
        LossParameter.allCases.map { .parameter($0) } + EditParameter.allCases.filter { $0 != .harden }.map { .edit($0) }

    public static func named(_ name: String) -> SweepVariable? {
        all.first { $0.name == name }
    }
}
