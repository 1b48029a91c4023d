#!/usr/bin/env bash
# tmux_lib.sh: drive a terminal program in a detached tmux session, for
# end-to-end tests of seglens (startup, keys, resize, signals, terminal restore).
#
# Usage (source it from a bash test script):
#
#   source Tests/e2e/tmux_lib.sh
#   tl_setup                                  # private tmux server + temp dir
#   trap tl_cleanup EXIT
#   tl_start 100 30 "./.build/debug/seglens ui --no-mouse"
#   tl_wait_for "α=" 10 || exit 1             # poll the pane until the text shows
#   tl_send Right Right S-Right               # tmux key names (Left, BTab, Escape, Enter, C-c…)
#   tl_send_literal "?"                       # literal text
#   tl_resize 60 20
#   tl_signal TERM                            # signal the program itself
#   status=$(tl_wait_exit 10)                 # its exit status (143 = SIGTERM)
#   tl_stty_same || echo "terminal modes not restored"
#
# The program runs in a small runner script in the pane:
#   stty -a > stty.before; (echo pid; exec program); stty -a > stty.after;
#   echo "EXIT:$?" > exit (atomically, after stty.after); then it waits, so the pane stays for capture.
# Every session uses its own tmux socket (-L) and no config file (-f /dev/null),
# so it never touches the user's tmux server.
#
# Environment:
#   TL_TERM   TERM for the program (default xterm-256color)
#   TL_LANG   LANG for the program (default C.UTF-8)
#   TL_ENV    extra "NAME=value ..." words put in front of the command (e.g. "NO_COLOR=1")
#
# Notes:
#   - tl_pid is the program's pid when CMD is a simple command (bash -c execs
#     it); for a pipeline it is the bash running the pipeline.
#   - Crash tests: set TL_ENV="SWIFT_BACKTRACE=interactive=no", otherwise
#     Swift's backtracer waits for a key on a terminal.
#   - On timeout tl_wait_for prints the pane to stderr.
#
# Functions:
#   tl_begin "$@"             check the script's argument (the seglens executable: BIN), set the locale
#                             and TERM, then tl_setup
#   tl_setup                  create TL_DIR and a private tmux socket name
#   tl_cleanup                kill the private tmux server, remove TL_DIR
#   tl_tmux ARGS…             run tmux on the private socket
#   tl_start W H CMD          start CMD (a bash command string) in a W×H pane,
#                             replacing any previous one
#   tl_pid                    pid of the program (not the runner)
#   tl_is_running             true while the program's process exists
#   tl_send KEYS…             tmux send-keys with key names
#   tl_send_literal TEXT      tmux send-keys -l (text as typed)
#   tl_capture [-e]           print the pane (-e keeps colour escapes)
#   tl_wait_for TEXT [SECS]   wait until the pane contains TEXT (fixed string)
#   tl_wait_gone TEXT [SECS]  wait until the pane no longer contains TEXT
#   tl_resize W H             resize the window (the program gets SIGWINCH)
#   tl_pane_size              print "WxH" of the pane
#   tl_signal SIG             send SIG (TERM, HUP, INT, …) to the program
#   tl_wait_exit [SECS]       wait for the program to end; print its exit status
#   tl_exit_status            print the exit status (empty while running)
#   tl_stty_before / _after   print `stty -a` from before/after the program ran
#   tl_stty_same              compare them, ignoring rows/columns; prints a diff
#   tl_record_start           start recording the bytes the program writes
#   tl_record_bytes           print how many bytes were written since then
#   tl_kill_session           kill the tmux session (the program gets SIGHUP)

# tl_begin "$@": the start every script shares. Its one argument is the seglens executable (BIN, made absolute),
# the locale is UTF-8 and TERM 256-colour with no NO_COLOR, and tl_setup runs; exits 2 with a usage line otherwise.
tl_begin() {
  if [[ $# -ne 1 || ! -x "$1" ]]; then
    echo "usage: $0 path/to/seglens (an executable)" >&2
    exit 2
  fi
  BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  export LANG=C.UTF-8 TERM=xterm-256color
  unset LC_ALL NO_COLOR
  tl_setup
}

tl_setup() {
  TL_DIR=$(mktemp -d "${TMPDIR:-/tmp}/seglens-e2e.XXXXXX") || return 1
  TL_SOCKET="seglens-e2e-$$-${RANDOM}"
  TL_SESSION="e2e"
  export TL_DIR TL_SOCKET TL_SESSION
}

tl_tmux() {
  tmux -L "$TL_SOCKET" -f /dev/null "$@"
}

tl_cleanup() {
  [[ -n "${TL_SOCKET:-}" ]] && tl_tmux kill-server >/dev/null 2>&1
  [[ -n "${TL_DIR:-}" && -d "$TL_DIR" ]] && rm -rf -- "$TL_DIR"
  return 0
}

# tl_start WIDTH HEIGHT COMMAND
tl_start() {
  local width=$1 height=$2 command=$3
  tl_tmux kill-session -t "$TL_SESSION" >/dev/null 2>&1  # one program at a time
  rm -f "$TL_DIR/pid" "$TL_DIR/exit" "$TL_DIR/exit.tmp" "$TL_DIR/stty.before" "$TL_DIR/stty.after"
  printf '%s\n' "$command" > "$TL_DIR/command"
  cat > "$TL_DIR/run.sh" <<RUNNER
#!/usr/bin/env bash
# A trap (not "ignore"): children get the default SIGINT disposition back,
# while this runner survives Ctrl-C and records the exit status.
trap ':' INT
export TERM='${TL_TERM:-xterm-256color}' LANG='${TL_LANG:-C.UTF-8}'
unset LC_ALL
stty -a > "$TL_DIR/stty.before" 2>&1
( echo "\$BASHPID" > "$TL_DIR/pid"; exec env ${TL_ENV:-} bash -c "\$(cat "$TL_DIR/command")" )
status=\$?
# stty.after first: tl_wait_exit returns as soon as the exit file exists, and tl_stty_same then reads it.
stty -a > "$TL_DIR/stty.after" 2>&1
echo "EXIT:\$status" > "$TL_DIR/exit.tmp" && mv "$TL_DIR/exit.tmp" "$TL_DIR/exit"
echo "[runner] program exited with status \$status"
exec sleep 100000
RUNNER
  tl_tmux new-session -d -s "$TL_SESSION" -x "$width" -y "$height" "bash $TL_DIR/run.sh" || return 1
  tl_tmux set-option -g status off >/dev/null
  tl_tmux set-option -g remain-on-exit on >/dev/null
  tl_tmux resize-window -t "$TL_SESSION" -x "$width" -y "$height" >/dev/null 2>&1
  local i
  for ((i = 0; i < 100; i++)); do
    [[ -s "$TL_DIR/pid" ]] && return 0
    sleep 0.05
  done
  echo "tl_start: the program did not start" >&2
  return 1
}

tl_pid() { cat "$TL_DIR/pid" 2>/dev/null; }

# tl_is_running: the program's process exists and is not a zombie.
tl_is_running() {
  local pid state
  pid=$(tl_pid) && [[ -n "$pid" ]] || return 1
  state=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
  [[ -n "$state" && "$state" != Z* ]]
}

tl_send() { tl_tmux send-keys -t "$TL_SESSION" "$@"; }

tl_send_literal() { tl_tmux send-keys -t "$TL_SESSION" -l -- "$1"; }

tl_capture() { tl_tmux capture-pane -t "$TL_SESSION" -p "$@"; }

# tl_wait_for TEXT [SECONDS]: 0 when the pane shows TEXT, 1 (and the pane on stderr) on timeout.
tl_wait_for() {
  local text=$1 timeout=${2:-10} deadline
  deadline=$((SECONDS + timeout))
  while ((SECONDS <= deadline)); do
    tl_capture | grep -qF -- "$text" && return 0
    sleep 0.1
  done
  {
    echo "tl_wait_for: timed out after ${timeout}s waiting for: $text"
    echo "----- pane -----"
    tl_capture
    echo "----------------"
  } >&2
  return 1
}

# tl_wait_gone TEXT [SECONDS]
tl_wait_gone() {
  local text=$1 timeout=${2:-10} deadline
  deadline=$((SECONDS + timeout))
  while ((SECONDS <= deadline)); do
    tl_capture | grep -qF -- "$text" || return 0
    sleep 0.1
  done
  echo "tl_wait_gone: '$text' still on screen after ${timeout}s" >&2
  return 1
}

tl_resize() { tl_tmux resize-window -t "$TL_SESSION" -x "$1" -y "$2"; }

tl_pane_size() { tl_tmux display-message -t "$TL_SESSION" -p '#{pane_width}x#{pane_height}'; }

tl_signal() { kill -s "$1" "$(tl_pid)"; }

tl_exit_status() {
  [[ -e "$TL_DIR/exit" ]] || return 1
  sed -n 's/^EXIT://p' "$TL_DIR/exit"
}

# tl_wait_exit [SECONDS]: prints the exit status; returns 1 on timeout.
tl_wait_exit() {
  local timeout=${1:-10} deadline
  deadline=$((SECONDS + timeout))
  while ((SECONDS <= deadline)); do
    if [[ -s "$TL_DIR/exit" ]]; then
      tl_exit_status
      return 0
    fi
    sleep 0.05
  done
  echo "tl_wait_exit: still running after ${timeout}s" >&2
  return 1
}

tl_stty_before() { cat "$TL_DIR/stty.before"; }
tl_stty_after() { cat "$TL_DIR/stty.after"; }

# tl_stty_same: 0 when `stty -a` after the program equals before (rows and
# columns ignored, since tests resize); prints a diff otherwise.
tl_stty_same() {
  [[ -s "$TL_DIR/stty.before" && -s "$TL_DIR/stty.after" ]] || {
    echo "tl_stty_same: missing stty snapshot (did the program exit?)" >&2
    return 1
  }
  diff <(sed -E 's/rows [0-9]+; columns [0-9]+;//' "$TL_DIR/stty.before") \
    <(sed -E 's/rows [0-9]+; columns [0-9]+;//' "$TL_DIR/stty.after")
}

# Byte accounting for redraw bandwidth: everything the pane's program writes.
tl_record_start() {
  : > "$TL_DIR/output.bytes"
  tl_tmux pipe-pane -t "$TL_SESSION" -o "cat >> '$TL_DIR/output.bytes'"
}

tl_record_bytes() {
  sleep 0.2  # let tmux flush the pipe
  wc -c < "$TL_DIR/output.bytes" | tr -d ' '
}

tl_kill_session() { tl_tmux kill-session -t "$TL_SESSION"; }
