# Sourced by every CLI test. make check exports ENTX, ENTX_PLUGIN_PATH,
# ENTX_RULES_PATH, ENTX_NO_SYSTEM_DIRS, TEST_SRCDIR, TEST_BUILDDIR, PYTHON3.
set -u
: "${ENTX:?run this test through make check}"
# make check-valgrind runs every entx of these tests under valgrind.
if [ "${ENTX_VALGRIND:-0}" = 1 ]; then
	ENTX="$TEST_SRCDIR/valgrind-entx.sh"
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/entx-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

# The test plugin "good": "alpha" is a Test mention, "beta" a Quantity of 2.
GOOD_DIR="$TEST_BUILDDIR/plugins/.libs"
good() { "$ENTX" --plugin-path="$GOOD_DIR" --plugins=good "$@"; }

ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }

# expect DESCRIPTION GOT WANT
expect() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		printf '  got:  %s\n  want: %s\n' "$2" "$3"
	fi
}

# expect_match DESCRIPTION TEXT SUBSTRING
expect_match() {
	case "$2" in
	*"$3"*) ok "$1" ;;
	*) not_ok "$1"; printf '  %s\n  does not contain: %s\n' "$2" "$3" ;;
	esac
}

# json FILE EXPRESSION: evaluates a Python expression over the JSON lines
# of FILE (bound to `docs`, a list) and prints the result.
json() {
	"$PYTHON3" -c '
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
r = eval(sys.argv[2])
print(r if not isinstance(r, (list, dict)) else json.dumps(r, ensure_ascii=False))
' "$1" "$2"
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
