# Shared check helpers of the end-to-end scripts (sourced after tmux_lib.sh): pass/fail counting and the small
# predicates the checks use. Each script ends with its own summary line of $passed and $failed.

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
# fail DESCRIPTION [DETAILS]: counts a failure and prints the details indented.
fail() {
  failed=$((failed + 1)); echo "FAIL $1"
  [[ -n "${2:-}" ]] && printf '%s\n' "$2" | sed 's/^/     /'
  return 0
}
# check DESCRIPTION COMMAND…: passes when COMMAND succeeds.
check() {
  local description=$1; shift
  if "$@"; then pass "$description"; else fail "$description"; fi
}
contains() { grep -qF -- "$2" <<<"$1"; }
# The program's exit status, or "timeout".
exit_status() { tl_wait_exit "${1:-10}" || echo timeout; }
# Explains a failed check with the pane as it is now.
pane_dump() { echo "----- pane -----"; tl_capture; echo "----------------"; }
