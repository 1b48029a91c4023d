import CLibPNG

extension png_image {
    /// The error or warning text libpng left in `message`.
    var messageText: String {
        withUnsafeBytes(of: message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
