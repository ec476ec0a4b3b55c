# Shared by the shell suites (tests/cli/*.test.sh): a temporary folder, the built tools first on
# PATH, and checks that print what was expected and what came. A suite calls `finish` last: it
# exits 1 if a check failed, 77 (the suites' SKIP_RETURN_CODE in CTest) if a step could not run
# on this machine (`skip`), 0 if every check ran and passed.
: "${CASESTAT_BIN:?CASESTAT_BIN must name the folder of the built tools}"
: "${CASESTAT_SOURCE:?CASESTAT_SOURCE must name the source tree}"
export PATH="$CASESTAT_BIN:$PATH"
export LC_ALL=C.UTF-8 TZ=Asia/Shanghai
unset CASESTAT_DB CASESTAT_SITE LANGUAGE LC_MESSAGES
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0
SKIPPED=""
CURRENT_STEP=""

step() { CURRENT_STEP="$*"; echo "== $*"; }
bad() { echo "FAIL [$CURRENT_STEP]: $*" >&2; FAILED=$((FAILED + 1)); }
# skip WHY: the current step's checks cannot run here (a program missing, a privilege): said,
# and the whole suite is then reported as skipped, never as passed.
skip() { echo "SKIPPED [$CURRENT_STEP]: $*"; SKIPPED+="  $CURRENT_STEP: $*"$'\n'; }

# expect_status WANT GOT [STDERR-FILE]
expect_status() {
  if [ "$1" != "$2" ]; then
    bad "exit status $2, expected $1"
    [ -n "${3:-}" ] && sed 's/^/    stderr: /' "$3" | head -n 20 >&2
  fi
  return 0
}
expect_nonzero() { [ "$1" != 0 ] || bad "$2: exit status 0, expected a failure"; }
expect_equal() { [ "$1" = "$2" ] || bad "$3: got '$2', expected '$1'"; }
expect_count() { [ "$1" = "$2" ] || bad "$3: $2, expected $1"; }
expect_file() { [ -s "$1" ] || bad "missing or empty: $1"; }
expect_empty() { for f; do [ ! -s "$f" ] || bad "expected no output, got: $(head -c 300 "$f")"; done; }
# expect_match ERE TEXT WHAT
expect_match() { grep -Eq -- "$1" <<< "$2" || bad "$3: no line matches /$1/ in: $(head -c 600 <<< "$2")"; }

finish() {
  if [ "$FAILED" -gt 0 ]; then
    echo "$FAILED check(s) failed" >&2
    exit 1
  fi
  if [ -n "$SKIPPED" ]; then
    printf 'every check that ran passed, but these steps could not run here:\n%s' "$SKIPPED"
    exit 77
  fi
  echo "all checks passed"
  exit 0
}
