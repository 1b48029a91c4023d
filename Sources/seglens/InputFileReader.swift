import SegLensCore
import SegLensFormats

/// Reads truth and prediction files in any format seglens takes, chosen by the file's first bytes, with the
/// size limit and the colour palette of the command line. Every error names the file.
struct InputFileReader {
    var limits: ReadLimits
    /// Maps the colours of RGB and palette PNG truths to classes; without it a palette PNG gives its indices.
    var palette: ColorPalette?

    /// A prediction as read: the array shape as given and the values in `C×H×W` order (`C = 1` for binary).
    typealias Prediction = (shape: [Int], classes: Int, height: Int, width: Int, values: [Double])

    /// The bytes of a file and its format; `a.npz:name` gives the `.npy` bytes of that array of the archive (an
    /// archive with one array needs no name). `name` is the path to put in messages.
    private func contents(of spec: String) throws(CommandFailure) -> (name: String, format: InputFileFormat, bytes: [UInt8]) {
        let input = InputPath(spec)
        let bytes = try CommandFailure.formats { () throws(FormatError) in try FileBytes.read(input.file) }
        let format = try InputFileFormat(of: bytes, path: input.file)
        guard format == .npz else {
            if let array = input.array {
                throw CommandFailure(
                    .usage, "\(input.file): a \(format.rawValue) file holds no named arrays; ':\(array)' picks an array of an .npz archive")
            }
            return (input.file, format, bytes)
        }
        let member = try CommandFailure.formats { () throws(FormatError) in
            try NPZReader.npyMember(bytes: bytes, path: input.file, name: input.array, limits: limits)
        }
        guard try InputFileFormat(of: member.bytes, path: member.path) == .npy else {
            throw CommandFailure(.badData, "\(member.path): the archive member is not an .npy array")
        }
        return (member.path, .npy, member.bytes)
    }

    /// The labels of an NPY array (also one of an `.npz` archive), a PGM or a PNG (gray: values, 0/max read as
    /// 0/1; palette: indices, or classes by `palette`; RGB: classes by `palette`).
    func truth(path spec: String) throws(CommandFailure) -> LabelMap {
        let (path, format, bytes) = try contents(of: spec)
        switch format {
        case .npy, .npz:
            return try CommandFailure.formats { () throws(FormatError) in
                try NPYReader.labelMap(bytes: bytes, path: path, limits: limits)
            }
        case .pgm:
            return try CommandFailure.formats { () throws(FormatError) in
                try PGMReader.read(bytes: bytes, path: path, limits: limits).labelMap
            }
        case .png:
            switch try CommandFailure.formats({ () throws(FormatError) in try PNGReader.read(bytes: bytes, path: path, limits: limits) }) {
            case let .gray(image):
                return image.labelMap
            case let .indexed(image):
                guard let palette else { return image.labelMap }
                return try palette.labelMap(
                    height: image.height, width: image.width, colors: image.indices.map { image.palette[Int($0)] },
                    path: path)
            case let .color(image):
                guard let palette else {
                    let first = image.pixels.first.map { " (row 0, column 0 is \(ColorPalette.hex($0)))" } ?? ""
                    throw CommandFailure(
                        .badData, "\(path): an RGB PNG truth needs --palette to map its colours to classes\(first)")
                }
                return try palette.labelMap(height: image.height, width: image.width, colors: image.pixels, path: path)
            }
        }
    }

    /// A prediction: logits from an NPY array (also one of an `.npz` archive); probabilities from an NPY array,
    /// or a grayscale PNG or PGM (value / maximum value, binary only). A float16 array is refused: its 11-bit
    /// mantissa changes loss values and gradients in the third digit.
    func prediction(path spec: String, kind: PredictionKind) throws(CommandFailure) -> Prediction {
        let (path, format, bytes) = try contents(of: spec)
        let image: GrayImage
        switch (format, kind) {
        case (.npy, _), (.npz, _):
            let dtype = try CommandFailure.formats { () throws(FormatError) in try NPYReader.dtypeName(bytes: bytes, path: path) }
            if dtype == "float16" {
                throw CommandFailure(
                    .badData,
                    "\(path): float16 \(kind.rawValue) are refused (3 significant digits change the losses); save them as float32: x.astype(np.float32)")
            }
            return try CommandFailure.formats { () throws(FormatError) in
                try NPYReader.prediction(bytes: bytes, path: path, limits: limits)
            }
        case let (format, .logits):
            throw CommandFailure(.badData, "\(path): logits must be an NPY file, not a \(format.rawValue) image")
        case (.pgm, .probabilities):
            image = try CommandFailure.formats { () throws(FormatError) in
                try PGMReader.read(bytes: bytes, path: path, limits: limits)
            }
        case (.png, .probabilities):
            let png = try CommandFailure.formats { () throws(FormatError) in
                try PNGReader.read(bytes: bytes, path: path, limits: limits)
            }
            guard case let .gray(gray) = png else {
                throw CommandFailure(.badData, "\(path): probabilities from a PNG need a grayscale image (binary only)")
            }
            image = gray
        }
        return ([image.height, image.width], 1, image.height, image.width, image.probabilities)
    }
}
