#!/usr/bin/env bash
# End-to-end test: however the explorer ends, the terminal comes back. Each way of ending it — q, Ctrl-C,
# Ctrl-\, SIGTERM, SIGHUP, SIGQUIT, kill -SEGV, kill -ABRT, and closing the pane — is checked for its exit status
# (as README.md documents it), for `stty -a` being the same before and after, for the cursor being visible and
# for the alternate screen being left (tmux's own view of the pane). Closing the pane leaves no terminal to
# check: there the program must simply be gone within a few seconds, not spin on a dead terminal.
#
#   bash Tests/e2e/signals_test.sh path/to/seglens
#
# Prints one line per check and ends with "e2e: N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

SAMPLE=Samples/street-scene.mask
TITLE="Street scene"

source Tests/e2e/tmux_lib.sh
tl_begin "$@" || exit 1
trap tl_cleanup EXIT
started=$SECONDS
source Tests/e2e/check_lib.sh

# ending NAME EXPECTED-STATUS HOW…: start the explorer, end it by HOW, check status, stty, cursor, screen.
ending() {
  local name=$1 expected=$2; shift 2
  tl_start 100 30 "exec '$BIN' $SAMPLE" || { fail "$name: start"; return; }
  if ! tl_wait_for "$TITLE" 10; then fail "$name: the explorer starts" "$(pane_dump)"; return; fi
  local during
  during=$(tl_tmux display-message -t "$TL_SESSION" -p '#{alternate_on}')
  check "$name: the explorer runs on the alternate screen (alternate_on=$during)" test "$during" = 1
  "$@"
  local status diff flags
  status=$(exit_status 10)
  check "$name exits with status $expected (got $status)" test "$status" = "$expected"
  if diff=$(tl_stty_same 2>&1); then pass "$name: stty -a as before"; else fail "$name: stty -a as before" "$diff"; fi
  flags=$(tl_tmux display-message -t "$TL_SESSION" -p '#{alternate_on} #{cursor_flag}')
  check "$name: alternate screen left and cursor visible (alternate_on cursor_flag = $flags)" test "$flags" = "0 1"
  if [[ "$status" == timeout ]]; then tl_signal KILL 2>/dev/null; fi
}

ending "q" 0 tl_send q
ending "Ctrl-C" 130 tl_send C-c
ending "Ctrl-\\" 131 tl_send 'C-\'
ending "SIGTERM" 143 tl_signal TERM
ending "SIGHUP" 129 tl_signal HUP
ending "SIGQUIT" 131 tl_signal QUIT
# Crashes go through the crash guard (endwin, then the previous handler); Swift's backtracer is told not to wait.
TL_ENV="SWIFT_BACKTRACE=enable=no" ending "kill -SEGV" 139 tl_signal SEGV
TL_ENV="SWIFT_BACKTRACE=enable=no" ending "kill -ABRT" 134 tl_signal ABRT

# Closing the pane: tmux hangs up the terminal (SIGHUP); the program must end, not linger on a dead terminal.
tl_start 100 30 "exec '$BIN' $SAMPLE" || exit 1
if tl_wait_for "$TITLE" 10; then
  pid=$(tl_pid)
  tl_tmux kill-pane -t "$TL_SESSION"
  gone=no
  for ((i = 0; i < 50; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then gone=yes; break; fi
    sleep 0.1
  done
  check "closing the pane ends the explorer within 5 s (gone: $gone)" test "$gone" = yes
  [[ "$gone" == yes ]] || kill -KILL "$pid" 2>/dev/null
else
  fail "closing the pane: the explorer starts" "$(pane_dump)"
fi

echo "# took $((SECONDS - started)) s"
echo "e2e: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
