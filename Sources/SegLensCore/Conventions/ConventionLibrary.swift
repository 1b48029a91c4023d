/// A library (or the reference article's code) whose version of a loss seglens reproduces side by side.
public enum ConventionLibrary: String, Sendable, CaseIterable {
    /// segmentation_models_pytorch.
    case smp
    /// MONAI.
    case monai
    /// kornia.
    case kornia
    /// Keras 3.
    case keras
    /// torchvision.ops and torch.nn.functional.
    case torchvision
    /// The Keras/TensorFlow code printed in the reference article (Nieradzik, "Losses for image segmentation").
    case article

    /// The name shown in tables.
    public var displayName: String {
        switch self {
        case .smp: "smp"
        case .monai: "MONAI"
        case .kornia: "kornia"
        case .keras: "Keras"
        case .torchvision: "torchvision"
        case .article: "article"
        }
    }

    /// Name and version for tables, e.g. `smp 0.6.0`.
    public var label: String { label(version: version) }

    /// Name and a given version, e.g. `kornia source b4f5a78` for a preset of an older source.
    public func label(version: String) -> String {
        self == .torchvision ? "torchvision (\(version))" : "\(displayName) \(version)"
    }

    /// The version whose behaviour the presets reproduce (the one the golden values were printed with).
    public var version: String {
        switch self {
        case .smp: "0.6.0"
        case .monai: "1.6.1"
        case .kornia: "0.9.0"
        case .keras: "3.15.1"
        case .torchvision: "torch 2.15"
        case .article: "2019 code"
        }
    }
}
