#!/bin/sh
# Output formats: JSON-LD lines, TSV, --pretty, --context, --no-text.
. "$TEST_SRCDIR/cli/lib.sh"

printf 'an alpha and a beta' | good > "$TMP/out"
expect "exit status 0" "$?" 0
expect "one line per document" "$(wc -l < "$TMP/out")" 1
expect "nif:Context" "$(json "$TMP/out" 'docs[0]["@type"]')" "nif:Context"
expect "stdin document id" "$(json "$TMP/out" 'docs[0]["docId"]')" "-"
expect "two mentions" "$(json "$TMP/out" 'len(docs[0]["mentions"])')" 2
expect "first mention offsets" \
	"$(json "$TMP/out" '[(m["beginIndex"], m["endIndex"], m["anchorOf"]) for m in docs[0]["mentions"]]')" \
	'[[3, 8, "alpha"], [15, 19, "beta"]]'
expect "text included" "$(json "$TMP/out" 'docs[0]["text"]')" "an alpha and a beta"
expect "inline context" "$(json "$TMP/out" 'docs[0]["@context"]["nif"]')" \
	"http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

# TSV: doc_id start end category text value, checked by hand.
printf 'an alpha and a beta' | good --format=tsv > "$TMP/tsv"
printf -- '-\t3\t8\tTest\talpha\t\n-\t15\t19\tQuantity\tbeta\t2\n' > "$TMP/want"
if cmp -s "$TMP/tsv" "$TMP/want"; then ok "tsv lines"; else not_ok "tsv lines"; cat "$TMP/tsv"; fi

# Code points, not bytes: "é" and "😀" are one each.
printf '\303\251 alpha \360\237\230\200 beta' | good --format=tsv > "$TMP/tsv"
expect "tsv offsets in code points" "$(cut -f2,3,5 "$TMP/tsv" | tr '\t\n' ' |')" "2 7 alpha|10 14 beta|"

# Offsets of every digit count around the writer's four-digit fast path.
{ printf '%5s' ''; printf alpha; printf '%85s' ''; printf alpha; printf '%895s' ''; printf alpha
  printf '%8995s' ''; printf alpha; } | good --format=tsv > "$TMP/tsv"
expect "tsv offsets of 1 to 5 digits" "$(cut -f2,3 "$TMP/tsv" | tr '\t\n' ' |')" \
	"5 10|95 100|995 1000|9995 10000|"

printf 'alpha' | good --pretty > "$TMP/pretty"
expect "pretty output spans lines" "$([ "$(wc -l < "$TMP/pretty")" -gt 5 ] && echo yes)" yes
expect "pretty output is one JSON value" \
	"$("$PYTHON3" -c 'import json,sys; print(json.load(open(sys.argv[1]))["mentions"][0]["anchorOf"])' "$TMP/pretty")" alpha

printf 'alpha' | good --context=https://example.org/ctx.jsonld --no-text > "$TMP/out"
expect "context by reference" "$(json "$TMP/out" 'docs[0]["@context"]')" "https://example.org/ctx.jsonld"
expect "no text" "$(json "$TMP/out" '"text" in docs[0]')" False

# Ids are escaped (\t \n \\), short ones and ones too long for the stack.
printf '{"id": "a\\tb\\\\c", "text": "alpha"}\n{"id": "%s\\n", "text": "alpha"}\n' \
	"$(printf '%0200d' 0)" | good --input=jsonl --format=tsv > "$TMP/tsv"
expect "tsv escaped ids" "$(cut -f1 "$TMP/tsv" | cut -c1-8 | tr '\n' '|')" 'a\tb\\c|00000000|'
expect "tsv long escaped id" "$(head -2 "$TMP/tsv" | tail -1 | cut -f1 | cut -c199-)" '00\n'
# The writer checks 1-3, 4-7 and 8 or more bytes a word at a time, the last
# word overlapping: an escape at the start, middle or end of each is found.
# (\\ in the JSON is one backslash of the id)
for id in '\\' 'a\\' '\\b\\' 'ab\\' '\\bcd' 'ab\\de' 'abcdef\\' 'abcdefgh\\' 'abcdefghi\\k' \
	'\\bcdefghijklmnopq' 'abcdefghijklmnopq' 'abcdefgh\\ijklmnopq'; do
	printf '{"id": "%s", "text": "alpha"}\n' "$id"
done | good --input=jsonl --format=tsv > "$TMP/tsv"
want='\\|a\\|\\b\\|ab\\|\\bcd|ab\\de|abcdef\\|abcdefgh\\|abcdefghi\\k|'
want="$want"'\\bcdefghijklmnopq|abcdefghijklmnopq|abcdefgh\\ijklmnopq|'
expect "tsv escapes in ids of every length" "$(cut -f1 "$TMP/tsv" | tr '\n' '|')" "$want"
printf 'alpha\n' | good --format=tsv --reference-date=2017-12-18 --split=line > "$TMP/tsv"
expect "tsv ids for split input" "$(cut -f1 "$TMP/tsv")" "-:1"
printf 'alpha' | good --reference-date=2017-12-18 > "$TMP/out"
expect "dcterms:created from --reference-date" "$(json "$TMP/out" 'docs[0]["created"]')" 2017-12-18

finish
