/// The `.mask` file `seglens` opens when it is given no input: a small binary example.
public enum BuiltInSample {
    /// The name the sample goes by in titles and error messages.
    public static let name = "sample.mask"
    /// The text of the sample, in the format of docs/mask-format.md.
    public static let text = """
        # seglens mask v1
        title: Small object, big background
        note: BCE looks fine while Dice is poor. Raise γ and watch the weight move onto the object.
        ignore: ?

        truth:
          ................
          ......##........
          .....####....?..
          ......##........

        prediction: probabilities
          0000000000000000
          0000013100000000
          0000139310000000
          0000013100000000

        """
}
