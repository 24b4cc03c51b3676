#!/bin/sh
# Plugin selection: --list-plugins, --plugins, --disable, ENTX_PLUGIN_PATH, --version.
. "$TEST_SRCDIR/cli/lib.sh"

good --list-plugins > "$TMP/out"
expect "--list-plugins: exit 0" "$?" 0
expect "--list-plugins: name, version, classes, file" \
	"$(head -1 "$TMP/out" | awk '{print $1, $2, $3, ($4 ~ /\/good\.so$/)}')" "good 1.0 Test,Quantity 1"
expect_match "--list-plugins: summary and license" "$(cat "$TMP/out")" "test plugin that works (GPL-3.0-or-later)"

good --disable=good < /dev/null 2> "$TMP/err"
expect "everything disabled: exit 2" "$?" 2

printf 'alpha' | ENTX_PLUGIN_PATH="$GOOD_DIR" "$ENTX" --plugins=good --format=tsv > "$TMP/out"
expect "ENTX_PLUGIN_PATH finds plugins" "$(cut -f5 "$TMP/out")" alpha

printf 'alpha beta' | good -p good,good --format=tsv > "$TMP/out"
expect "a plugin named twice runs once" "$(wc -l < "$TMP/out")" 2

"$ENTX" --version > "$TMP/out"
expect_match "--version" "$(cat "$TMP/out")" "entx "
expect_match "--version names the plugin ABI" "$(cat "$TMP/out")" "plugin ABI 1"

"$ENTX" --help > "$TMP/out"
expect_match "--help lists --split" "$(cat "$TMP/out")" "--split=MODE"

finish
