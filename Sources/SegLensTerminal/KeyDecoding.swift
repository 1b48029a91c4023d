import CNcurses
import SegLensUI

/// Turns what `get_wch` returned into a ``Key``; nil for input seglens does
/// not use. Mouse events (`KEY_MOUSE`) are decoded by the session.
func decodeKey(status: Int32, code: UInt32) -> Key? {
    if status == KEY_CODE_YES {
        return decodeFunctionKey(Int32(bitPattern: code))
    }
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
    case 0..<32: return nil
    default:
        guard let scalar = Unicode.Scalar(code) else { return nil }
        return .character(Character(scalar))
    }
}

private func decodeFunctionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_SR: return .shiftUp  // xterm's kri: Shift-Up
    case KEY_SF: return .shiftDown  // xterm's kind: Shift-Down
    case KEY_SLEFT: return .shiftLeft
    case KEY_SRIGHT: return .shiftRight
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_RESIZE: return .resize
    case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
    default: break
    }
    // Modified cursor keys have no fixed codes; ncurses names them from the
    // terminfo extended capabilities: kLFT5 = Ctrl-Left, kUP2 = Shift-Up…
    guard let name = keyname(code).map({ String(cString: $0) }) else { return nil }
    switch name {
    case "kUP2": return .shiftUp
    case "kDN2": return .shiftDown
    case "kLFT2": return .shiftLeft
    case "kRIT2": return .shiftRight
    case "kUP5": return .ctrlUp
    case "kDN5": return .ctrlDown
    case "kLFT5": return .ctrlLeft
    case "kRIT5": return .ctrlRight
    default: return nil
    }
}
