#!/bin/sh
# Input: split modes, files, JSONL, empty input, NUL bytes, invalid UTF-8.
. "$TEST_SRCDIR/cli/lib.sh"

printf 'alpha\n\nbeta\n' | good --split=line > "$TMP/out"
expect "split=line: one output line per input line" "$(wc -l < "$TMP/out")" 3
expect "split=line ids" "$(json "$TMP/out" '[d["docId"] for d in docs]')" '["-:1", "-:2", "-:3"]'
expect "split=line offsets restart per document" \
	"$(json "$TMP/out" '[m["beginIndex"] for d in docs for m in d["mentions"]]')" '[0, 0]'

printf 'alpha\nalpha\n\n\nbeta\n' | good --split=blank > "$TMP/out"
expect "split=blank paragraphs" "$(json "$TMP/out" '[(d["docId"], len(d["mentions"])) for d in docs]')" \
	'[["-:1", 2], ["-:5", 1]]'

printf 'alpha\0beta\0' | good --split=nul > "$TMP/out"
expect "split=nul records" "$(wc -l < "$TMP/out")" 2

printf 'alpha' > "$TMP/a.txt"
printf 'beta beta' > "$TMP/b.txt"
good "$TMP/a.txt" "$TMP/b.txt" > "$TMP/out"
expect "files: one document each, id the path" \
	"$(json "$TMP/out" '[(d["docId"].endswith(("/a.txt", "/b.txt")), len(d["mentions"])) for d in docs]')" \
	'[[true, 1], [true, 2]]'

good "$TMP/a.txt" "$TMP/missing.txt" "$TMP/b.txt" > "$TMP/out" 2> "$TMP/err"
expect "missing file: exit 1" "$?" 1
expect "missing file: the others are written" "$(wc -l < "$TMP/out")" 3
expect "missing file: error record in its place" "$(json "$TMP/out" '"error" in docs[1]')" True
expect_match "missing file: message names it" "$(cat "$TMP/err")" "missing.txt"

cat > "$TMP/in.jsonl" <<'JSONL'
{"id": "a1", "text": "alpha here", "date": "2017-12-18", "source": "wire", "tags": [1, 2]}

{"text": "beta"}
not json
{"id": 7, "text": 5}
JSONL
good --input=jsonl "$TMP/in.jsonl" > "$TMP/out" 2> "$TMP/err"
expect "jsonl: bad lines fail the run" "$?" 1
expect "jsonl: one output per object, blank lines skipped" "$(wc -l < "$TMP/out")" 4
expect "jsonl: id, date and carried fields" \
	"$(json "$TMP/out" '[docs[0]["docId"], docs[0]["created"], docs[0]["source"], docs[0]["tags"]]')" \
	'["a1", "2017-12-18", "wire", [1, 2]]'
expect "jsonl: default id is source:line" "$(json "$TMP/out" 'docs[1]["docId"]')" "$TMP/in.jsonl:3"
expect "jsonl: invalid JSON is an error record" "$(json "$TMP/out" '"error" in docs[2]')" True
expect "jsonl: numeric id, text not a string" "$(json "$TMP/out" '[docs[3]["docId"], "error" in docs[3]]')" '["7", true]'
expect_match "jsonl: message names the line" "$(cat "$TMP/err")" "in.jsonl:4"

# Carried numbers keep their digits, compact and --pretty (jansson's
# dump, used for both once, wrote six: 48.8566, 1.23457e8).
echo '{"text": "alpha", "lat": 48.856613, "score": 123456789.25, "p": [1e-7, 0.1, 5.0]}' \
	> "$TMP/num.jsonl"
good --input=jsonl "$TMP/num.jsonl" > "$TMP/out"
expect "jsonl: carried numbers exact" \
	"$(json "$TMP/out" '[repr(docs[0]["lat"]), repr(docs[0]["score"]), docs[0]["p"]]')" \
	'["48.856613", "123456789.25", [1e-07, 0.1, 5.0]]'
expect_match "jsonl: written as read" "$(cat "$TMP/out")" \
	'"lat":48.856613,"score":123456789.25,"p":[1e-7,0.1,5.0]'
good --input=jsonl --pretty "$TMP/num.jsonl" > "$TMP/out"
expect_match "jsonl --pretty: carried numbers exact" "$(cat "$TMP/out")" \
	'"lat": 48.856613,
  "score": 123456789.25,
  "p": [
    1e-7,
    0.1,
    5.0
  ],'

printf '' | good > "$TMP/out"
expect "empty input: exit 0" "$?" 0
expect "empty input: one empty document" "$(json "$TMP/out" '[d["endIndex"] for d in docs]')" '[0]'

printf 'alpha\0beta' | good --format=tsv > "$TMP/tsv"
expect "NUL bytes are characters" "$(cut -f2,3,5 "$TMP/tsv" | tr '\t\n' ' |')" "0 5 alpha|6 10 beta|"

printf 'caf\351 alpha' | good > "$TMP/out" 2> "$TMP/err"
expect "invalid UTF-8 repaired: exit 0" "$?" 0
expect "invalid UTF-8: offsets count U+FFFD as one" \
	"$(json "$TMP/out" '[(m["beginIndex"], m["endIndex"]) for m in docs[0]["mentions"]]')" '[[5, 10]]'
expect "invalid UTF-8: warning names document and byte" "$(cat "$TMP/err")" \
	"entx: document '-': invalid UTF-8 at byte 3 (1 invalid sequence replaced by U+FFFD)"

printf 'caf\351 alpha' | good --strict-utf8 > "$TMP/out" 2> "$TMP/err"
expect "--strict-utf8: exit 1" "$?" 1
expect "--strict-utf8: error record" "$(json "$TMP/out" 'docs[0]["error"]')" "invalid UTF-8 at byte 3"

printf 'alpha\nthis line is too long\nbeta\n' | good --split=line --max-doc-size=10 > "$TMP/out" 2> "$TMP/err"
expect "--max-doc-size: exit 1" "$?" 1
expect "--max-doc-size: stream goes on" "$(json "$TMP/out" '["error" in d for d in docs]')" '[false, true, false]'
expect_match "--max-doc-size: message" "$(cat "$TMP/err")" "document '-:2': document is 21 bytes, over --max-doc-size=10; skipped"

printf 'alpha\nbeta\nalpha beta\n' > "$TMP/many"
good --split=line -j 2 "$TMP/many" > "$TMP/par"
good --split=line "$TMP/many" > "$TMP/seq"
if cmp -s "$TMP/par" "$TMP/seq"; then ok "-j 2 output equals -j 1"; else not_ok "-j 2 output equals -j 1"; fi

# A record over 1 MB is handed over by the reader, not copied, and the
# reader goes on in new memory: the records after it are read whole in
# every split mode, with one job and with two. An invalid byte in it is
# still replaced (one code point: "alpha" begins two after it).
awk 'BEGIN { for (i = 0; i < 150000; i++) printf "alpha beta "; printf "\377 alpha" }' \
	> "$TMP/long"
{ printf 'alpha\n'; cat "$TMP/long"; printf '\nbeta beta\n'; } > "$TMP/long-line"
{ printf 'alpha\0'; cat "$TMP/long"; printf '\0beta beta\0'; } > "$TMP/long-nul"
{ printf 'alpha\n\n'; cat "$TMP/long"; printf '\n\nbeta beta\n'; } > "$TMP/long-blank"
for mode in line nul blank; do
	good --split=$mode --format=tsv < "$TMP/long-$mode" > "$TMP/one" 2> /dev/null
	expect "long record, split=$mode: mentions per document" \
		"$(cut -f1 "$TMP/one" | uniq -c | awk '{ printf "%s ", $1 }')" "1 300001 2 "
	expect "long record, split=$mode: its last mention" \
		"$(sed -n 300002p "$TMP/one" | cut -f2-5 | tr '\t' ' ')" \
		"1650002 1650007 Test alpha"
	good --split=$mode --format=tsv -j 2 < "$TMP/long-$mode" > "$TMP/two" 2> /dev/null
	if cmp -s "$TMP/one" "$TMP/two"; then ok "long record, split=$mode: -j 2 equals -j 1"
	else not_ok "long record, split=$mode: -j 2 equals -j 1"; fi
done

finish
