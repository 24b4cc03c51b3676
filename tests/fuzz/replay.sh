#!/bin/sh
# Replays the fuzz seed corpora and every crash kept as a regression
# through the harnesses' invariant checks (without libFuzzer).
. "$TEST_SRCDIR/cli/lib.sh"

for h in document jsonl rules; do
	"$TEST_BUILDDIR/fuzz/replay_$h" "$TEST_SRCDIR/fuzz/seeds/$h" "$TEST_SRCDIR/fuzz/regressions/$h" \
		> "$TMP/out" 2> "$TMP/err"
	rc=$?
	expect "$h: seeds and regressions keep every invariant" "$rc" 0
	[ "$rc" -eq 0 ] || cat "$TMP/err"
done

finish
