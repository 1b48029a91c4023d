// CNcurses: a thin C shim over ncursesw for SegLensTerminal (no stable API).
//
// Swift cannot import ncurses' bit-shift macros (A_BOLD, BUTTON4_PRESSED…),
// its assignment macros (getmaxyx) or, under Swift 6 strict concurrency, its
// mutable globals (stdscr, LINES, COLS, COLORS, and glibc's stdin/stdout).
// Each gets a function here. Signal handling lives in shim.c.
#ifndef SEGLENS_CNCURSES_H
#define SEGLENS_CNCURSES_H

// The wide-character API (cchar_t, setcchar, mvadd_wch, get_wch) must be
// requested before <curses.h>; Debian ships one curses.h for both libraries.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <curses.h>

#define NC_SHIM static inline __attribute__((__always_inline__))

// MARK: Attributes (bit-shift macros the Clang importer drops)
NC_SHIM attr_t nc_a_normal(void)    { return A_NORMAL; }
NC_SHIM attr_t nc_a_bold(void)      { return A_BOLD; }
NC_SHIM attr_t nc_a_dim(void)       { return A_DIM; }
NC_SHIM attr_t nc_a_reverse(void)   { return A_REVERSE; }
NC_SHIM attr_t nc_a_underline(void) { return A_UNDERLINE; }

// MARK: Mouse masks
NC_SHIM mmask_t nc_all_mouse_events(void)    { return ALL_MOUSE_EVENTS; }
NC_SHIM mmask_t nc_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
NC_SHIM mmask_t nc_button_pressed(int b)  { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_PRESSED); }
NC_SHIM mmask_t nc_button_released(int b) { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_RELEASED); }
NC_SHIM mmask_t nc_button_clicked(int b)  { return NCURSES_MOUSE_MASK(b, NCURSES_BUTTON_CLICKED); }
/// Wheel up is button 4 pressed, wheel down button 5 pressed.
NC_SHIM mmask_t nc_wheel_up(void)   { return BUTTON4_PRESSED; }
NC_SHIM mmask_t nc_wheel_down(void) { return BUTTON5_PRESSED; }

// MARK: C globals Swift 6 rejects as shared mutable state
NC_SHIM WINDOW *nc_stdscr(void)  { return stdscr; }
NC_SHIM int nc_lines(void)       { return LINES; }
NC_SHIM int nc_cols(void)        { return COLS; }
NC_SHIM int nc_colors(void)      { return COLORS; }
NC_SHIM int nc_color_pairs(void) { return COLOR_PAIRS; }
NC_SHIM void nc_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }

/// Opens the screen on stdin/stdout. Unlike initscr(), returns NULL instead
/// of exiting when TERM is missing or unknown.
NC_SHIM SCREEN *nc_newterm_stdio(const char *term) { return newterm(term, stdout, stdin); }

/// Whether the open terminal can move the cursor ("cup"): a hard-copy or `dumb` terminal cannot show a screen.
NC_SHIM int nc_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1 && !tigetflag("hc");
}

/// nl_langinfo(CODESET) after setlocale, e.g. "UTF-8" or "ANSI_X3.4-1968".
NC_SHIM const char *nc_codeset(void) { return nl_langinfo(CODESET); }

/// Draws one cell: a spacing character plus up to CCHARW_MAX-1 combining
/// characters (NUL-terminated), attributes and a colour pair. The pair goes
/// through setcchar's extended-pair argument, so pairs above 255 (and above
/// 32767) work; COLOR_PAIR() would truncate them to 8 bits.
NC_SHIM int nc_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, 0, &pair) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

/// Defines colour pair `pair` (1 … COLOR_PAIRS-1); -1 means the default colour.
NC_SHIM int nc_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }

// MARK: Implemented in shim.c (state lives in one translation unit)

/// Column width of a Unicode scalar in the current locale (glibc hides wcwidth).
int nc_wcwidth(unsigned int scalar);

/// Marks the curses screen as open or closed; the signal handlers below only
/// call endwin() while it is open.
void nc_set_screen_active(int active);
int nc_screen_is_active(void);
/// endwin() if the screen is open; marks it closed. Safe to call repeatedly.
void nc_restore_terminal(void);

/// Restores the terminal on SIGSEGV/SIGBUS/SIGILL/SIGTRAP/SIGFPE/SIGABRT, then
/// re-raises into the previous handler (e.g. Swift's backtracer), like htop.
void nc_install_crash_guard(void);
void nc_uninstall_crash_guard(void);

/// Catches SIGINT, SIGTERM, SIGHUP and SIGQUIT, but only those whose disposition is
/// still SIG_DFL (so `nohup` and ignored signals are respected); SIGQUIT also
/// when the Swift runtime's backtracer holds it (it would treat Ctrl-\ as a crash). Install it
/// before newterm(), so ncurses does not install its own SIGINT/SIGTERM
/// handlers (which call endwin and _exit(1)).
///
/// The first such signal only records itself (see nc_pending_signal); the
/// handler has no SA_RESTART, so a blocking get_wch() returns. A second one
/// before the program reacts restores the terminal, restores the previous
/// disposition and re-raises: a stuck program still dies cleanly.
void nc_install_exit_signals(void);
/// Restores the dispositions saved by nc_install_exit_signals.
void nc_uninstall_exit_signals(void);
/// The first recorded SIGINT/SIGTERM/SIGHUP/SIGQUIT, or 0.
int nc_pending_signal(void);

/// Restores the terminal, sets `sig` to SIG_DFL, unblocks and raises it, so
/// the process dies "by signal" (the shell sees 128+sig). Returns only if the
/// signal did not kill the process.
void nc_die_by_signal(int sig);

/// Catches SIGCONT (after Ctrl-Z and `fg`) to re-send the terminal's
/// keypad-transmit string (smkx) and record the event. ncurses' SIGTSTP
/// handler repaints on resume but leaves the keypad in local mode, so arrow
/// keys would arrive as ESC [ C. Call after newterm() and keypad().
void nc_install_continue_handler(void);
void nc_uninstall_continue_handler(void);
/// 1 (once) if SIGCONT arrived since the last call.
int nc_take_continued(void);

/// Registers (once) an atexit handler that restores the terminal when the
/// program calls exit() with the screen still open.
void nc_register_atexit(void);

#endif
