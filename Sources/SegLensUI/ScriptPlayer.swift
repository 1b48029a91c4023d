/// Plays a ``KeyScript`` live: one key every ``pace``, `<wait>` steps in between, and the user's keys pause it.
///
/// Pure: the caller passes the time since the script started (`now`), so it is tested without a clock. While the
/// script plays, any key the user presses pauses it and is not applied; while paused, Space resumes and any other
/// key ends the script and is applied (the user carries on by hand).
public struct ScriptPlayer: Sendable {
    public enum State: Hashable, Sendable {
        case playing, paused, finished, quit
    }

    public let steps: [KeyScript.Step]
    /// The time between two scripted keys, so the audience sees each one.
    public let pace: Duration
    /// The index of the next step.
    public private(set) var next = 0
    public private(set) var state = State.playing
    /// When the next step is due, from the start.
    private var due: Duration
    /// How far ahead of the pause the next step was, to keep the rhythm on resume.
    private var remainingAtPause = Duration.zero

    public init(steps: [KeyScript.Step], pace: Duration = .milliseconds(400)) {
        self.steps = steps
        self.pace = pace
        due = pace
        if steps.isEmpty { state = .finished }
    }

    /// Keys the terminal delivered: returns the ones the explorer should apply (resizes always pass through).
    public mutating func handle(userKeys keys: [Key], now: Duration) -> [Key] {
        let pressed = keys.filter { key in
            if key == .resize { return false }
            if case .mouse = key { return false }
            return true
        }
        guard !pressed.isEmpty else { return keys }
        switch state {
        case .playing:
            remainingAtPause = max(.zero, due - now)
            state = .paused
            return keys.filter { !pressed.contains($0) }
        case .paused:
            if pressed.first == .character(" ") {
                state = .playing
                due = now + remainingAtPause
                return keys.filter { $0 == .resize }
            }
            state = .finished
            return keys
        case .finished, .quit:
            return keys
        }
    }

    /// The scripted keys due by `now`; ``state`` becomes `.quit` at a `<quit>` step.
    public mutating func advance(to now: Duration) -> [Key] {
        var keys: [Key] = []
        while state == .playing, next < steps.count, due <= now {
            switch steps[next] {
            case .key(let key):
                keys.append(key)
                due += pace
            case .wait(let duration):
                due += duration
            case .quit:
                state = .quit
            }
            next += 1
        }
        if state == .playing, next == steps.count { state = .finished }
        return keys
    }

    /// How long until the next step is due (nil unless playing).
    public func timeUntilNextStep(now: Duration) -> Duration? {
        state == .playing ? max(.zero, due - now) : nil
    }

    /// What the status line says about the script.
    public var statusText: String? {
        switch state {
        case .playing: "demo \(next)/\(steps.count): any key pauses"
        case .paused: "demo paused: Space resumes, another key takes over"
        case .finished, .quit: nil
        }
    }
}
