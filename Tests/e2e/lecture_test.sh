#!/usr/bin/env bash
# End-to-end test of the lecture features in a real terminal (tmux): the border-bce loss on the touching-cells
# sample (its table value equals `seglens eval`, before and after a σ step, and the weight heatmap's scale reaches
# w0), and the w explanations panel (formula with the current values, the heatmap sentence, Esc closes).
#
#   bash Tests/e2e/lecture_test.sh path/to/seglens
#
# Prints one line per check and ends with "lecture e2e: N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

SAMPLE=Samples/touching-cells.mask   # binary; its params line starts border-bce at w0=10 sigma=5

source Tests/e2e/tmux_lib.sh
tl_begin "$@" || exit 1
trap tl_cleanup EXIT

source Tests/e2e/check_lib.sh

# border-bce's value from `seglens eval`, six decimals as the table shows it.
eval_value() {
  "$BIN" eval "$SAMPLE" --loss border-bce --json "$@" | python3 -c '
import json, sys
print("%.6f" % json.load(sys.stdin)["losses"][0]["value"])'
}
# The value on the table row of border-bce.
table_value() {
  tl_capture | python3 -c '
import re, sys
for line in sys.stdin:
    match = re.search(r"border-bce\s+(\d+\.\d{6})", line)
    if match:
        print(match.group(1)); break'
}
check_value() {
  local shown expected
  shown=$(table_value)
  expected=$(eval_value "$@")
  if [[ -n "$shown" && "$shown" == "$expected" ]]; then
    pass "border-bce row $shown = seglens eval --loss border-bce $*"
  else
    fail "border-bce row equals seglens eval --loss border-bce $*" "screen: '$shown', eval: '$expected'
$(pane_dump)"
  fi
}

tl_start 100 30 "exec '$BIN' --no-mouse $SAMPLE" || exit 1
tl_wait_for "Tab loss" 10 || fail "the explorer starts"

if tl_wait_for "weight · border-bce" 5; then pass "the sample starts on the weight heatmap of border-bce"; else fail "starts on border-bce" "$(pane_dump)"; fi
check_value
# The heatmap's scale ends at the ridge's weight: w_c + w0·exp(−2²/50) ≈ 9.977 between the cells.
if contains "$(tl_capture)" "9.977"; then pass "the weight scale reaches the ridge (9.977)"; else fail "the weight scale reaches the ridge" "$(pane_dump)"; fi

# ↓ selects σ, → raises it to 5.5: the row follows, equal to eval --sigma 5.5.
tl_send Down Right
if tl_wait_for "σ = 5.5" 5; then pass "↓ → sets σ = 5.5"; else fail "↓ → sets σ = 5.5" "$(pane_dump)"; fi
check_value --sigma 5.5

# w opens the explanations panel with the current values written into the formula.
tl_send_literal "w"
if tl_wait_for "explain · border-bce" 5; then pass "w opens the explanations panel"; else fail "w opens the panel" "$(pane_dump)"; fi
if contains "$(tl_capture)" "10·exp(−(d1+d2)²/(2·5.5²))"; then pass "the formula shows w0 = 10 and σ = 5.5"; else fail "the formula shows the current values" "$(pane_dump)"; fi
if contains "$(tl_capture)" "bright ridges are the gaps"; then pass "the heatmap sentence explains the weight map"; else fail "the heatmap sentence" "$(pane_dump)"; fi
# The panel is live: ↑ back to w0, → raises it to 11.
tl_send Up Right
if tl_wait_for "11·exp(" 5; then pass "a w0 step updates the formula"; else fail "a w0 step updates the formula" "$(pane_dump)"; fi
tl_send Escape
if tl_wait_gone "explain ·" 5; then pass "Esc closes the panel"; else fail "Esc closes the panel"; fi

tl_send_literal "q"
status=$(exit_status 10)
if [[ "$status" == 0 ]]; then pass "q quits with status 0"; else fail "q quits with status 0" "status: $status"; fi

echo "lecture e2e: $passed passed, $failed failed"
((failed == 0))
