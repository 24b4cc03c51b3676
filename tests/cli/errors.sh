#!/bin/sh
# Exit statuses and messages for usage, configuration and plugin errors.
. "$TEST_SRCDIR/cli/lib.sh"

"$ENTX" --no-such-option < /dev/null > "$TMP/out" 2> "$TMP/err"
expect "unknown option: exit 2" "$?" 2
expect_match "unknown option: message" "$(cat "$TMP/err")" "entx: Unknown option --no-such-option"

for bad in --format=xml --split=words --input=csv --overlaps=some --max-doc-size=lots \
	--reference-date=2017-02-30 --jobs=-1 --jobs=many -jx --jobs=1025; do
	good "$bad" < /dev/null > "$TMP/out" 2> "$TMP/err"
	expect "$bad: exit 2" "$?" 2
	expect_match "$bad: says what to try" "$(cat "$TMP/err")" "Try 'entx --help'"
done

good -jx < /dev/null 2> "$TMP/err"
expect "-jx: the value named" "$(head -1 "$TMP/err")" \
	"entx: bad --jobs 'x' (expected 1 to 1024, or 0 for one per CPU)"

good --plugins=nosuch < /dev/null 2> "$TMP/err"
expect "unknown plugin: exit 2" "$?" 2
expect "unknown plugin: message" "$(cat "$TMP/err")" "entx: no plugin named 'nosuch' in the plugin path"

"$ENTX" --plugin-path="$GOOD_DIR" --plugins=wrongabi < /dev/null 2> "$TMP/err"
expect "wrong ABI asked for by name: exit 2" "$?" 2
expect_match "wrong ABI: names file and both versions" "$(cat "$TMP/err")" \
	"wrongabi.so' was built for plugin ABI version 999, but this entx uses ABI version 1"

"$ENTX" --plugin-path="$GOOD_DIR" --plugins=createfails < /dev/null 2> "$TMP/err"
expect "create fails: exit 2" "$?" 2
expect_match "create fails: plugin's own message" "$(cat "$TMP/err")" \
	"cannot find rule file 'createfails/data.rules'"

# Not asked for by name: broken plugins are warnings, the good one runs.
printf 'alpha' | ENTX_PLUGIN_PATH="$GOOD_DIR" "$ENTX" --disable=extractfails --format=tsv \
	> "$TMP/out" 2> "$TMP/err"
expect "broken plugins not named: exit 0" "$?" 0
expect "broken plugins not named: good one ran" "$(cut -f5 "$TMP/out")" alpha
expect "one warning per broken plugin" "$(grep -c 'skipping it$' "$TMP/err")" 5

printf 'poison alpha\n' | "$ENTX" --plugin-path="$GOOD_DIR" --plugins=good,extractfails \
	> "$TMP/out" 2> "$TMP/err"
expect "extract fails: exit 1" "$?" 1
expect "extract fails: message names plugin and document" "$(cat "$TMP/err")" \
	"entx: document '-': plugin 'extractfails' failed on document '-': poisoned document"
expect "extract fails: error record" "$(json "$TMP/out" 'docs[0]["error"]')" \
	"plugin 'extractfails' failed on document '-': poisoned document"

good --option=good.nosuch=1 < /dev/null 2> "$TMP/err"
expect "unknown plugin option: exit 2" "$?" 2
expect "unknown plugin option: message" "$(cat "$TMP/err")" "entx: plugin 'good' has no option 'nosuch'"

good --option=nodot < /dev/null 2> "$TMP/err"
expect "malformed option: exit 2" "$?" 2

printf 'alpha' | good --option=good.class=urn:x:Alpha > "$TMP/out"
expect "plugin option reaches the plugin" "$(json "$TMP/out" 'docs[0]["mentions"][0]["class"]')" "urn:x:Alpha"

ENTX_PLUGIN_PATH= "$ENTX" --plugins= < /dev/null 2> "$TMP/err"
expect "no plugins at all: exit 2" "$?" 2
expect_match "no plugins at all: message" "$(cat "$TMP/err")" "entx: no plugins to run"

# A built-in rule file shadowed by a broken copy: the plugin names the
# file, the line and the value it cannot read.
mkdir -p "$TMP/qrules/quantity"
printf '[phrases unit]\nday | code=DAY kind=duration duration=P1D\nweek | kind=duration duration=7D\n' \
	> "$TMP/qrules/quantity/units.rules"
"$ENTX" --plugins=quantity --rules-dir="$TMP/qrules" < /dev/null 2> "$TMP/err"
expect "bad duration: exit 2" "$?" 2
expect_match "bad duration: file, line and value" "$(cat "$TMP/err")" \
	"qrules/quantity/units.rules:3: bad duration '7D': expected an ISO 8601 duration of one unit"

finish
