#!/bin/sh
# The rules plugin from the command line: user rule files found through
# --rules-dir, ENTX_RULES_PATH and $XDG_CONFIG_HOME, shadowing, broken
# files (exit 2 when the plugin is asked for, a warning otherwise), limits.
. "$TEST_SRCDIR/cli/lib.sh"

RULES_SO="$ENTX_PLUGIN_PATH/rules.so"
rules() { "$ENTX" --plugins=rules "$@"; }

mkdir -p "$TMP/a" "$TMP/b" "$TMP/xdg/entx/rules"
cat > "$TMP/a/ships.rules" <<'RULES'
# Vessels of one navy.
[class Vessel]
iri = https://example.org/ns#Vessel

[phrases Vessel]
Admiral Kuznetsov | sameAs=http://dbpedia.org/resource/Admiral_Kuznetsov_(aircraft_carrier) value=063
Moskva

[pattern Vessel]
regex = \b(?:USS|HMS) (?<name>[A-Z][a-z]+)
schema:name = ${name}
RULES

# "Die Moskva sank; " is 17 code points, "Admiral Kuznetsov" 17 more,
# " and USS " 9 more: [17,34) and [43,54).
printf 'Die Moskva sank; Admiral Kuznetsov and USS Enterprise.' > "$TMP/doc.txt"
rules --rules-dir="$TMP/a" --format=tsv "$TMP/doc.txt" > "$TMP/out" 2> "$TMP/err"
expect "tsv: exit 0" "$?" 0
expect "tsv: custom category and offsets" "$(cat "$TMP/out")" "$(printf '%s\t4\t10\tVessel\tMoskva\t\n%s\t17\t34\tVessel\tAdmiral Kuznetsov\t063\n%s\t39\t53\tVessel\tUSS Enterprise\t' \
	"$TMP/doc.txt" "$TMP/doc.txt" "$TMP/doc.txt")"
expect "tsv: no warnings" "$(cat "$TMP/err")" ""

rules --rules-dir="$TMP/a" "$TMP/doc.txt" > "$TMP/out"
expect "json-ld: class IRI" "$(json "$TMP/out" 'sorted({m["class"] for m in docs[0]["mentions"]})')" \
	'["https://example.org/ns#Vessel"]'
expect "json-ld: sameAs" "$(json "$TMP/out" '[m.get("sameAs") for m in docs[0]["mentions"]][1]')" \
	"http://dbpedia.org/resource/Admiral_Kuznetsov_(aircraft_carrier)"
expect "json-ld: property from a named group" \
	"$(json "$TMP/out" '[m.get("schema:name") for m in docs[0]["mentions"]][2]')" "Enterprise"
expect "json-ld: annotator" "$(json "$TMP/out" 'docs[0]["mentions"][0]["annotator"]')" \
	"urn:entx:plugin:rules"

# ENTX_RULES_PATH is searched after --rules-dir: a file of the same name
# there is shadowed, other files are read.
printf '[class Other]\niri = urn:x:Other\n[phrases Other]\nMoskva\n' > "$TMP/b/ships.rules"
printf '[phrases Place]\nMoskva\n' > "$TMP/b/places.rules"
ENTX_RULES_PATH="$TMP/b" rules --rules-dir="$TMP/a" --format=tsv --overlaps=all "$TMP/doc.txt" \
	| awk -F'\t' '$5 == "Moskva" {print $4}' | sort > "$TMP/out"
expect "shadowing: ships.rules from --rules-dir, places.rules from ENTX_RULES_PATH" \
	"$(cat "$TMP/out" | tr '\n' ' ')" "Place Vessel "

# $XDG_CONFIG_HOME/entx/rules (not searched with ENTX_NO_SYSTEM_DIRS).
cp "$TMP/a/ships.rules" "$TMP/xdg/entx/rules/"
printf 'Moskva' | ENTX_NO_SYSTEM_DIRS= XDG_CONFIG_HOME="$TMP/xdg" rules --format=tsv > "$TMP/out"
expect "XDG_CONFIG_HOME/entx/rules is read" "$(cut -f4,5 "$TMP/out")" "$(printf 'Vessel\tMoskva')"

# Broken files: asked for by name, exit 2 naming FILE:LINE:COLUMN.
check_broken() { # DESCRIPTION CONTENTS EXPECTED-MESSAGE-TAIL
	mkdir -p "$TMP/broken"
	printf '%s' "$2" > "$TMP/broken/x.rules"
	rules --rules-dir="$TMP/broken" < /dev/null > "$TMP/out" 2> "$TMP/err"
	expect "$1: exit 2" "$?" 2
	expect "$1: message" "$(cat "$TMP/err")" \
		"entx: plugin 'rules' ($RULES_SO) failed to start: $TMP/broken/x.rules:$3"
	rm -rf "$TMP/broken"
}
check_broken "bad regex" '[class W]
iri = urn:x:W
[pattern W]
regex = (?<model>[A-Z]+-\d+
' "4:28: bad regex: missing closing parenthesis"
check_broken "unknown key" '[class W]
iri = urn:x:W
colour = red
' "3:1: unknown key 'colour' in [class W] (expected iri, priority, confidence or case)"
check_broken "unknown class" '[phrases Weapon]
AK-47
' "1:10: unknown class 'Weapon': define it with [class Weapon] before it is used (classes are read in file-name order)"
check_broken "bad value" '[class W]
iri = urn:x:W
priority = 1.5
' "3:12: bad priority '1.5': expected an integer"
check_broken "syntax" '[class W
' "1:9: section header lacks its closing ']'"

# Not asked for by name: a warning, and the other plugins still run.
mkdir -p "$TMP/plugins" "$TMP/broken"
ln -s "$RULES_SO" "$TMP/plugins/rules.so"
ln -s "$GOOD_DIR/good.so" "$TMP/plugins/good.so"
printf '[class W]\niri = urn:x:W\ncolour = red\n' > "$TMP/broken/x.rules"
printf 'alpha' | ENTX_PLUGIN_PATH="$TMP/plugins" "$ENTX" --rules-dir="$TMP/broken" --format=tsv \
	> "$TMP/out" 2> "$TMP/err"
expect "broken rules, plugin not named: exit 0" "$?" 0
expect "broken rules, plugin not named: others run" "$(cut -f4,5 "$TMP/out")" "$(printf 'Test\talpha')"
expect_match "broken rules, plugin not named: warning names the file" "$(cat "$TMP/err")" \
	"$TMP/broken/x.rules:3:1: unknown key 'colour' in [class W]"

# Limits.
rules --rules-dir="$TMP/a" --option=rules.max-file-size=100 < /dev/null 2> "$TMP/err"
expect "max-file-size: exit 2" "$?" 2
expect_match "max-file-size: message" "$(cat "$TMP/err")" \
	"$TMP/a/ships.rules: rule file is $(wc -c < "$TMP/a/ships.rules") bytes, more than the limit of 100 (raise the limit with --option=rules.max-file-size=BYTES)"
rules --rules-dir="$TMP/a" --option=rules.max-entries=2 < /dev/null 2> "$TMP/err"
expect "max-entries: exit 2" "$?" 2
expect_match "max-entries: message" "$(cat "$TMP/err")" \
	"$TMP/a/ships.rules:9: more than 2 phrases and patterns in all rule files"
rules --option=rules.match-limit=none < /dev/null 2> "$TMP/err"
expect "bad option value: exit 2" "$?" 2
rules --option=rules.colour=red < /dev/null 2> "$TMP/err"
expect "unknown option: exit 2" "$?" 2
expect "unknown option: message" "$(cat "$TMP/err")" "entx: plugin 'rules' has no option 'colour'"

# A pattern that hits the match limit: a warning naming the rule and the
# document; the document's other mentions are still written.
mkdir -p "$TMP/slow"
printf '[class W]\niri = urn:x:W\n[pattern W]\nregex = (a+)+$\n[phrases W]\nAK-47\n' > "$TMP/slow/w.rules"
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! AK-47\n' > "$TMP/slow.txt"
for jit in yes no; do
	rules --rules-dir="$TMP/slow" --option=rules.match-limit=5000 --option=rules.jit=$jit \
		--format=tsv "$TMP/slow.txt" > "$TMP/out" 2> "$TMP/err"
	expect "match limit (jit=$jit): exit 0" "$?" 0
	expect "match limit (jit=$jit): warning" "$(cat "$TMP/err")" \
		"entx: plugin 'rules': document '$TMP/slow.txt': rule $TMP/slow/w.rules:4 [pattern W] gave up at character 0: match limit exceeded (raise it with --option=rules.match-limit=N); its other matches in this document are skipped"
	expect "match limit (jit=$jit): extraction goes on" "$(cut -f2-5 "$TMP/out")" "$(printf '42\t47\tW\tAK-47')"
done

# Several documents at once give the same output as one at a time.
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	printf 'Line %s: Admiral Kuznetsov met USS Nimitz near the Moskva.\n' "$i"
done > "$TMP/lines.txt"
rules --rules-dir="$TMP/a" --split=line --format=tsv -j 1 "$TMP/lines.txt" > "$TMP/one"
rules --rules-dir="$TMP/a" --split=line --format=tsv -j 4 "$TMP/lines.txt" > "$TMP/four"
expect "-j 4: 36 mentions" "$(wc -l < "$TMP/four")" 36
expect "-j 4: same as -j 1" "$(cmp -s "$TMP/one" "$TMP/four" && echo same)" same

finish
