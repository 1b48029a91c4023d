#!/usr/bin/env bash
# End-to-end test of the explorer's conventions panel in a real terminal (tmux): c opens it for the selected
# loss, each library's value on screen equals `seglens eval --convention … --json`, it follows a parameter step
# and a change of loss, and Esc closes it.
#
#   bash Tests/e2e/conventions_test.sh path/to/seglens
#
# Prints one line per check and ends with "conventions e2e: N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

SAMPLE=Samples/small-object.mask   # binary; its params line starts focal at alpha=none gamma=0

source Tests/e2e/tmux_lib.sh
tl_begin "$@" || exit 1
trap tl_cleanup EXIT

source Tests/e2e/check_lib.sh

# The value `seglens eval` prints for LIBRARY and the one --loss, six decimals as the panel shows it.
eval_value() {
  local library=$1; shift
  "$BIN" eval "$SAMPLE" --convention "$library" --json "$@" | python3 -c '
import json, sys
rows = json.load(sys.stdin)["conventions"]
assert len(rows) == 1, rows
print("%.6f" % rows[0]["value"])'
}
# The value in the panel row of LABEL (e.g. "kornia 0.9.0"): "=" may mark a value equal to seglens's.
panel_value() {
  tl_capture | python3 -c '
import re, sys
label = re.escape(sys.argv[1])
for line in sys.stdin:
    match = re.search(label + r"\s+=?\s*(-?\d+\.\d{6})\s", line)
    if match:
        print(match.group(1)); break' "$1"
}
# check_row LABEL LIBRARY EVAL-ARGS…: the panel's value of LABEL equals eval's.
check_row() {
  local label=$1 library=$2; shift 2
  local shown expected
  shown=$(panel_value "$label")
  expected=$(eval_value "$library" "$@")
  if [[ -n "$shown" && "$shown" == "$expected" ]]; then
    pass "panel '$label' $shown = seglens eval --convention $library $*"
  else
    fail "panel '$label' equals seglens eval --convention $library $*" "screen: '$shown', eval: '$expected'
$(tl_capture)"
  fi
}

tl_start 130 40 "exec '$BIN' --no-mouse $SAMPLE" || exit 1
tl_wait_for "Tab loss" 10 || fail "the explorer starts"

tl_send_literal "c"
if tl_wait_for "conventions · focal" 5; then pass "c opens the panel for the selected loss (focal)"; else fail "c opens the panel"; fi
check_row "kornia 0.9.0" kornia --loss focal
check_row "Keras 3.15.1" keras --loss focal
check_row "article 2019 code" article --loss focal

# A parameter step updates every row: g selects γ, → raises it from the file's 0 to 0.25.
tl_send g Right
if tl_wait_for "γ=0.25" 5; then pass "g → sets γ = 0.25 in the panel"; else fail "g → sets γ = 0.25 in the panel"; fi
check_row "Keras 3.15.1" keras --loss focal --gamma 0.25
check_row "smp 0.6.0" smp --loss focal --gamma 0.25

# Tab ×4 from focal reaches tversky: the panel follows the selection; Keras 3.15.1 swaps α and β.
tl_send Tab Tab Tab Tab
if tl_wait_for "conventions · tversky" 5; then pass "the panel follows Tab to tversky"; else fail "the panel follows Tab"; fi
check_row "Keras 3.15.1" keras --loss tversky
check_row "MONAI 1.6.1" monai --loss tversky

tl_send Escape
if tl_wait_gone "conventions ·" 5; then pass "Esc closes the panel"; else fail "Esc closes the panel"; fi
tl_send_literal "q"
status=$(tl_wait_exit 10 || echo timeout)
if [[ "$status" == 0 ]]; then pass "q quits with status 0"; else fail "q quits with status 0" "status: $status"; fi

echo "conventions e2e: $passed passed, $failed failed"
((failed == 0))
