import Foundation

/// One line of progress on standard error for work that takes longer than a second — reading the inputs,
/// preparing them, evaluating losses, sweeping: what is being done now and for how long, rewritten in place
/// (`\r`, the text, erase to the end of the line) a few times a second, and erased when the work ends.
///
/// It shows only when standard error is a terminal or `--progress` is given, never on standard output, and
/// nothing at all for work that ends within ``delay``.
final class ProgressLine: @unchecked Sendable {
    /// How long the work runs before the line first appears, in seconds.
    let delay: Double
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private let started = DispatchTime.now()
    private var step = ""
    /// The text on screen now; empty before the first draw (it is redrawn only when it changes).
    private var shown = ""
    private var finished = false
    private var timer: DispatchSourceTimer?

    /// A line that writes through `write` every `interval` seconds once `delay` has passed; a disabled line never
    /// writes.
    init(
        enabled: Bool, delay: Double = 1, interval: Double = 0.25,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.delay = delay
        self.write = write
        guard enabled else {
            finished = true
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + delay, repeating: interval)
        timer.setEventHandler { [weak self] in self?.redraw() }
        self.timer = timer
        timer.resume()
    }

    /// The line of a command: enabled when standard error is a terminal, or always with `forced` (`--progress`).
    static func forCommand(forced: Bool) -> ProgressLine {
        ProgressLine(enabled: forced || isatty(STDERR_FILENO) == 1)
    }

    /// Says what is being done now, e.g. `reading big.mask` or `evaluating dice (6/11)`.
    func update(_ text: String) {
        lock.withLock { step = text }
    }

    /// Ends the work: erases the line if it was shown. Call it before printing a result or an error.
    func finish() {
        timer?.cancel()
        lock.withLock {
            guard !finished else { return }
            finished = true
            if !shown.isEmpty { write("\r\u{1B}[K") }
        }
    }

    deinit { finish() }

    private func redraw() {
        lock.withLock {
            guard !finished, !step.isEmpty else { return }
            let seconds = Int(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
            let line = "seglens: \(step) … \(seconds) s"
            guard line != shown else { return }
            write("\r\u{1B}[K" + line)
            shown = line
        }
    }
}
