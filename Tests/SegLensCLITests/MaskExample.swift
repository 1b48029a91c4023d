import SegLensCore

/// A small binary `.mask` file with an ignored pixel, two predictions and a `params:` line, and the same data
/// as arrays (written out by hand, not read from the file).
enum MaskExample {
    static let text = """
        # seglens mask v1
        title: Mask test
        params: loss=focal alpha=0.5 gamma=1
        ignore: ?

        truth:
          ..#.
          .##?
          ....

        prediction "soft": probabilities
          0.1  0.2  0.9 0.3
          0.05 0.7  0.6 0.5
          0    0.25 0.4 1

        prediction "raw": logits
          -2    -1   3    0.5
          -0.25  2   1.5  4
          -3    -1.5 0.75 -4

        """
    static let height = 3, width = 4
    static let labels: [Int32] = [0, 0, 1, 0, 0, 1, 1, 255, 0, 0, 0, 0]
    static let probabilities = [0.1, 0.2, 0.9, 0.3, 0.05, 0.7, 0.6, 0.5, 0, 0.25, 0.4, 1]
    static let logits = [-2, -1, 3, 0.5, -0.25, 2, 1.5, 4, -3, -1.5, 0.75, -4]
    static var truth: LabelMap { LabelMap(height: height, width: width, labels: labels) }
}
