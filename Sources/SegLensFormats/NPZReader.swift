/// Reads one array of a numpy `.npz` archive (`np.savez`, `np.savez_compressed`): a ZIP file whose members are
/// `.npy` files named after the arrays (`np.savez(f, mask=m, logits=z)` holds `mask.npy` and `logits.npy`).
public enum NPZReader {
    /// The array names of an archive, as numpy gives them (member names without `.npy`), in archive order.
    public static func arrayNames(bytes: [UInt8], path: String) throws(FormatError) -> [String] {
        try ZipArchive(bytes: bytes, path: path).entries.map { arrayName(of: $0.name) }
    }

    /// The array `name` of the archive `bytes` (or its only array when `name` is nil); errors name
    /// `path:name` and list the arrays there are when `name` is not one of them.
    public static func read(
        bytes: [UInt8], path: String, name: String?, limits: ReadLimits = ReadLimits()
    ) throws(FormatError) -> NumpyArray {
        let member = try npyMember(bytes: bytes, path: path, name: name, limits: limits)
        return try NPYReader.read(bytes: member.bytes, path: member.path, limits: limits)
    }

    /// The `.npy` bytes of the array `name` (see ``read(bytes:path:name:limits:)``) and the `path:name` that
    /// names it in errors.
    public static func npyMember(
        bytes: [UInt8], path: String, name: String?, limits: ReadLimits = ReadLimits()
    ) throws(FormatError) -> (path: String, bytes: [UInt8]) {
        let archive = try ZipArchive(bytes: bytes, path: path)
        let names = archive.entries.map { arrayName(of: $0.name) }
        let listed = names.isEmpty ? "no arrays" : "arrays: \(names.joined(separator: ", "))"
        let entry: ZipArchive.Entry
        if let name {
            guard let found = archive.entries.first(where: { arrayName(of: $0.name) == name }) else {
                throw FormatError(path: path, message: "no array '\(name)' in the archive (\(listed))")
            }
            entry = found
        } else {
            guard archive.entries.count == 1 else {
                throw FormatError(path: path, message: "name the array as \(path):NAME (\(listed))")
            }
            entry = archive.entries[0]
        }
        let member = "\(path):\(arrayName(of: entry.name))"
        // The largest .npy the pixel limit allows: 8 bytes per element and a header.
        let (elementBytes, overflow) = limits.maxPixels.multipliedReportingOverflow(by: 8)
        return (member, try archive.contents(of: entry, maxSize: overflow ? Int.max : elementBytes + 65_536))
    }

    /// `mask.npy` → `mask`.
    static func arrayName(of member: String) -> String {
        member.hasSuffix(".npy") ? String(member.dropLast(4)) : member
    }
}
