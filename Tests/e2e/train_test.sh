#!/usr/bin/env bash
# End-to-end test of training in the live explorer (tmux): t starts training and the step counter runs on its own
# (the run loop ticks without keys); > and < change η while it runs, and the status line shows it at once; t stops
# it and the counter stays; the race view opens and trains; q quits with the terminal modes restored.
#
#   bash Tests/e2e/train_test.sh path/to/seglens
#
# Prints one line per check and ends with "e2e train: N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

SAMPLE=Samples/small-object.mask

source Tests/e2e/tmux_lib.sh
tl_begin "$@" || exit 1
trap tl_cleanup EXIT

source Tests/e2e/check_lib.sh
# The step counter of the status line ("▶ step N" or "■ step N"), or empty.
step_now() { tl_capture | grep -oE '[▶■] step [0-9]+' | head -1 | grep -oE '[0-9]+$'; }
# The status line's η.
eta_now() { tl_capture | grep -oE 'η=[0-9.e+-]+' | head -1 | cut -c4-; }

tl_start 100 30 "$BIN $SAMPLE --no-mouse"
tl_wait_for "t train" 10 || fail "the explorer starts and hints t train" "$(pane_dump)"

# Start training: the counter must climb without any further key (ticks, not key presses, drive it).
tl_send_literal "t"
if tl_wait_for "▶ step" 5; then pass "t starts training (▶ in the status line)"; else fail "t starts training"; fi
first=$(step_now); sleep 1; second=$(step_now)
if [[ -n "$first" && -n "$second" && "$second" -gt "$first" ]]; then
  pass "training runs on its own: step $first, one second later step $second"
else
  fail "training runs on its own" "steps: '$first' then '$second'"
fi

# Change η while it runs: the default for SGD on 200 kept pixels is 200; > makes it 500, < < makes it 100.
before=$(eta_now)
tl_send_literal ">"
if tl_wait_for "η=500" 3; then pass "> raises η while training ($before → 500)"; else fail "> raises η" "$(pane_dump)"; fi
tl_send_literal "<"; tl_send_literal "<"
if tl_wait_for "η=100" 3; then pass "< < lowers η while training (→ 100)"; else fail "< lowers η" "$(pane_dump)"; fi
check "still training after the η keys" tl_wait_for "▶ step" 2
tl_send_literal "]"
if tl_wait_for "K=2" 3; then pass "] doubles the steps per frame while training"; else fail "] K=2" "$(pane_dump)"; fi

# Stop: the counter stays put.
tl_send_literal "t"
if tl_wait_for "■ step" 3; then pass "t stops training (■)"; else fail "t stops training" "$(pane_dump)"; fi
stopped=$(step_now); sleep 0.6; later=$(step_now)
if [[ -n "$stopped" && "$stopped" == "$later" ]]; then
  pass "stopped means stopped: step $stopped stays"
else
  fail "stopped means stopped" "steps: '$stopped' then '$later'"
fi
if tl_capture | grep -qE 'IoU 1\.000'; then pass "the trained prediction reached IoU 1 on the small object"; else fail "trained IoU" "$(pane_dump)"; fi

# The race trains its lanes.
tl_send_literal "R"
if tl_wait_for "race: bce · focal · dice" 3; then pass "R opens the race"; else fail "R opens the race" "$(pane_dump)"; fi
tl_send_literal "t"
if tl_wait_for "IoU ≥ 0.9 at step" 10; then pass "the race trains and reports when a lane reaches IoU 0.9"; else fail "race trains" "$(pane_dump)"; fi
tl_send_literal "t"
tl_send_literal "R"
check "R closes the race" tl_wait_gone "race: bce" 3

tl_send_literal "q"
status=$(tl_wait_exit 10 || echo timeout)
if [[ "$status" == 0 ]]; then pass "q quits (exit 0)"; else fail "q quits" "status $status"; fi
if diff=$(tl_stty_same); then pass "terminal modes restored (stty -a identical)"; else fail "terminal modes restored" "$diff"; fi

echo "e2e train: $passed passed, $failed failed"
((failed == 0))
