/// The sample `seglens` opens when it is given no file: the exact text of `Samples/small-object.mask`, compiled in.
///
/// `Tests/SamplesTests` checks that this text equals the file byte for byte and parses; when the file changes,
/// paste it here again.
public enum BuiltInSample {
    /// The name the explorer shows for it.
    public static let name = "built-in: small-object.mask"

    /// The text of `Samples/small-object.mask`.
    public static let text = """
        # seglens mask v1
        title: Small object, big background
        note: BCE is only 0.15 but Dice loss is 0.82: the background swamps the mean. Select γ (↑/↓), raise it (→): focal weight moves onto the object.
        params: loss=focal alpha=none gamma=0

        truth:
          ....................
          ....................
          ....................
          ....................
          .............###....
          .............###....
          .............###....
          ....................
          ....................
          ....................

        prediction: probabilities
          00000000000000000000
          01111111111111111110
          01111111111111111110
          01111111111111111110
          01111111111133311110
          01111111111134311110
          01111111111133311110
          01111111111111111110
          01111111111111111110
          00000000000000000000

        """

    /// The parsed sample.
    public static func document() throws(FormatError) -> MaskDocument {
        try MaskReader.parse(text: text, path: name)
    }
}
