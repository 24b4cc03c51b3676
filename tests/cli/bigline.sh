#!/bin/sh
# A 50 MB document on one line: offsets stay exact at the far end.
. "$TEST_SRCDIR/cli/lib.sh"

# 50,000,000 bytes: "lorem ipsum " repeated, spaces, then "alpha".
awk 'BEGIN { s = "lorem ipsum "; for (i = 0; i < 10; i++) s = s s;
	n = int((50000000 - 5) / length(s)); for (i = 0; i < n; i++) printf "%s", s;
	for (i = n * length(s); i < 50000000 - 5; i++) printf " ";
	printf "alpha" }' > "$TMP/big"
expect "input is 50 MB" "$(wc -c < "$TMP/big")" 50000000
good --format=tsv < "$TMP/big" > "$TMP/out"
expect "exit 0" "$?" 0
expect "mention at the very end" "$(cut -f2,3,5 "$TMP/out" | tr '\t' ' ')" "49999995 50000000 alpha"
good --no-text < "$TMP/big" > "$TMP/json"
expect "JSON-LD line for it" "$(json "$TMP/json" 'docs[0]["endIndex"]')" 50000000

finish
