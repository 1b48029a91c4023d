/// What ``PixelPanels`` drew, panel by panel, at one dot per visible pixel: the PNG export's input.
final class PanelCapture {
    struct Item {
        var paint: Paint
        var name: String
    }

    enum Legend {
        case items([Item])
        /// A colour ramp from `low` to `high`.
        case ramp(low: String, high: String, paints: [Paint])
    }

    struct Panel {
        var title: String
        /// Rows of dots, one per pixel of the visible region.
        var dots: [[Paint]]
        var legend: Legend? = nil
    }

    var panels: [Panel] = []

    /// The legend of the panel drawn last.
    func setLegend(_ legend: Legend) {
        guard !panels.isEmpty else { return }
        panels[panels.count - 1].legend = legend
    }
}
