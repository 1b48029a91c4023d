/// What one library computes for one seglens loss on a batch, and why it differs from seglens.
public struct ConventionResult: Sendable {
    /// The value, or why there is none.
    public enum Outcome: Sendable, Equatable {
        /// The number the library returns (it may be NaN where the library's arithmetic gives NaN).
        case value(Double)
        /// The library raises an error on this call; the reason says which.
        case crashes(String)
        /// The library has no way to express this input (e.g. ignored pixels without an ignore option).
        case unsupported(String)
    }

    public let library: ConventionLibrary
    /// A second call of the same library beside its default one (e.g. MONAI's `use_softmax=True` focal), or nil.
    public let variant: String?
    public let loss: Loss
    public let outcome: Outcome
    /// The library call this reproduces, with the seglens parameters mapped onto its arguments.
    public let call: String
    /// One line: how the library's convention differs from seglens's.
    public let why: String

    public init(
        library: ConventionLibrary, variant: String? = nil, version: String? = nil, loss: Loss, outcome: Outcome,
        call: String, why: String
    ) {
        self.library = library
        self.variant = variant
        self.version = version ?? library.version
        self.loss = loss
        self.outcome = outcome
        self.call = call
        self.why = why
    }

    /// The value when the library returns one.
    public var value: Double? {
        if case let .value(value) = outcome { return value }
        return nil
    }

    /// The version of the library this reproduces (a variant may reproduce an older one).
    public let version: String

    /// The library's ``ConventionLibrary/label`` (or, `short`, its name), followed by the variant if any.
    public func label(short: Bool = false) -> String {
        (short ? library.displayName : library.label(version: version)) + (variant.map { " " + $0 } ?? "")
    }
}
