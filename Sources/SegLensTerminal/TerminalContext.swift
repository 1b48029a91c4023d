import SegLensUI

/// What the app's step function sees besides the keys.
public struct TerminalContext: Hashable, Sendable {
    /// The current screen size (already updated when the batch has `.resize`).
    public var size: TerminalSize
    public var capabilities: Capabilities
}
