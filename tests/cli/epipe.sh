#!/bin/sh
# A reader that goes away (entx ... | head -1) ends entx quietly.
. "$TEST_SRCDIR/cli/lib.sh"

awk 'BEGIN { for (i = 0; i < 200000; i++) print "alpha beta and some more words " i }' > "$TMP/in"
for jobs in 1 2; do
	( good --split=line -j "$jobs" < "$TMP/in" 2> "$TMP/err"; echo $? > "$TMP/rc" ) | head -1 > "$TMP/out"
	expect "-j $jobs: first document written" "$(json "$TMP/out" 'docs[0]["docId"]')" "-:1"
	expect "-j $jobs: exit 0 when the reader leaves" "$(cat "$TMP/rc")" 0
	expect "-j $jobs: nothing on stderr" "$(cat "$TMP/err")" ""
done

finish
