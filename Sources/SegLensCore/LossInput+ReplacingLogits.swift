extension LossInput {
    /// The same truth and ignore index with other logit values (same `C×H×W` layout), without validating the
    /// truth again; the values must be finite.
    ///
    /// Training uses it to move a prediction while the truth, and so ``keptPixels``, stay as they were.
    public func replacingLogits(_ values: [Double]) -> LossInput {
        LossInput(validated: self, logits: Logits(classes: logits.classes, height: height, width: width, values: values))
    }
}
