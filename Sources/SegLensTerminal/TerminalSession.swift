import CNcurses
import SegLensUI

#if canImport(Glibc)
import Glibc
#endif

/// The live terminal: opens the curses screen, draws ``Canvas`` frames and
/// reads ``Key``s, and restores the terminal on every exit path.
///
/// Curses is process-global and not thread-safe: keep one session at a time
/// and use it from one thread (the type is deliberately not `Sendable`).
///
/// ```swift
/// let outcome = try TerminalSession.run(options: TerminalOptions(mouse: false)) { keys, context in
///     if keys.contains(.character("q")) { return .quit }
///     model.apply(keys)
///     return .redraw(model.view(size: context.size, capabilities: context.capabilities))
/// }
/// if case .signal(let signal) = outcome { TerminalSession.dieBySignal(signal) }
/// ```
///
/// Restoring the terminal:
/// - normal quit, thrown errors: ``close()`` (called by ``run(options:_:)``'s
///   `defer`, and by `deinit`);
/// - `exit()` with the screen open: an `atexit` handler;
/// - SIGINT (Ctrl-C), SIGTERM, SIGHUP, SIGQUIT (Ctrl-\): a handler records the signal and
///   interrupts the blocking read; the run loop returns
///   ``TerminalOutcome/signal(_:)``. A second signal while the app is busy
///   restores the terminal and kills the process at once. Signals that were
///   ignored at startup (`nohup`) stay ignored;
/// - crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, which
///   includes Swift traps): `endwin()` first, then the previous handler
///   (Swift's backtracer) on a normal screen;
/// - SIGTSTP (Ctrl-Z) and SIGWINCH: ncurses' own handlers; on SIGCONT the
///   shim re-enables keypad mode, which ncurses' resume leaves off.
public final class TerminalSession {
    /// What the terminal can show, decided once at startup.
    public let capabilities: Capabilities
    /// The current screen size.
    public private(set) var size: TerminalSize

    private let options: TerminalOptions
    private var isOpen = true
    private var lastCanvas: Canvas?
    private var needsFullRepaint = false
    private var mouseEnabled = false
    private var useDefaultColors = false
    private var terminalColors: Int32 = 0
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private let pairLimit: Int32

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Opens the screen.
    ///
    /// - Throws: ``TerminalError`` when stdin/stdout are not terminals, when
    ///   `TERM` is unknown, or when a session is already open.
    public init(options: TerminalOptions = TerminalOptions()) throws(TerminalError) {
        guard nc_screen_is_active() == 0 else { throw .alreadyOpen }
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "stdin") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "stdout") }
        self.options = options

        // Before curses: the locale decides how ncursesw encodes wide
        // characters, and our SIGINT/SIGTERM/SIGHUP handlers must be in place
        // before newterm so ncurses does not install its exiting ones.
        setlocale(LC_ALL, "")
        nc_install_exit_signals()
        let term = getenv("TERM").map { String(cString: $0) }
        guard let screen = nc_newterm_stdio(nil) else {
            nc_uninstall_exit_signals()
            throw .cannotOpen(term: term)
        }
        guard nc_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            nc_uninstall_exit_signals()
            throw .cannotAddressCursor(term: term ?? "")
        }
        nc_set_screen_active(1)
        nc_install_crash_guard()
        nc_register_atexit()

        cbreak()  // Ctrl-C stays a signal (unlike raw())
        noecho()
        nonl()
        keypad(nc_stdscr(), true)
        nc_install_continue_handler()
        curs_set(0)
        if getenv("ESCDELAY") == nil { set_escdelay(25) }

        if has_colors() {
            start_color()
            useDefaultColors = use_default_colors() == OK
            terminalColors = nc_colors()
        }
        pairLimit = max(0, min(nc_color_pairs(), 65_536))

        let noColorEnvironment = getenv("NO_COLOR").map { String(cString: $0) }
        capabilities = Capabilities.decide(
            terminalColors: Int(terminalColors), noColorEnvironment: noColorEnvironment,
            noColorOption: options.noColor, codeset: String(cString: nc_codeset()), asciiOption: options.ascii)

        var rows: Int32 = 0, columns: Int32 = 0
        nc_getmaxyx(nc_stdscr(), &rows, &columns)
        size = TerminalSize(rows: Int(rows), columns: Int(columns))

        if options.mouse {
            let mask = nc_wheel_up() | nc_wheel_down() | nc_button_pressed(1) | nc_button_released(1)
                | nc_button_pressed(3) | nc_button_released(3)
            mouseEnabled = mousemask(mask, nil) != 0
            mouseinterval(0)
        }
    }

    deinit { close() }

    /// Restores the terminal (`endwin`) and the signal handlers. Idempotent.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        if mouseEnabled { mousemask(0, nil) }
        curs_set(1)
        nc_restore_terminal()
        nc_uninstall_crash_guard()
        nc_uninstall_exit_signals()
        nc_uninstall_continue_handler()
    }

    /// The current size and capabilities.
    public var context: TerminalContext { TerminalContext(size: size, capabilities: capabilities) }

    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT received since the session opened, if any.
    public var pendingSignal: Int32? {
        let signal = nc_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Restores the terminal and kills the process with `signal`'s default
    /// action, so the parent shell sees "terminated by signal" (status 128+n).
    public static func dieBySignal(_ signal: Int32) -> Never {
        nc_die_by_signal(signal)
        exit(128 + signal)
    }

    // MARK: Drawing

    /// Shows `canvas`: `erase()`, the cells (clipped to the screen), then
    /// `refresh()`, which sends only what changed. Does nothing if `canvas`
    /// equals the frame on screen, unless `force` (which clears the terminal
    /// and repaints everything, like Ctrl-L).
    ///
    /// Colours are mapped to ``capabilities`` and, without Unicode, glyphs to
    /// ASCII fallbacks; glyphs that `wcwidth` says are not one column wide are
    /// drawn as "?".
    public func draw(_ canvas: Canvas, force: Bool = false) {
        guard isOpen else { return }
        if nc_take_continued() != 0 { needsFullRepaint = true }  // back from Ctrl-Z
        let repaint = force || needsFullRepaint
        if !repaint, canvas == lastCanvas { return }
        let shown = canvas.adapted(to: capabilities)
        if repaint { clearok(nc_stdscr(), true) }
        needsFullRepaint = false

        let rows = min(size.rows, shown.height), columns = min(size.columns, shown.width)
        if nextPair > 1, Int(nextPair) + rows * columns >= Int(pairLimit) {
            // Redefine pairs from scratch; one frame never needs more than
            // rows × columns of them.
            pairs.removeAll(keepingCapacity: true)
            nextPair = 1
        }
        erase()
        var buffer = [wchar_t](repeating: 0, count: 6)
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = shown[y, x]
                if cell == .blank { continue }
                fill(&buffer, with: cell.glyph)
                _ = nc_put_cell(Int32(y), Int32(x), buffer, attributes(cell.style), pair(for: cell))
            }
        }
        refresh()
        lastCanvas = canvas
    }

    private func fill(_ buffer: inout [wchar_t], with glyph: Character) {
        var count = 0
        for scalar in glyph.unicodeScalars where count < 5 {
            buffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 || nc_wcwidth(UInt32(bitPattern: buffer[0])) != 1 {
            buffer[0] = wchar_t(UInt8(ascii: "?"))
            count = 1
        }
        buffer[count] = 0
    }

    private func attributes(_ style: CellStyle) -> attr_t {
        var attributes = nc_a_normal()
        if style.contains(.bold) { attributes |= nc_a_bold() }
        if style.contains(.dim) { attributes |= nc_a_dim() }
        if style.contains(.reverse) { attributes |= nc_a_reverse() }
        if style.contains(.underline) { attributes |= nc_a_underline() }
        return attributes
    }

    private func curses(_ color: TerminalColor, isForeground: Bool) -> Int32 {
        guard case .indexed(let index) = color else {
            return useDefaultColors ? -1 : (isForeground ? Int32(COLOR_WHITE) : Int32(COLOR_BLACK))
        }
        var value = Int32(index)
        if value >= terminalColors, terminalColors >= 8, value < 16 { value -= 8 }  // 8-colour terminals
        return value < terminalColors ? value : (useDefaultColors ? -1 : 0)
    }

    private func pair(for cell: Cell) -> Int32 {
        guard capabilities.colorDepth != .none else { return 0 }
        let key = PairKey(
            foreground: curses(cell.foreground, isForeground: true),
            background: curses(cell.background, isForeground: false))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard nextPair < pairLimit else { return 0 }
        let pair = nextPair
        guard nc_init_pair(pair, key.foreground, key.background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    // MARK: Input

    private enum Read {
        case key(Key)
        case ignored  // input we do not map to a Key
        case timedOut
        case failed
    }

    /// One `get_wch`: `timeout` nil blocks, zero polls.
    private func read(timeout: Duration?) -> Read {
        let milliseconds: Int32
        if let timeout {
            let (seconds, attoseconds) = timeout.components
            milliseconds = Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        } else {
            milliseconds = -1
        }
        wtimeout(nc_stdscr(), milliseconds)
        var code: wint_t = 0
        errno = 0
        let status = get_wch(&code)
        if status == ERR {
            return milliseconds >= 0 && errno != EINTR ? .timedOut : .failed
        }
        if status == KEY_CODE_YES, Int32(bitPattern: code) == KEY_MOUSE {
            return mouseEvent().map { .key(.mouse($0)) } ?? .ignored
        }
        guard let key = decodeKey(status: status, code: code) else { return .ignored }
        if key == .resize { updateSize() }
        return .key(key)
    }

    private func mouseEvent() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let kind: MouseEvent.Kind
        if state & nc_wheel_up() != 0 {
            kind = .wheelUp
        } else if state & nc_wheel_down() != 0 {
            kind = .wheelDown
        } else if let button = (1...3).first(where: { state & nc_button_pressed(Int32($0)) != 0 }) {
            kind = .press(button: button)
        } else if let button = (1...3).first(where: { state & nc_button_released(Int32($0)) != 0 }) {
            kind = .release(button: button)
        } else {
            return nil
        }
        return MouseEvent(kind: kind, row: Int(event.y), column: Int(event.x))
    }

    private func updateSize() {
        var rows: Int32 = 0, columns: Int32 = 0
        nc_getmaxyx(nc_stdscr(), &rows, &columns)
        size = TerminalSize(rows: Int(rows), columns: Int(columns))
        needsFullRepaint = true  // terminals reflow or clear on resize; ncurses can't know
    }

    /// Every key already queued, without waiting. Call it after the first key
    /// of a batch so the app applies them all and recomputes once (a held
    /// arrow key over SSH queues many).
    public func drainKeys(limit: Int = 1024) -> [Key] {
        guard isOpen else { return [] }
        var keys: [Key] = []
        var attempts = 0
        while keys.count < limit, attempts < limit * 2 {
            attempts += 1
            switch read(timeout: .zero) {
            case .key(let key): keys.append(key)
            case .ignored: continue
            case .timedOut, .failed: return keys
            }
        }
        return keys
    }

    // MARK: Run loop

    /// Runs the app until it quits, a signal arrives or input ends.
    ///
    /// `step` is first called with no keys (draw the initial frame), then with
    /// each batch of keys: the first key that arrives plus every key already
    /// queued behind it; after ``TerminalAction/animate(_:interval:)``, also
    /// with no keys when none came within the interval. Errors thrown by `step` propagate; the caller (or
    /// ``run(options:_:)``) closes the session.
    public func run(
        _ step: (_ keys: [Key], _ context: TerminalContext) throws -> TerminalAction
    ) rethrows -> TerminalOutcome {
        var keys: [Key] = []
        while true {
            if let signal = pendingSignal { return .signal(signal) }
            let action = try step(keys, context)
            if let signal = pendingSignal { return .signal(signal) }
            var tick: Duration?
            switch action {
            case .quit: return .quit
            case .redraw(let canvas): draw(canvas)
            case .repaint(let canvas): draw(canvas, force: true)
            case .animate(let canvas, let interval):
                draw(canvas)
                tick = interval
            }
            var failures = 0
            waiting: while true {
                switch read(timeout: tick) {
                case .key(let key):
                    keys = [key] + drainKeys()
                    break waiting
                case .timedOut where tick != nil:
                    keys = []
                    break waiting
                case .ignored, .timedOut:  // a blocking read does not time out
                    continue
                case .failed:
                    if let signal = pendingSignal { return .signal(signal) }
                    if errno == EINTR { continue }  // e.g. back from Ctrl-Z
                    failures += 1
                    if failures >= 3 { return .inputClosed }
                }
            }
        }
    }

    /// Opens a session, runs `step` until it quits, and closes the session on
    /// every path (including a thrown error).
    public static func run(
        options: TerminalOptions = TerminalOptions(),
        _ step: (_ keys: [Key], _ context: TerminalContext) throws -> TerminalAction
    ) throws -> TerminalOutcome {
        let session = try TerminalSession(options: options)
        defer { session.close() }
        return try session.run(step)
    }
}
