#!/bin/sh
# entx keeps one output line per input document and no state between
# documents, so GNU parallel can split a stream across processes (or hosts)
# and put it back together: the result equals a single process's output.
. "$TEST_SRCDIR/cli/lib.sh"

if ! command -v parallel > /dev/null 2>&1; then
	echo "SKIP: GNU parallel is not installed"
	exit 77
fi

# 3,000 JSONL documents with ids (ids make the output independent of how
# the stream is cut; see README, "More than one machine").
awk 'BEGIN { for (i = 1; i <= 3000; i++)
	printf "{\"id\": \"d%d\", \"text\": \"alpha %d beta and more alpha\"}\n", i, i }' > "$TMP/in.jsonl"
good --input=jsonl < "$TMP/in.jsonl" > "$TMP/single"
expect "single process: one line per document" "$(wc -l < "$TMP/single")" 3000

parallel --will-cite --pipe -k --block 20k -j 2 "$ENTX" --plugin-path="$GOOD_DIR" --plugins=good \
	--input=jsonl < "$TMP/in.jsonl" > "$TMP/par"
expect "parallel --pipe -k: one line per document" "$(wc -l < "$TMP/par")" 3000
if cmp -s "$TMP/single" "$TMP/par"; then ok "parallel output equals single-process output"
else not_ok "parallel output equals single-process output"; fi

# Plain text split by lines: equal apart from the ids, which count lines
# within each piece.
awk 'BEGIN { for (i = 1; i <= 3000; i++) printf "alpha %d beta\n", i }' > "$TMP/in.txt"
good --split=line --format=tsv < "$TMP/in.txt" | cut -f2- > "$TMP/single"
parallel --will-cite --pipe -k --block 10k -j 2 "$ENTX" --plugin-path="$GOOD_DIR" --plugins=good \
	--split=line --format=tsv < "$TMP/in.txt" | cut -f2- > "$TMP/par"
if cmp -s "$TMP/single" "$TMP/par"; then ok "parallel text output equals single-process output"
else not_ok "parallel text output equals single-process output"; fi

finish
