#!/usr/bin/env bash
# End-to-end test of presets and the lecturer's fixes (issue 8, §3 presets and §4) in a real terminal (tmux) at
# 80×24: a digit applies a file's preset and the status line names it, the state line on quit starts with
# preset=N; every class and void is in the legend; the metrics keep FN and TN; the selected loss's row keeps its
# parameters; the three panels are equally wide; a heat 0 is a dim dot; the loss view of a region loss falls
# back to the weight and says so once; the help has no stray border column; the conventions panel cuts no number.
#
#   bash Tests/e2e/lecturer_fixes_test.sh path/to/seglens
#
# Prints one line per check and ends with "lecturer fixes e2e: N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

source Tests/e2e/tmux_lib.sh
tl_begin "$@" || exit 1
trap tl_cleanup EXIT
source Tests/e2e/check_lib.sh

# Lines of the pane that hold an ellipsis right after text with a digit (a cut number).
cut_numbers() {
  tl_capture | python3 -c '
import sys
edges = set("│┌└┐┘├┤─")
for line in sys.stdin:
    stretch = ""
    for char in line.rstrip("\n"):
        if char in edges:
            stretch = ""
        elif char == "…":
            if any(c.isdigit() for c in stretch):
                print(line.rstrip()); break
            stretch = ""
        else:
            stretch += char'
}

# --- Presets: tversky-tradeoff's "params 3" line -------------------------------------------------------------
tl_start 80 24 "exec '$BIN' --no-mouse Samples/tversky-tradeoff.mask" || exit 1
tl_wait_for "Tab loss" 10 || fail "the explorer starts" "$(pane_dump)"
tl_send_literal "3"
if tl_wait_for "preset 3: β=0.7: a false alarm costs 0.7, a miss 0.3" 5; then pass "3 applies preset 3 and the status line names it"
else fail "3 applies preset 3" "$(pane_dump)"; fi
if contains "$(tl_capture)" "β = 0.7 (FP×0.7, FN×0.3)"; then pass "preset 3 sets β = 0.7 (FN weight 0.3, not 0.30000000000000004)"
else fail "preset 3 sets β = 0.7" "$(pane_dump)"; fi
if contains "$(tl_capture | grep '▸ tversky')" "β=0.7"; then pass "the tversky row shows β=0.7 at 80 columns"
else fail "the tversky row shows β" "$(pane_dump)"; fi
tl_send_literal "?"
tl_send Right
if tl_wait_for "3  β=0.7: a false alarm costs 0.7, a miss 0.3" 5; then pass "the help lists the file's presets"; else fail "the help lists the presets" "$(pane_dump)"; fi
tl_send Escape
tl_send_literal "c"
if tl_wait_for "conventions · tversky" 5; then pass "c opens the conventions panel"; else fail "c opens the conventions panel" "$(pane_dump)"; fi
cut=$(cut_numbers)
if [[ -z "$cut" ]]; then pass "the conventions panel at 80 columns cuts no number"; else fail "the conventions panel cuts no number" "$cut"; fi
tl_send Escape
tl_send_literal "q"
status=$(exit_status 10)
if [[ "$status" == 0 ]] && contains "$(tl_capture)" "--state 'preset=3'"; then pass "q prints the state line --state 'preset=3'"
else fail "q prints the state line with preset=3" "status $status $(pane_dump)"; fi

# --- Legends, metrics, rows, panels, zero heat: small-object at 80×24 ----------------------------------------
tl_start 80 24 "exec '$BIN' --no-mouse Samples/small-object.mask" || exit 1
tl_wait_for "Tab loss" 10 || fail "the explorer starts" "$(pane_dump)"
screen=$(tl_capture)
if contains "$screen" "truth: █ background █ foreground"; then pass "the legend names background and foreground"; else fail "the legend names both classes" "$(pane_dump)"; fi
if contains "$screen" "FN 9 TN 191"; then pass "the metrics line keeps FN 9 and TN 191"; else fail "the metrics keep FN and TN" "$(pane_dump)"; fi
# A heat of 0 is drawn in grey 237, not the terminal's black: the ramp's first swatch (its colour in the escapes).
if contains "$(tl_capture -e)" "5;237m"; then pass "the heat ramp's 0 is grey 237, not the background"; else fail "the heat ramp shows 0 in grey" "$(tl_capture -e | head -15)"; fi
corners=$(sed -n 2p <<<"$screen" | python3 -c 'import sys; line = sys.stdin.read(); print(" ".join(str(i) for i, c in enumerate(line) if c == "┐"))')
read -r c1 c2 c3 <<<"$corners"
if [[ -n "${c3:-}" && $((c2 - c1)) == $((c3 - c2)) ]]; then pass "the three panels are equally wide ($corners)"; else fail "equal panels" "corners: $corners"; fi
tl_send_literal "g"
tl_send Right Right Right Right Right Right Right Right Right Right
if tl_wait_for "▸ focal          0.041135  α=none γ=2.5" 5 || tl_wait_for "α=none γ=2.5" 5; then
  if contains "$(tl_capture | grep '▸ focal')" "α=none γ=2.5"; then pass "after γ steps the focal row keeps α=none γ=2.5"; else fail "the focal row keeps α and γ" "$(pane_dump)"; fi
else fail "γ reaches 2.5" "$(pane_dump)"; fi
# Region loss: the loss view falls back to the weight, said once.
tl_send_literal "m"
tl_send Tab
if tl_wait_for "dice has no per-pixel loss: showing its weight" 5; then pass "Tab onto dice in the loss view says it shows the weight"; else fail "the region fallback says so" "$(pane_dump)"; fi
tl_send Tab
if tl_wait_gone "no per-pixel loss" 5 && contains "$(tl_capture)" "▸ dice-squared" && contains "$(tl_capture)" "┌─ weight "; then pass "the next Tab says nothing and stays on the weight"
else fail "the fallback is said once" "$(pane_dump)"; fi
# The pinned status bar with an edit: whole messages, no cut number.
tl_send_literal "P"
tl_send_literal "e"
tl_send_literal "."
if tl_wait_for "edits: shift 1,0" 5; then
  status_line=$(tl_capture | tail -1)
  if [[ "$status_line" != *"…"* ]]; then pass "the pinned status bar with an edit is not cut ($status_line)"; else fail "the pinned status bar is not cut" "$status_line"; fi
else fail "P e . shows the edit" "$(pane_dump)"; fi
tl_send_literal "P"
tl_send_literal "u"
tl_send_literal "?"
if tl_wait_for "keys 1/" 5; then
  line=$(tl_capture | sed -n 2p)
  if [[ "$line" == *"│" && "$line" != *"││" ]]; then pass "the help at 80×24 has no stray border column"; else fail "no stray border column beside the help" "$line"; fi
else fail "? opens the help" "$(pane_dump)"; fi
tl_send_literal "q"
exit_status 10 >/dev/null

# --- street-scene without colour: every class and void in the legend -----------------------------------------
TL_ENV="NO_COLOR=1" tl_start 80 24 "exec '$BIN' --no-mouse Samples/street-scene.mask" || exit 1
tl_wait_for "Tab loss" 10 || fail "the explorer starts" "$(pane_dump)"
if contains "$(tl_capture)" "truth: 0 sky 1 building 2 road 3 car 4 person ? void"; then pass "NO_COLOR: the legend names all five classes and void"
else fail "NO_COLOR legend" "$(pane_dump)"; fi
if contains "$(tl_capture)" "IoU 0:0.972 1:0.986 2:1.000 3:1.000 4:1.000"; then pass "every class's IoU is on the metrics line"; else fail "per-class IoU" "$(pane_dump)"; fi
tl_send_literal "q"
exit_status 10 >/dev/null

echo "lecturer fixes e2e: $passed passed, $failed failed"
((failed == 0))
