import Foundation
import Testing
@testable import seglens

/// The progress line: on standard error only, only once its delay has passed, rewritten in place, erased at the
/// end; and `--progress` leaves standard output exactly as it is without it.
@Suite struct ProgressLineTests {
    /// What a line wrote, collected from its timer's thread.
    final class Written: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [String] = []
        func append(_ text: String) { lock.withLock { parts.append(text) } }
        var text: String { lock.withLock { parts.joined() } }
    }

    /// Waits until `condition` holds, for at most two seconds (a loaded machine runs timers late).
    static func wait(until condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(2)
        while !condition(), Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
    }

    @Test func aLongStepIsShownInPlaceAndErasedAtTheEnd() {
        let written = Written()
        let line = ProgressLine(enabled: true, delay: 0, interval: 0.01) { written.append($0) }
        line.update("reading big.mask")
        Self.wait { written.text.contains("reading big.mask") }
        line.update("evaluating dice (6/11)")
        Self.wait { written.text.contains("evaluating dice (6/11)") }
        line.finish()
        let text = written.text
        #expect(text.hasPrefix("\r\u{1B}[Kseglens: reading big.mask … "), "\(text.debugDescription)")
        #expect(text.contains("\r\u{1B}[Kseglens: evaluating dice (6/11) … "), "\(text.debugDescription)")
        #expect(text.hasSuffix("\r\u{1B}[K"), "\(text.debugDescription)")
        #expect(!text.contains("\n"), "a progress line never ends a line: \(text.debugDescription)")
        line.update("after the end")
        Thread.sleep(forTimeInterval: 0.05)
        #expect(written.text == text, "nothing is written after finish()")
    }

    @Test func workThatEndsWithinTheDelayShowsNothing() {
        let written = Written()
        let line = ProgressLine(enabled: true, delay: 60, interval: 0.01) { written.append($0) }
        line.update("reading small.mask")
        Thread.sleep(forTimeInterval: 0.05)
        line.finish()
        #expect(written.text.isEmpty)
    }

    @Test func aDisabledLineShowsNothing() {
        let written = Written()
        let line = ProgressLine(enabled: false, delay: 0, interval: 0.01) { written.append($0) }
        line.update("reading big.mask")
        Thread.sleep(forTimeInterval: 0.05)
        line.finish()
        #expect(written.text.isEmpty)
    }

    /// Standard error is a pipe here: without `--progress` nothing is shown, and with it standard output is the
    /// same as without (the work is too short for the line to appear; the unit tests above show it appearing).
    @Test(arguments: [
        ["eval", "small-object.mask"], ["eval", "small-object.mask", "--json"], ["info", "small-object.mask", "--json"],
        ["sweep", "small-object.mask", "--loss", "focal", "--vary", "gamma=0:2:0.5", "--csv"],
    ])
    func progressNeverTouchesStandardOutput(arguments: [String]) throws {
        let plain = try SegLensProcess.run(arguments, in: RenderTests.samples)
        let withProgress = try SegLensProcess.run(arguments + ["--progress"], in: RenderTests.samples)
        #expect(plain.status == 0, "\(plain)")
        #expect(plain.stderr.isEmpty, "\(plain)")
        #expect(withProgress.status == 0, "\(withProgress)")
        #expect(withProgress.stdout == plain.stdout)
        #expect(!withProgress.stdout.contains("\u{1B}"))
    }
}
