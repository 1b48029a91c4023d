import SegLensCore

/// The one table of the `w` panel's text, beside the catalogue: for each loss its formula with the current
/// parameter values substituted, one line per parameter's meaning, and per heatmap mode one sentence on what the
/// heatmap shows. ``ExplanationPanel`` only lays it out.
public enum LossExplanations {
    /// The formula of `loss` with `parameters` written in, in Unicode; ``ascii(_:)`` spells it in ASCII.
    public static func formula(_ loss: Loss, _ parameters: LossParameters) -> String {
        let v = LossParameters.compact
        let s = v(parameters.smooth), b = v(parameters.beta), fnWeight = v(parameters.falseNegativeWeight), g = v(parameters.gamma)
        let alpha: String
        if let a = parameters.alpha {
            alpha = loss.mode == .binary ? "α_t = \(v(a)) (y=1), \(v(1 - a)) (y=0)" : "α_t = \(v(1 - a)) (class 0), \(v(a)) (others)"
        } else {
            alpha = "α_t = 1 (α none)"
        }
        switch loss {
        case .bce: return "L = mean −[y·log p + (1−y)·log(1−p)]"
        case .weightedBCE: return "L = mean −[\(b)·y·log p + (1−y)·log(1−p)]"
        case .balancedBCE: return "L = mean −[\(b)·y·log p + \(fnWeight)·(1−y)·log(1−p)]"
        case .borderBCE:
            return "L = mean w·bce, w = w_c + \(v(parameters.w0))·exp(−(d1+d2)²/(2·\(v(parameters.sigma))²))"
        case .binaryFocal, .multiclassFocal: return "L = mean −α_t·(1−p_t)^\(g)·log p_t, \(alpha)"
        case .crossEntropy: return "L = mean −log p_y"
        case .dice: return "L = 1 − (2·TP + \(s)) / (Σy + Σp + \(s))"
        case .diceSquared: return "L = 1 − (2·TP + \(s)) / (Σy² + Σp² + \(s))"
        case .iou: return "L = 1 − (TP + \(s)) / (Σy + Σp − TP + \(s))"
        case .tversky: return "L = 1 − (TP + \(s)) / (TP + \(b)·FP + \(fnWeight)·FN + \(s))"
        case .focalTversky: return "L = (1 − TI)^\(g), TI = (TP + \(s)) / (TP + \(b)·FP + \(fnWeight)·FN + \(s))"
        case .lovaszHinge: return "L = Σ relu(e_sorted)·ΔJ_sorted, e = 1 − z·(2y−1)"
        case .multiclassDice: return "L = mean over classes c of 1 − (2·TP_c + \(s)) / (Σy_c + Σp_c + \(s))"
        case .multiclassIoU: return "L = mean over classes c of 1 − (TP_c + \(s)) / (Σy_c + Σp_c − TP_c + \(s))"
        case .multiclassTversky:
            return "L = mean over classes c of 1 − (TP_c + \(s)) / (TP_c + \(b)·FP_c + \(fnWeight)·FN_c + \(s))"
        case .lovaszSoftmax: return "L = mean over present classes c of Σ e_sorted·ΔJ_sorted, e = |1[y=c] − p_c|"
        }
    }

    /// What a parameter means for `loss`, in one line.
    public static func meaning(of parameter: LossParameter, for loss: Loss) -> String {
        switch (parameter, loss) {
        case (.alpha, .binaryFocal): "α: weight of the positives (1−α on the negatives); none weighs every pixel 1"
        case (.alpha, _): "α: weight of classes ≥ 1 (1−α on class 0); none weighs every pixel 1"
        case (.gamma, .focalTversky): "γ: exponent on (1 − TI); < 1 pushes harder as the index nears 1"
        case (.gamma, _): "γ: focusing exponent; higher γ silences the pixels already right (γ = 0 is CE)"
        case (.beta, .weightedBCE): "β: weight of the positives' term; > 1 favours recall"
        case (.beta, .balancedBCE): "β: share of the positives (1−β for the negatives)"
        case (.beta, _): "β: weight of false positives; false negatives get 1−β (β = 0.5 is Dice)"
        case (.smooth, _): "s: added to numerator and denominator; keeps an empty truth finite"
        case (.w0, _): "w0: height of the border term, the extra weight of a gap between two objects"
        case (.sigma, _): "σ: width in pixels of the border term; a larger σ reaches wider gaps"
        }
    }

    /// What the heatmap shows in `mode` for `loss`, in one sentence.
    public static func heatmap(_ mode: HeatmapMode, for loss: Loss) -> String {
        switch (mode, loss) {
        case (.errors, _):
            loss.mode == .binary
                ? "errors of the thresholded prediction: false positives and false negatives, by colour"
                : "errors of the argmax prediction: the pixels of a wrong class"
        case (.gradient, _) where loss.isPixelwise:
            "|∂L/∂z|: how hard this loss pushes each pixel; bright = far from its label and weighted"
        case (.gradient, .lovaszHinge), (.gradient, .lovaszSoftmax):
            "|∂L/∂z|: the pixels whose error order moves the Jaccard extension; right, confident pixels are dark"
        case (.gradient, _):
            "|∂L/∂z|: a region loss pushes where prediction and truth disagree, most on uncertain edges"
        case (.weight, .bce), (.weight, .crossEntropy): "weight: 1 everywhere — every pixel counts the same"
        case (.weight, .weightedBCE): "weight: β on the positives, 1 on the negatives"
        case (.weight, .balancedBCE): "weight: β on the positives, 1−β on the negatives"
        case (.weight, .borderBCE):
            "weight: w_c + w0·exp(−(d1+d2)²/2σ²) — bright ridges are the gaps between touching objects"
        case (.weight, .binaryFocal), (.weight, .multiclassFocal):
            "weight: α_t(1−p_t)^γ — bright pixels are the ones focal still cares about"
        case (.weight, _):
            "implicit weight (∂L/∂z)/(∂BCE/∂z): how much harder than plain BCE this loss pushes each pixel"
        case (.loss, _) where loss.isPixelwise:
            "per-pixel loss: the term whose mean is L; bright pixels hold most of the loss"
        case (.loss, _):
            "a region loss has no per-pixel term: press m for the gradient or the implicit weight"
        }
    }

    /// An ASCII spelling of an explanation line: Greek letters by name, `−` `·` `²` `Σ` `Δ` `√` as text.
    public static func ascii(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "α": result += "alpha"
            case "β": result += "beta"
            case "γ": result += "gamma"
            case "σ": result += "sigma"
            case "Σ": result += "sum "
            case "Δ": result += "D"
            case "∂": result += "d"
            case "²": result += "^2"
            case "·": result += "*"
            case "−", "—": result += "-"
            case "≈": result += "~"
            case "≥": result += ">="
            case "≤": result += "<="
            case "→": result += "->"
            case "×": result += "x"
            default: result.append(character.isASCII ? character : Glyphs.asciiFallback(for: character))
            }
        }
        return result
    }
}
