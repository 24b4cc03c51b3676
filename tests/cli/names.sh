#!/bin/sh
# The person, organization and place plugins on a short wire story: a
# Title Case headline, a dateline, titles, an acronym in parentheses, a
# possessive, a surname seen again, a news agency and a country inside a
# hyphenated compound. Offsets worked out by hand (code points).
. "$TEST_SRCDIR/cli/lib.sh"

printf '%s\n%s\n' \
	'Putin Says Sanctions Will Fail' \
	"MOSCOW, Dec 17 (Reuters) - Russian President Vladimir Putin said on Sunday that the Federal Security Service (FSB) had detained seven suspects in St. Petersburg. Putin's spokesman Dmitry Peskov told TASS that US-Russian talks would go on." \
	> "$TMP/story.txt"

"$ENTX" --format=tsv --plugins=person,organization,place "$TMP/story.txt" > "$TMP/out" 2> "$TMP/err"
expect "exit 0" "$?" 0
expect "nothing on stderr" "$(cat "$TMP/err")" ""
cut -f2-5 "$TMP/out" > "$TMP/got"
cat > "$TMP/want" <<'END'
0	5	Person	Putin
31	37	Place	MOSCOW
47	54	Organization	Reuters
76	90	Person	Vladimir Putin
115	139	Organization	Federal Security Service
141	144	Organization	FSB
177	191	Place	St. Petersburg
193	198	Person	Putin
211	224	Person	Dmitry Peskov
230	234	Organization	TASS
240	242	Place	US
END
expect "mentions" "$(cat "$TMP/got")" "$(cat "$TMP/want")"

# Classes in JSON-LD.
"$ENTX" --plugins=person,organization,place "$TMP/story.txt" > "$TMP/json"
expect "FSB is a government organization" \
	"$(json "$TMP/json" '[m["class"] for m in docs[0]["mentions"] if m["anchorOf"] == "FSB"]')" \
	'["schema:GovernmentOrganization"]'

finish
