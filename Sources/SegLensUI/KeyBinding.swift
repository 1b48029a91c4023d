/// One row of the key table: the keys, what they do, and how the help overlay and the status bar name them.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: ExplorerAction
    /// The keys as the help overlay shows them, e.g. `← h`.
    public var label: String
    /// What the keys do, for the help overlay.
    public var help: String
    /// The keys and a word for the status bar, e.g. `m view`; `nil` keeps the binding out of the status bar.
    public var hint: String?
}
