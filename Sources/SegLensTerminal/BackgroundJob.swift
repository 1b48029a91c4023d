import Dispatch
import Synchronization

/// One computation at a time off the input thread: the live loop starts it, keeps reading keys and drawing, and
/// takes its output when it is done (a poll, never a wait).
///
/// ```swift
/// let job = BackgroundJob<ExplorerWork.Outcome>()
/// if let work = model.pending, !job.isRunning { job.start { work.run() } }
/// if let outcome = job.takeFinished() { model.accept(outcome) }
/// ```
public final class BackgroundJob<Output: Sendable>: Sendable {
    private enum State {
        case idle
        case running
        case finished(Output)
    }

    private let state = Mutex<State>(.idle)

    public init() {}

    /// Whether a started computation has not finished yet.
    public var isRunning: Bool {
        state.withLock { if case .running = $0 { true } else { false } }
    }

    /// Starts `work` on another thread unless one is running (or its output was not taken); returns whether it
    /// started.
    @discardableResult
    public func start(_ work: @escaping @Sendable () -> Output) -> Bool {
        let started = state.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .running
            return true
        }
        guard started else { return false }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let output = work()
            state.withLock { $0 = .finished(output) }
        }
        return true
    }

    /// The output of the finished computation, once; `nil` while it runs or when none was started.
    public func takeFinished() -> Output? {
        state.withLock { state in
            guard case let .finished(output) = state else { return nil }
            state = .idle
            return output
        }
    }
}
