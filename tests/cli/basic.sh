#!/bin/sh
# The README's example with the default plugins of this build.
. "$TEST_SRCDIR/cli/lib.sh"

echo 'The FSB detained seven suspects.' | "$ENTX" > "$TMP/out" 2> "$TMP/err"
expect "exit 0" "$?" 0
expect "nothing on stderr" "$(cat "$TMP/err")" ""
expect "one line" "$(wc -l < "$TMP/out")" 1
expect "text kept with its newline" "$(json "$TMP/out" 'repr(docs[0]["text"])')" "'The FSB detained seven suspects.\\n'"
expect "seven suspects: a quantity of 7 suspects" \
	"$(json "$TMP/out" '[(m["anchorOf"], m["beginIndex"], m["endIndex"], m["value"], m["unitText"]) for m in docs[0]["mentions"] if m["category"] == "Quantity"]')" \
	'[["seven suspects", 17, 31, 7, "suspects"]]'
expect "the FSB: a government organization" \
	"$(json "$TMP/out" '[(m["anchorOf"], m["beginIndex"], m["endIndex"], m["class"]) for m in docs[0]["mentions"] if m["category"] == "Organization"]')" \
	'[["FSB", 4, 7, "schema:GovernmentOrganization"]]'
expect "nothing else" "$(json "$TMP/out" 'len(docs[0]["mentions"])')" 2

finish
