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

# Output past 1 MB is written while the document is still being written
# (with one job): it must come out byte for byte as -j 2, which holds
# each document whole, writes it, also when --pretty indents it piece by
# piece. 100,000 mentions: about 25 MB of JSON-LD.
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "alpha beta " }' > "$TMP/dense"
for format in --format=jsonld --format=tsv --pretty; do
	good $format < "$TMP/dense" > "$TMP/one"
	expect "$format, one job: exit 0" "$?" 0
	good $format -j 2 < "$TMP/dense" > "$TMP/two"
	if cmp -s "$TMP/one" "$TMP/two"; then ok "$format: written as it goes equals held whole"
	else not_ok "$format: written as it goes equals held whole"; fi
done
expect "--pretty: indented" "$(sed -n '2p;$p' "$TMP/one")" '  "@context": {
}'
good < "$TMP/dense" > "$TMP/one"
expect "JSON-LD: one line" "$(wc -l < "$TMP/one")" 1
expect "JSON-LD: every mention" "$(json "$TMP/one" 'len(docs[0]["mentions"])')" 100000
expect "JSON-LD: the last one" "$(json "$TMP/one" 'docs[0]["mentions"][-1]["anchorOf"]')" beta
expect "TSV: every mention" "$(good --format=tsv < "$TMP/dense" | wc -l)" 100000

finish
