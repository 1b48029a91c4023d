#!/usr/bin/env bash
# End-to-end test of the what-if keys in a real terminal (tmux): an edit and its undo, a pinned comparison, the
# sweep panel and the ranking view — each value on screen checked against `seglens eval` — and a clean exit.
#
#   bash Tests/e2e/whatif_test.sh path/to/seglens
#
# Prints one line per check and ends with "e2e what-if: N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

SAMPLE=Samples/small-object.mask
RANKED=Samples/opposite-rankings.mask

source Tests/e2e/tmux_lib.sh
tl_begin "$@" || exit 1
trap tl_cleanup EXIT

source Tests/e2e/check_lib.sh
# The value of one loss from eval --json, with six decimals as the explorer prints it.
eval_value() {
  local loss=$1; shift
  "$BIN" eval "$@" --loss "$loss" --json | python3 -c '
import json, sys
print("%.6f" % json.load(sys.stdin)["losses"][0]["value"])'
}
# The number after a loss name in the loss table (the B value while pinned).
table_row() { grep -oE "[▸ ] $1 +[0-9.]+( → [0-9.]+)?" | head -1; }

start_gamma=$(sed -n 's/^params:.*gamma=\([^ ]*\).*/\1/p' "$SAMPLE")
gamma_step=$(python3 -c 'import sys; v = float(sys.argv[1]) + 0.25; print(int(v) if v == int(v) else repr(v))' "${start_gamma:-0}")
shifted_dice=$(eval_value dice "$SAMPLE" --shift 2,0)
plain_dice=$(eval_value dice "$SAMPLE")
hardened_bce=$(eval_value bce "$SAMPLE" --harden)
pinned_focal=$(eval_value focal "$SAMPLE")
stepped_focal=$(eval_value focal "$SAMPLE" --gamma "$gamma_step")
echo "# dice $plain_dice, shifted by 2: $shifted_dice; focal $pinned_focal, at γ = $gamma_step: $stepped_focal"

# 1. An edit, its undo, a pin and the sweep panel, on small-object.
tl_start 100 30 "exec '$BIN' $SAMPLE" || exit 1
tl_wait_for "Small object" 10 >/dev/null || fail "explorer starts" "$(pane_dump)"
tl_send e . .
if tl_wait_for "edits: shift 2,0" 5; then pass "e . . shows 'edits: shift 2,0' in the status line"; else fail "e . . shows the edit" "$(pane_dump)"; fi
row=$(tl_capture | table_row dice)
if contains "$row" "$shifted_dice"; then
  pass "dice on screen ($row) equals eval --shift 2,0 ($shifted_dice)"
else
  fail "dice after the shift equals eval --shift 2,0" "row: '$row', eval: $shifted_dice"
fi
tl_send u u
if tl_wait_for "edits: none" 5 && contains "$(tl_capture | table_row dice)" "$plain_dice"; then
  pass "u u undoes both steps: dice back to $plain_dice"
else
  fail "u u undoes the shift" "$(pane_dump)"
fi
# From shift x, six e reach harden; . turns it on.
tl_send e e e e e e .
if tl_wait_for "edits: harden" 5 && contains "$(tl_capture | table_row bce)" "$hardened_bce"; then
  pass "harden on: bce on screen equals eval --harden ($hardened_bce)"
else
  fail "harden: bce equals eval --harden ($hardened_bce)" "$(pane_dump)"
fi
tl_send u
tl_wait_for "edits: none" 5 >/dev/null || fail "u undoes harden" "$(pane_dump)"
tl_send P g Right
if tl_wait_for "A pinned" 5 && tl_wait_for "γ = $gamma_step" 5; then
  row=$(tl_capture | table_row focal)
  if contains "$row" "$pinned_focal → $stepped_focal"; then
    pass "pinned: focal shows A → B = $pinned_focal → $stepped_focal (eval at γ = ${start_gamma:-0} and $gamma_step)"
  else
    fail "pinned focal row shows A → B from eval" "row: '$row', expected $pinned_focal → $stepped_focal"
  fi
  if tl_capture | grep -q "A · weight" && tl_capture | grep -q "B · weight"; then
    pass "pinned: heatmaps A and B side by side"
  else
    fail "pinned: heatmaps A and B" "$(pane_dump)"
  fi
else
  fail "P pins and g → steps γ" "$(pane_dump)"
fi
tl_send d
if tl_wait_for "B − A" 5; then pass "d shows the difference B − A"; else fail "d shows B − A" "$(pane_dump)"; fi
tl_send P v
if tl_wait_for "sweep · focal over γ" 5 && tl_capture | grep -qP '[\x{2801}-\x{28FF}]'; then
  pass "v opens the sweep panel with a braille plot"
else
  fail "v opens the sweep panel" "$(pane_dump)"
fi
if tl_capture | grep -q "γ=$gamma_step"; then pass "the sweep marks the current γ = $gamma_step"; else fail "sweep marks γ" "$(pane_dump)"; fi
tl_send q
status=$(tl_wait_exit 5 || echo timeout)
if [[ "$status" == 0 ]] && tl_stty_same >/dev/null; then pass "q exits 0 and the terminal modes are restored"; else fail "q exits 0 with stty restored (status $status)"; fi

# 2. The ranking view of a file with two predictions.
tl_start 100 30 "exec '$BIN' $RANKED" || exit 1
tl_wait_for "opposite rankings" 10 >/dev/null || fail "explorer starts on $RANKED" "$(pane_dump)"
tl_send O
if tl_wait_for "the losses disagree" 5; then
  screen=$(tl_capture)
  bce=$(grep -oE "bce +hedging [0-9.]+ < bold" <<<"$screen" | head -1)
  dice=$(grep -oE "dice +≠ bold [0-9.]+ < hedging" <<<"$screen" | head -1)
  if [[ -n "$bce" && -n "$dice" ]]; then
    pass "O ranks: bce prefers hedging, dice prefers bold (marked ≠)"
  else
    fail "O shows bce and dice in opposite order" "$(pane_dump)"
  fi
else
  fail "O opens the ranking view" "$(pane_dump)"
fi
tl_send Escape
if tl_wait_gone "the losses disagree" 5; then pass "Esc closes the ranking"; else fail "Esc closes the ranking" "$(pane_dump)"; fi
tl_send q
status=$(tl_wait_exit 5 || echo timeout)
if [[ "$status" == 0 ]] && tl_stty_same >/dev/null; then pass "q exits 0, terminal restored"; else fail "q exits 0 (status $status)"; fi

echo "e2e what-if: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
