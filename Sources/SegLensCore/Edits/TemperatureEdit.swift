/// Temperature scaling of logits: `z' = z / T`. `T < 1` sharpens the probabilities, `T > 1` softens them towards
/// `½` (binary) or `1/C`, and `T = 1` is the identity.
public enum TemperatureEdit {
    public static func scaled(_ values: [Double], temperature: Double) -> [Double] {
        precondition(temperature > 0, "the temperature must be positive")
        guard temperature != 1 else { return values }
        return values.map { $0 / temperature }
    }
}
