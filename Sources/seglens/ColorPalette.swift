import ArgumentParser
import SegLensCore
import SegLensFormats

/// The `--palette` argument: which class each colour of a colour PNG truth stands for.
///
/// Syntax: comma-separated `RRGGBB=K` entries, hex colour (an optional leading `#`) and class label `K ≥ 0`,
/// e.g. `000000=0,ff0000=1,ffffff=255`. A colour may appear once; several colours may map to one class.
struct ColorPalette: Equatable {
    /// The class of each listed colour.
    var classes: [RGB: Int32]

    /// Parses `text`; throws a message that says which entry is wrong.
    init(parsing text: String) throws(ValidationError) {
        classes = [:]
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = entry.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw ValidationError("palette entry '\(entry)' is not RRGGBB=K") }
            let hex = parts[0].hasPrefix("#") ? parts[0].dropFirst() : parts[0]
            guard hex.count == 6, hex.allSatisfy(\.isHexDigit), let rgb = UInt32(hex, radix: 16) else {
                throw ValidationError("palette entry '\(entry)': the colour must be six hex digits, e.g. ff0000")
            }
            guard let label = Int32(parts[1]), label >= 0 else {
                throw ValidationError("palette entry '\(entry)': the class must be an integer ≥ 0")
            }
            let color = RGB(red: UInt8(rgb >> 16), green: UInt8((rgb >> 8) & 0xFF), blue: UInt8(rgb & 0xFF))
            guard classes[color] == nil else { throw ValidationError("palette colour \(hex) is listed twice") }
            classes[color] = label
        }
    }

    /// The label map of `colors` (row-major, `width` wide); the first colour not in the palette is an error
    /// naming its row and column.
    func labelMap(height: Int, width: Int, colors: [RGB], path: String) throws(CommandFailure) -> LabelMap {
        var labels: [Int32] = []
        labels.reserveCapacity(colors.count)
        for (index, color) in colors.enumerated() {
            guard let label = classes[color] else {
                throw CommandFailure(
                    .badData,
                    "\(path): colour \(Self.hex(color)) at row \(index / width), column \(index % width) is not in --palette")
            }
            labels.append(label)
        }
        return LabelMap(height: height, width: width, labels: labels)
    }

    /// `rrggbb`, as `--palette` takes it.
    static func hex(_ color: RGB) -> String {
        [color.red, color.green, color.blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
