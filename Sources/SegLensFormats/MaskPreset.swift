/// A `params N "name": …` line of a `.mask` file: preset N (1–9) of the explorer, which the digit key N applies.
///
/// A preset names its loss (`loss=` is required) and sets only parameters that loss reads; the explorer starts that
/// loss from its starting values (defaults, then the plain `params:` line) and puts the preset's values over them.
public struct MaskPreset: Sendable, Equatable {
    /// 1…9: the key that applies it.
    public var number: Int
    /// The quoted name, e.g. `strong focus`; `nil` when the line has none.
    public var name: String?
    /// The settings; ``MaskParameters/loss`` is always set.
    public var parameters: MaskParameters

    public init(number: Int, name: String? = nil, parameters: MaskParameters) {
        self.number = number
        self.name = name
        self.parameters = parameters
    }
}
