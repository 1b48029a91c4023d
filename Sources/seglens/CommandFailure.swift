import ArgumentParser
import Foundation
import SegLensFormats

/// A failure that ends a command: a message on standard error and a sysexits-style exit code.
struct CommandFailure: Error, CustomStringConvertible {
    enum Code: Int32 {
        /// The command line is wrong (EX_USAGE).
        case usage = 64
        /// An input file holds data seglens cannot use (EX_DATAERR).
        case badData = 65
        /// An input file cannot be opened (EX_NOINPUT).
        case cannotOpen = 66
        /// An output file cannot be written (EX_CANTCREAT).
        case cannotCreate = 73
        /// The terminal cannot be used for the explorer.
        case terminal = 2
    }

    var code: Code
    var message: String
    var description: String { message }

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Prints the message and exits with the code; ArgumentParser's own usage errors already exit 64.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("seglens: \(failure.message)\n".utf8))
            throw ExitCode(failure.code.rawValue)
        }
    }
}

extension CommandFailure {
    /// The failure of a file that could not be read (66), held invalid data (65) or could not be written (73);
    /// the message is the error's `path[:line:col]: message`.
    init(_ error: FormatError) {
        let code: Code = switch error.kind {
        case .cannotOpen: .cannotOpen
        case .badData: .badData
        case .cannotWrite: .cannotCreate
        }
        self.init(code, error.description)
    }
}

extension CommandFailure {
    /// The result of `body`, a reader or writer of SegLensFormats, with its error turned into a failure.
    static func formats<Result>(_ body: () throws(FormatError) -> Result) throws(CommandFailure) -> Result {
        do {
            return try body()
        } catch {
            throw CommandFailure(error)
        }
    }
}
