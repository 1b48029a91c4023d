#!/usr/bin/env bash
# End-to-end test of the live explorer in a real terminal (tmux): startup, keys, the help overlay, resizing,
# quitting and signals (with the terminal modes restored), refusing unusable terminals, NO_COLOR, --ascii, and
# the bytes one parameter step writes compared with a full frame.
#
#   bash Tests/e2e/explorer_test.sh path/to/seglens
#
# Prints one line per check and ends with "e2e: N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

SAMPLE=Samples/small-object.mask

source Tests/e2e/tmux_lib.sh
tl_begin "$@" || exit 1
trap tl_cleanup EXIT
started=$SECONDS

source Tests/e2e/check_lib.sh

# Loss values shown in the explorer's loss table, "name value" per line: a name then a 6-decimal number.
screen_values() {
  python3 -c '
import re, sys
for line in sys.stdin:
    for name, value in re.findall(r"(?:^|\s)([a-z][a-z0-9-]*)\s{2,}(-?\d+\.\d{6})(?=\s|$)", line):
        print(name, value)
'
}
# The loss the selection pointer (▸) is on.
selected_loss() { grep -o '▸ [a-z][a-z0-9-]*' | head -1 | cut -c5-; }
# The heatmap panel's mode, from its title "MODE · LOSS".
heatmap_mode() { grep -oE '(gradient|weight|loss|errors) · [a-z]' | head -1 | cut -d' ' -f1; }

# ---------------------------------------------------------------------------------------------------------
# Independent expectations, from the sample file and `seglens eval`.

start_gamma=$(sed -n 's/^params:.*gamma=\([^ ]*\).*/\1/p' "$SAMPLE")
expected_gamma=$(python3 -c '
import sys
value = float(sys.argv[1]) + 2 * 0.25
print(int(value) if value == int(value) else repr(value))
' "${start_gamma:-0}")
title=$(sed -n 's/^title: //p' "$SAMPLE" | cut -c1-12)   # "Small object"
focal_json=$("$BIN" eval "$SAMPLE" --loss focal --alpha none --gamma "$expected_gamma" --json)
expected_focal=$(python3 -c '
import json, sys
losses = json.load(sys.stdin)["losses"]
assert len(losses) == 1 and losses[0]["name"] == "focal"
print("%.6f" % losses[0]["value"])
' <<<"$focal_json")
loss_order=$("$BIN" eval "$SAMPLE" --json | python3 -c '
import json, sys
print(" ".join(loss["name"] for loss in json.load(sys.stdin)["losses"]))')
next_after_focal=$(python3 -c '
import sys
names = sys.argv[1].split()
print(names[(names.index("focal") + 1) % len(names)])' "$loss_order")
echo "# expecting γ = $expected_gamma (file: gamma=${start_gamma:-unset}), focal $expected_focal, Tab → $next_after_focal"

# ---------------------------------------------------------------------------------------------------------
# 1. Keys, help, resize, q.

tl_start 100 30 "exec '$BIN' $SAMPLE" || exit 1
if tl_wait_for "$title" 10; then pass "explorer starts and shows the title '$title'"; else fail "explorer starts"; fi
screen=$(tl_capture)
status_line=$(tl_capture | sed -n '30p')
if contains "$status_line" "Tab loss" && contains "$status_line" "? help" && contains "$status_line" "q quit"; then
  pass "status line shows key hints"
else
  fail "status line shows key hints" "status line: $status_line"
fi
check "the first loss selected is focal (the file's loss=focal)" test "$(selected_loss <<<"$screen")" = focal
colored=$(tl_capture -e)
check "a normal run uses 256-colour SGR (control for the NO_COLOR check)" grep -qE $'\e\\[[0-9;]*[34]8;5;' <<<"$colored"
check "a normal run shows non-ASCII glyphs (control for the --ascii check)" grep -qP '[^\x00-\x7F]' <<<"$screen"

tl_send g Right Right
if tl_wait_for "γ = $expected_gamma" 5; then pass "g → → shows γ = $expected_gamma"; else fail "g → → shows γ = $expected_gamma"; fi
screen=$(tl_capture)
shown_focal=$(screen_values <<<"$screen" | awk '$1 == "focal" { print $2; exit }')
if [[ "$shown_focal" == "$expected_focal" ]]; then
  pass "focal on screen ($shown_focal) equals seglens eval --gamma $expected_gamma"
else
  fail "focal on screen equals seglens eval" "screen: '${shown_focal}', eval: '$expected_focal'"
fi

heatmap_before=$(heatmap_mode <<<"$screen")
tl_send Tab
if tl_wait_for "▸ $next_after_focal " 5; then
  pass "Tab moves the selection to the next loss ($next_after_focal)"
else
  fail "Tab moves the selection to $next_after_focal"
fi
check "… and only one loss is selected" test "$(tl_capture | grep -o '▸ [a-z]' | wc -l)" -eq 1
tl_send m
# m goes to the next view the loss has: region losses (no per-pixel loss) skip the loss view.
expected_heatmap=$(python3 -c '
import sys
modes = ["gradient", "weight", "loss", "errors"]   # HeatmapMode order
region = {"dice", "dice-squared", "iou", "tversky", "focal-tversky", "lovasz-hinge", "lovasz-softmax"}
mode = modes[(modes.index(sys.argv[1]) + 1) % 4] if sys.argv[1] in modes else "?"
if mode == "loss" and sys.argv[2] in region: mode = "errors"
print(mode)' "${heatmap_before:-none}" "$next_after_focal")
if tl_wait_for "$expected_heatmap · $next_after_focal" 5; then
  pass "m changes the heatmap from '$heatmap_before' to '$expected_heatmap'"
else
  fail "m changes the heatmap title (was '$heatmap_before')"
fi

tl_send_literal "?"
if tl_wait_for "next loss" 5 && contains "$(tl_capture)" "quit"; then
  pass "? opens the help overlay (lists 'next loss' and 'quit')"
else
  fail "? opens the help overlay"
fi
tl_send Escape
if tl_wait_gone "next loss" 5; then pass "Escape closes the help"; else fail "Escape closes the help" "$(pane_dump)"; fi
# Ctrl-L repaints everything: wipe the pane from tmux's side, then the program must draw it all again.
tl_tmux clear-history -t "$TL_SESSION"; tl_tmux send-keys -t "$TL_SESSION" -R
tl_send C-l
if tl_wait_for "$title" 5; then pass "Ctrl-L repaints the screen"; else fail "Ctrl-L repaints the screen" "$(pane_dump)"; fi

tl_resize 70 20
if tl_wait_for "terminal too small" 5; then pass "70×20 shows 'terminal too small'"; else fail "70×20 shows 'terminal too small'"; fi
tl_resize 100 30
if tl_wait_for "$title" 5 && tl_wait_gone "terminal too small" 5; then
  pass "back at 100×30 the explorer is back"
else
  fail "back at 100×30 the explorer is back"
fi
tl_send BTab
if tl_wait_for "γ = $expected_gamma" 5; then pass "… state kept: S-Tab back to focal shows γ = $expected_gamma"; else fail "state kept across the resize"; fi

tl_send q
status=$(exit_status 10)
check "q exits with status 0 (got $status)" test "$status" = 0
if diff=$(tl_stty_same 2>&1); then pass "stty settings restored after q"; else fail "stty settings restored after q" "$diff"; fi

# ---------------------------------------------------------------------------------------------------------
# 2. Signals: SIGTERM 143, SIGHUP 129, Ctrl-C 130; the terminal restored each time.

signal_run() {  # signal_run NAME EXPECTED HOW…
  local name=$1 expected=$2; shift 2
  tl_start 100 30 "exec '$BIN' $SAMPLE" || { fail "$name: start"; return; }
  if ! tl_wait_for "$title" 10; then fail "$name: explorer starts"; return; fi
  "$@"
  local status diff
  status=$(exit_status 10)
  check "$name exits with status $expected (got $status)" test "$status" = "$expected"
  if diff=$(tl_stty_same 2>&1); then pass "stty settings restored after $name"; else fail "stty settings restored after $name" "$diff"; fi
}
signal_run SIGTERM 143 tl_signal TERM
signal_run SIGHUP 129 tl_signal HUP
signal_run Ctrl-C 130 tl_send C-c
# A crash: SIGSEGV goes through the crash guard (endwin, then the previous handler); Swift's backtracer is told
# not to wait for a key.
TL_ENV="SWIFT_BACKTRACE=enable=no" signal_run SIGSEGV 139 tl_signal SEGV

# ---------------------------------------------------------------------------------------------------------
# 3. Terminals the explorer cannot use: exit 2 with advice.

TL_TERM=dumb tl_start 100 30 "exec '$BIN' $SAMPLE" || exit 1
status=$(exit_status 5)
check "TERM=dumb exits with status 2 (got $status)" test "$status" = 2
if contains "$(tl_capture -J)" "TERM=xterm-256color"; then pass "TERM=dumb message suggests TERM=xterm-256color"; else fail "TERM=dumb message" "$(pane_dump)"; fi
if [[ "$status" == timeout ]]; then
  tl_send q; exit_status 5 >/dev/null   # it opened the explorer on a dumb terminal: leave it
fi
if diff=$(tl_stty_same 2>&1); then pass "stty unchanged after TERM=dumb"; else fail "stty unchanged after TERM=dumb" "$diff"; fi

TL_ENV="-u TERM" tl_start 100 30 "exec '$BIN' $SAMPLE" || exit 1
status=$(exit_status 10)
check "unset TERM exits with status 2 (got $status)" test "$status" = 2
if contains "$(tl_capture)" "TERM=xterm-256color"; then pass "unset TERM message suggests TERM=xterm-256color"; else fail "unset TERM message" "$(pane_dump)"; fi

"$BIN" "$SAMPLE" </dev/null >"$TL_DIR/out" 2>"$TL_DIR/err"
status=$?
check "not a terminal (stdin /dev/null, stdout a file) exits with status 2 (got $status)" test "$status" = 2
if grep -qF "seglens render" "$TL_DIR/err"; then pass "… the message suggests 'seglens render'"; else fail "… the message suggests 'seglens render'" "stderr: $(cat "$TL_DIR/err")"; fi
check "… and nothing is written to stdout" test ! -s "$TL_DIR/out"

# ---------------------------------------------------------------------------------------------------------
# 4. NO_COLOR and --ascii.

TL_ENV="NO_COLOR=1" tl_start 100 30 "exec '$BIN' $SAMPLE" || exit 1
if tl_wait_for "$title" 10; then
  colored=$(tl_capture -e)
  # Any SGR parameter list holding a colour: 30–38, 40–48, 90–97, 100–107 (39/49 are the defaults).
  colours=$(grep -oE $'\e\\[[0-9;]*m' <<<"$colored" | python3 -c '
import sys
bad = set()
for sequence in sys.stdin.read().split():
    params = sequence[2:-1].split(";")
    if any(p.isdigit() and (30 <= int(p) <= 38 or 40 <= int(p) <= 48 or 90 <= int(p) <= 97 or 100 <= int(p) <= 107) for p in params):
        bad.add(repr(sequence))
print(" ".join(sorted(bad)))')
  if [[ -z "$colours" ]]; then pass "NO_COLOR=1: no colour SGR sequences"; else fail "NO_COLOR=1: no colour SGR sequences" "found: $colours"; fi
else
  fail "NO_COLOR=1 run starts"
fi
tl_send q; exit_status 5 >/dev/null

tl_start 100 30 "exec '$BIN' --ascii $SAMPLE" || exit 1
if tl_wait_for "$title" 10; then
  if tl_capture | LC_ALL=C grep -qP '[^\x00-\x7F]'; then
    fail "--ascii: only ASCII on screen" "$(tl_capture | LC_ALL=C grep -nP '[^\x00-\x7F]' | head -5)"
  else
    pass "--ascii: only ASCII on screen"
  fi
else
  fail "--ascii run starts"
fi
tl_send q; exit_status 5 >/dev/null

# ---------------------------------------------------------------------------------------------------------
# 5. Bytes written: the first full frame vs one parameter step, at 120×40.

# settled_bytes: the recorded byte count once it has stopped growing.
settled_bytes() {
  local previous=-1 current i
  for ((i = 0; i < 30; i++)); do
    current=$(tl_record_bytes)
    [[ "$current" == "$previous" ]] && break
    previous=$current
  done
  echo "$current"
}
# The program waits for the go file, so that recording starts before its first byte.
tl_start 120 40 "while [ ! -e '$TL_DIR/go' ]; do sleep 0.02; done; exec '$BIN' $SAMPLE" || exit 1
tl_record_start
touch "$TL_DIR/go"
if tl_wait_for "$title" 10; then
  full=$(settled_bytes)
  tl_send g
  tl_wait_for "γ = ${start_gamma:-0}" 5 >/dev/null
  before=$(settled_bytes)
  tl_send Right
  expected_step=$(python3 -c 'import sys; v = float(sys.argv[1]) + 0.25; print(int(v) if v == int(v) else repr(v))' "${start_gamma:-0}")
  if tl_wait_for "γ = $expected_step" 5; then
    after=$(settled_bytes)
    step=$((after - before))
    echo "# bytes at 120×40: first full frame $full, one γ step $step"
    check "a full frame is at least 2000 bytes (measurement sanity: $full)" test "$full" -ge 2000
    check "one step writes something ($step bytes)" test "$step" -gt 0
    check "one γ step ($step bytes) is under 25% of a full frame ($full bytes)" test $((step * 4)) -lt "$full"
    # The errors view does not change with γ: a step then rewrites only the values and the parameter line.
    tl_send m; tl_send m
    tl_wait_for "errors · " 5 >/dev/null
    before=$(settled_bytes)
    tl_send Right
    expected_step=$(python3 -c 'import sys; v = float(sys.argv[1]) + 0.5; print(int(v) if v == int(v) else repr(v))' "${start_gamma:-0}")
    if tl_wait_for "γ = $expected_step" 5; then
      after=$(settled_bytes)
      unchanged=$((after - before))
      echo "# bytes at 120×40: one γ step over the errors view (heatmap unchanged) $unchanged"
      check "a γ step with the heatmap unchanged writes at most 2 KB ($unchanged bytes)" test "$unchanged" -le 2048
    else
      fail "→ on γ over the errors view shows γ = $expected_step"
    fi
  else
    fail "→ on γ shows γ = $expected_step"
  fi
else
  fail "120×40 run starts"
fi
tl_send q; exit_status 5 >/dev/null

echo "# took $((SECONDS - started)) s"
echo "e2e: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
