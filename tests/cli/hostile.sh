#!/bin/sh
# Texts built to be slow. A sentence of one known name over and over
# ("U.S. U.S. ...") is one run of capitalized tokens, which the names
# analysis cuts into names; that cost the square of the run's length
# (minutes for a megabyte). Each text here takes well under a second;
# the time limit is only there to turn a regression into a failure
# instead of a hang.
. "$TEST_SRCDIR/cli/lib.sh"

# repeat TEXT N: TEXT N times, on one line.
repeat() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

repeat 'U.S. ' 300000 > "$TMP/us"
timeout 60 "$ENTX" --format=tsv "$TMP/us" > "$TMP/out"
expect "U.S. x 300,000: exit 0" "$?" 0
expect "one place per U.S." "$(cut -f4,5 "$TMP/out" | sort | uniq -c | tr -s ' ')" \
	" 300000 Place	U.S."

repeat 'New York ' 150000 > "$TMP/ny"
timeout 60 "$ENTX" --format=tsv "$TMP/ny" > "$TMP/out"
expect "New York x 150,000: exit 0" "$?" 0
expect "one place per New York" "$(cut -f4,5 "$TMP/out" | sort | uniq -c | tr -s ' ')" \
	" 150000 Place	New York"
expect "the last one ends the text" "$(tail -n 1 "$TMP/out" | cut -f2,3)" \
	"$((150000 * 9 - 9))	$((150000 * 9 - 1))"

finish
