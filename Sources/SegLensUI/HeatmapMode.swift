import SegLensCore

/// What the heatmap panel shows for the selected loss.
public enum HeatmapMode: String, Sendable, CaseIterable {
    /// `|∂L/∂z|` per pixel (multi-class: the L2 norm over classes).
    case gradient
    /// The explicit weight of a pixel-wise loss, or the implicit weight of a region loss.
    case weight
    /// The per-pixel loss term (pixel-wise losses only).
    case loss
    /// True/false positives/negatives of the thresholded prediction (multi-class: right or wrong class).
    case errors

    public var next: HeatmapMode {
        let all = HeatmapMode.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

extension HeatmapMode {
    /// The map this mode shows; `nil` for the errors mode, which needs none.
    var drawnMap: DrawnMaps.Kind? {
        switch self {
        case .gradient: .gradientMagnitude
        case .weight: .weight
        case .loss: .pixelLoss
        case .errors: nil
        }
    }
}
