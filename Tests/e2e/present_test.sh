#!/usr/bin/env bash
# End-to-end test of lecture mode in a real terminal (tmux): Samples/lecture.keys played live with --present and
# --keys to its end (each stage on screen, the PNG export, the state line on quit), the state line restoring that
# screen, and a demo paused by a key, resumed by Space and handed over by another key.
#
#   bash Tests/e2e/present_test.sh path/to/seglens
#
# Prints one line per check and ends with "e2e present: N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

SAMPLE=$PWD/Samples/small-object.mask
SCRIPT=$PWD/Samples/lecture.keys

source Tests/e2e/tmux_lib.sh
tl_begin "$@" || exit 1
trap tl_cleanup EXIT
source Tests/e2e/check_lib.sh

# 1. The lecture script, live, from start to quit, in an empty directory (the export lands there).
work=$TL_DIR/work
mkdir -p "$work"
tl_start 80 24 "cd '$work' && exec '$BIN' '$SAMPLE' --present --no-mouse --keys '$SCRIPT'" || exit 1
if tl_wait_for "any key pauses" 10 && ! tl_capture | grep -q " prec "; then
  pass "--present --keys: the demo plays in the presentation view (no table, no metrics) and says a key pauses it"
else
  fail "the demo starts in the presentation view" "$(pane_dump)"
fi
if tl_wait_for "γ=1 " 15; then pass "the script raises γ to 1 (four steps of 0.25 from the file's 0)"; else fail "γ reaches 1" "$(pane_dump)"; fi
if tl_wait_for "errors · focal" 10; then pass "m m shows the errors view"; else fail "m m shows errors" "$(pane_dump)"; fi
if tl_wait_for "· dice" 10; then pass "Tab shows dice"; else fail "Tab shows dice" "$(pane_dump)"; fi
if tl_wait_for "exported seglens-small-object-1.png" 10; then pass "x says the export's path"; else fail "x says the path" "$(pane_dump)"; fi
if tl_wait_for " prec " 10; then pass "f leaves the presentation view"; else fail "f leaves the presentation view" "$(pane_dump)"; fi
status=$(exit_status 15)
check "q at the end of the script quits with status 0 (got $status)" test "$status" = 0
check "the terminal modes are restored" tl_stty_same
png=$work/seglens-small-object-1.png
if [[ -f $png ]] && head -c 8 "$png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a"; then
  pass "the export is a PNG file"
else
  fail "the export is a PNG file" "$(ls -l "$work")"
fi
state_line=$(tl_capture | tr -d '\n' | grep -oE "seglens .* --state '[^']*'" | head -1)
state=$(sed -E "s/.*--state '([^']*)'.*/\1/" <<<"$state_line")
if contains "$state_line" "--no-mouse" && ! contains "$state_line" "--keys" && contains "$state" "focal.gamma=1"; then
  pass "the state line on quit: the command without --keys/--present, and focal.gamma=1 ($state)"
else
  fail "the state line on quit" "$(pane_dump)"
fi

# 2. The state line brings the screen back, in the explorer and in render.
tl_start 80 24 "exec '$BIN' '$SAMPLE' --no-mouse --state '$state'" || exit 1
if tl_wait_for "α=none γ=1" 10; then pass "--state restores γ = 1 in the explorer"; else fail "--state restores γ" "$(pane_dump)"; fi
live=$(tl_capture | sed -n '2,20p' | sed 's/ *$//')
rendered=$("$BIN" render "$SAMPLE" --size 80x24 --color none --state "$state" | sed -n '2,20p' | sed 's/ *$//')
rendered_colour=$("$BIN" render "$SAMPLE" --size 80x24 --color 256 --state "$state" | sed 's/\x1b\[[0-9;]*m//g' | sed -n '2,20p' | sed 's/ *$//')
if [[ "$live" == "$rendered_colour" ]]; then
  pass "render --state draws the explorer's restored screen (rows 2–20 equal)"
else
  fail "render --state equals the live screen" "$(diff <(echo "$live") <(echo "$rendered_colour"))"
fi
[[ -n "$rendered" ]] || fail "render --state --color none prints a screen"
tl_send q
status=$(exit_status 5)
check "q exits 0 (got $status)" test "$status" = 0

# 3. Pause, resume, take over.
tl_start 100 30 "exec '$BIN' '$SAMPLE' --no-mouse --keys 'g <wait 3s> <Right> <Right> <wait 30s> q'" || exit 1
tl_wait_for "any key pauses" 10 >/dev/null
tl_send Tab
if tl_wait_for "demo paused: Space resumes" 5 && tl_capture | grep -q "▸ focal"; then
  pass "a key pauses the demo and is not applied (focal stays selected)"
else
  fail "a key pauses the demo" "$(pane_dump)"
fi
sleep 4
if tl_capture | grep -q "γ=0 " && ! tl_capture | grep -q "γ=0.25"; then pass "paused, the script does not go on"; else fail "paused script waits" "$(pane_dump)"; fi
tl_send Space
if tl_wait_for "γ=0.5" 10; then pass "Space resumes it: γ steps to 0.5"; else fail "Space resumes" "$(pane_dump)"; fi
tl_send m
if tl_wait_for "demo paused" 5; then pass "a key pauses it again"; else fail "a key pauses again" "$(pane_dump)"; fi
tl_send m
if tl_wait_for "loss · focal" 5 && tl_wait_gone "demo" 5; then pass "another key hands over: m applies, the demo is gone"; else fail "another key hands over" "$(pane_dump)"; fi
tl_send q
status=$(exit_status 5)
check "q by hand exits 0 (got $status)" test "$status" = 0

echo "e2e present: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
