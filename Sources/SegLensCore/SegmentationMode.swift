/// Binary (one logit channel, labels 0/1) or multi-class (C ≥ 2 channels, labels 0…C−1).
public enum SegmentationMode: String, Sendable, CaseIterable {
    case binary
    case multiclass
}
