/// A JSON value with ordered object keys, printed compactly; doubles print with the shortest digits that
/// round-trip (Swift's `description`), so no precision is lost.
enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case number(Double)
    case integer(Int)
    case string(String)
    case bool(Bool)
    case null

    var text: String {
        switch self {
        case let .object(members):
            return "{" + members.map { "\(JSONValue.string($0.0).text): \($0.1.text)" }.joined(separator: ", ") + "}"
        case let .array(items):
            return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case let .number(value):
            return value.isFinite ? "\(value)" : "null"
        case let .integer(value):
            return "\(value)"
        case let .string(value):
            var escaped = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                case "\r": escaped += "\\r"
                case _ where scalar.value < 0x20:
                    escaped += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped + "\""
        case let .bool(value):
            return value ? "true" : "false"
        case .null:
            return "null"
        }
    }
}
