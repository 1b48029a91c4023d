// Signal handling and other stateful parts of the CNcurses shim.
#define _XOPEN_SOURCE 700
#include "CNcurses.h"
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

static volatile sig_atomic_t nc_screen_active = 0;
static volatile sig_atomic_t nc_pending = 0;

int nc_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

void nc_set_screen_active(int active) { nc_screen_active = active ? 1 : 0; }

int nc_screen_is_active(void) { return nc_screen_active; }

void nc_restore_terminal(void) {
    if (nc_screen_active) {
        nc_screen_active = 0;
        endwin();  // best effort, as ncurses' own SIGINT handler does
    }
}

// MARK: Crash guard

static const int nc_fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
#define NC_FATAL_COUNT (sizeof nc_fatal_signals / sizeof nc_fatal_signals[0])
static struct sigaction nc_fatal_previous[NC_FATAL_COUNT];
static int nc_crash_guard_installed = 0;

static void nc_on_fatal(int sig) {
    nc_restore_terminal();
    for (size_t i = 0; i < NC_FATAL_COUNT; i++)
        if (nc_fatal_signals[i] == sig) sigaction(sig, &nc_fatal_previous[i], NULL);
    raise(sig);  // delivered to the previous handler once this one returns
}

void nc_install_crash_guard(void) {
    if (nc_crash_guard_installed) return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = nc_on_fatal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NC_FATAL_COUNT; i++)
        sigaction(nc_fatal_signals[i], &sa, &nc_fatal_previous[i]);
    nc_crash_guard_installed = 1;
}

void nc_uninstall_crash_guard(void) {
    if (!nc_crash_guard_installed) return;
    for (size_t i = 0; i < NC_FATAL_COUNT; i++)
        sigaction(nc_fatal_signals[i], &nc_fatal_previous[i], NULL);
    nc_crash_guard_installed = 0;
}

// MARK: SIGINT / SIGTERM / SIGHUP / SIGQUIT

static const int nc_exit_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
#define NC_EXIT_COUNT (sizeof nc_exit_signals / sizeof nc_exit_signals[0])
static struct sigaction nc_exit_previous[NC_EXIT_COUNT];
static int nc_exit_installed[NC_EXIT_COUNT];

void nc_die_by_signal(int sig) {
    nc_restore_terminal();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
}

static void nc_on_exit_signal(int sig) {
    if (nc_pending == 0) {
        nc_pending = sig;  // the run loop notices, restores and exits
        return;
    }
    // The program did not react to the first signal: restore and die now.
    nc_die_by_signal(sig);
}

void nc_install_exit_signals(void) {
    nc_pending = 0;
    for (size_t i = 0; i < NC_EXIT_COUNT; i++) {
        struct sigaction current;
        nc_exit_installed[i] = 0;
        if (sigaction(nc_exit_signals[i], NULL, &current) != 0) continue;
        // SIGQUIT (Ctrl-\) is also taken from the Swift runtime's backtracer, which treats it as a crash and
        // would print over the explorer's screen and wait for a key; an ignored SIGQUIT stays ignored.
        int replaceable = nc_exit_signals[i] == SIGQUIT
            ? !(!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN)
            : !(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_DFL;
        if (!replaceable) continue;
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = nc_on_exit_signal;  // no SA_RESTART: interrupts get_wch
        sigemptyset(&sa.sa_mask);
        if (sigaction(nc_exit_signals[i], &sa, &nc_exit_previous[i]) == 0) nc_exit_installed[i] = 1;
    }
}

void nc_uninstall_exit_signals(void) {
    for (size_t i = 0; i < NC_EXIT_COUNT; i++) {
        if (nc_exit_installed[i]) sigaction(nc_exit_signals[i], &nc_exit_previous[i], NULL);
        nc_exit_installed[i] = 0;
    }
}

int nc_pending_signal(void) { return nc_pending; }

// MARK: SIGCONT

static const char *nc_keypad_xmit = NULL;
static size_t nc_keypad_xmit_length = 0;
static volatile sig_atomic_t nc_continued = 0;
static struct sigaction nc_continue_previous;
static int nc_continue_installed = 0;

static void nc_on_continue(int sig) {
    (void)sig;
    nc_continued = 1;
    if (nc_screen_active && nc_keypad_xmit_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, nc_keypad_xmit, nc_keypad_xmit_length);
        (void)ignored;
    }
}

void nc_install_continue_handler(void) {
    if (nc_continue_installed) return;
    char *smkx = tigetstr("smkx");
    if (smkx != NULL && smkx != (char *)-1) {
        nc_keypad_xmit = smkx;
        nc_keypad_xmit_length = strlen(smkx);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = nc_on_continue;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGCONT, &sa, &nc_continue_previous) == 0) nc_continue_installed = 1;
}

void nc_uninstall_continue_handler(void) {
    if (nc_continue_installed) sigaction(SIGCONT, &nc_continue_previous, NULL);
    nc_continue_installed = 0;
}

int nc_take_continued(void) {
    int value = nc_continued;
    nc_continued = 0;
    return value;
}

// MARK: exit()

static void nc_atexit_handler(void) { nc_restore_terminal(); }

void nc_register_atexit(void) {
    static int registered = 0;
    if (!registered) {
        registered = 1;
        atexit(nc_atexit_handler);
    }
}
