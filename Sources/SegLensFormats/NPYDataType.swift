/// A numpy dtype that seglens reads: booleans, integers of 1–8 bytes and floats of 2, 4 or 8 bytes.
struct NPYDataType: Equatable {
    enum Kind: Equatable {
        case boolean, signed, unsigned, float
    }

    let kind: Kind
    /// Bytes per element.
    let size: Int
    let bigEndian: Bool

    /// numpy's name of the type: `float16`, `int32`, `bool`, …
    var name: String {
        switch kind {
        case .boolean: "bool"
        case .signed: "int\(size * 8)"
        case .unsigned: "uint\(size * 8)"
        case .float: "float\(size * 8)"
        }
    }

    /// The dtype of a `descr` string such as `<f8`, `|u1` or `>i2`, or `nil` when it is not supported.
    init?(descr: String) {
        let characters = Array(descr)
        guard characters.count >= 2 else { return nil }
        let order = characters[0]
        let kind: Kind
        switch characters[1] {
        case "b", "?": kind = .boolean
        case "i": kind = .signed
        case "u": kind = .unsigned
        case "f": kind = .float
        default: return nil
        }
        let sizeText = String(characters.dropFirst(2))
        let size = sizeText.isEmpty && characters[1] == "?" ? 1 : Int(sizeText) ?? 0
        switch (kind, size) {
        case (.boolean, 1), (.signed, 1), (.signed, 2), (.signed, 4), (.signed, 8), (.unsigned, 1), (.unsigned, 2),
             (.unsigned, 4), (.unsigned, 8), (.float, 2), (.float, 4), (.float, 8):
            break
        default:
            return nil
        }
        switch order {
        case "<", "=": bigEndian = false  // `=` is native order; seglens runs on little-endian machines
        case ">": bigEndian = true
        case "|" where size == 1: bigEndian = false
        default: return nil
        }
        self.kind = kind
        self.size = size
    }
}
