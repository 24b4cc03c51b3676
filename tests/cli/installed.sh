#!/bin/sh
# Extending entx the way a user does, against an installed copy: this
# build tree is installed with DESTDIR into a temporary directory, then
#   1. the installed entx runs examples/rules (a custom class from a
#      rule file), and
#   2. examples/plugin is built out of tree with its own Makefile and
#      pkg-config, and run by the installed entx with --plugin-path.
. "$TEST_SRCDIR/cli/lib.sh"
: "${MAKE:?run this test through make check}"

INST="$TMP/inst"
if ! $MAKE -C "$ENTX_TOP_BUILDDIR" install DESTDIR="$INST" > "$TMP/install.log" 2>&1; then
	cat "$TMP/install.log"
	not_ok "make install DESTDIR=..."
	finish
	exit 1
fi
ok "make install DESTDIR=..."

BIN="$INST$ENTX_BINDIR/entx"
PLUGINS="$INST$ENTX_PLUGINSDIR"
LD_LIBRARY_PATH="$INST$ENTX_LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH
# Only what was installed here: not the build tree's plugins, not the
# system's directories.
ENTX_NO_SYSTEM_DIRS=1
ENTX_PLUGIN_PATH=
ENTX_RULES_PATH="$INST$ENTX_RULESDIR"
export ENTX_NO_SYSTEM_DIRS ENTX_PLUGIN_PATH ENTX_RULES_PATH
installed() { "$BIN" --plugin-path="$PLUGINS" "$@"; }

installed --version > "$TMP/out" 2>&1
expect "installed entx runs" "$?" 0

# --- 1. examples/rules --------------------------------------------------

EXAMPLE="$ENTX_TOP_SRCDIR/examples/rules"
SAMPLE="$EXAMPLE/sample.txt"
if [ -f "$PLUGINS/rules.so" ]; then
	# "Ukraine fired a " is 16 code points, "Javelin missile" 15,
	# " and " 5, "HIMARS" 6, " rockets, while Russia moved " 29,
	# "T-72" 4, " tanks and " 11, "S-400" 5,
	# " systems; one soldier carried an " 33, "AK-47" 5.
	installed --plugins=rules --rules-dir="$EXAMPLE" --format=tsv "$SAMPLE" > "$TMP/out" 2> "$TMP/err"
	expect "examples/rules: exit 0" "$?" 0
	expect "examples/rules: no messages" "$(cat "$TMP/err")" ""
	expect "examples/rules: spans, category and value" "$(cut -f2-6 "$TMP/out")" "$(printf '%s\n' \
		"16	31	Weapon	Javelin missile	FGM-148" \
		"36	42	Weapon	HIMARS	M142" \
		"71	75	Weapon	T-72	T-72" \
		"86	91	Weapon	S-400	S-400" \
		"124	129	Weapon	AK-47	")"

	installed --plugins=rules --rules-dir="$EXAMPLE" "$SAMPLE" > "$TMP/out"
	expect "examples/rules: class IRI" \
		"$(json "$TMP/out" 'sorted({m["class"] for m in docs[0]["mentions"]})')" \
		'["https://example.org/entx/ns#Weapon"]'
	expect "examples/rules: sameAs" \
		"$(json "$TMP/out" '[m.get("sameAs", "-") for m in docs[0]["mentions"]]')" \
		'["http://dbpedia.org/resource/FGM-148_Javelin", "http://dbpedia.org/resource/M142_HIMARS", "-", "-", "http://dbpedia.org/resource/AK-47"]'
	expect "examples/rules: pattern groups as properties" \
		"$(json "$TMP/out" '[(m.get("schema:model"), m.get("schema:category")) for m in docs[0]["mentions"][2:4]]')" \
		'[["72", "tanks"], ["400", "systems"]]'

	# With every installed plugin and their installed data, the
	# weapons are still found (priority 60 and confidence 0.9 win any
	# crossing with the built-in plugins).
	installed --rules-dir="$EXAMPLE" --format=tsv "$SAMPLE" > "$TMP/out" 2> "$TMP/err"
	expect "examples/rules with all plugins: exit 0" "$?" 0
	expect "examples/rules with all plugins: the same weapons" \
		"$(awk -F'\t' '$4 == "Weapon" {print $2, $3, $5}' "$TMP/out")" "$(printf '%s\n' \
		"16 31 Javelin missile" "36 42 HIMARS" "71 75 T-72" "86 91 S-400" "124 129 AK-47")"
else
	echo "# skip examples/rules: the rules plugin was not built (--disable-rules)"
fi

# --- 2. examples/plugin ---------------------------------------------------

# pkg-config --define-prefix and PKG_CONFIG_SYSROOT_DIR both redirect
# every package, glib's too, which breaks glib's multiarch paths on
# Debian; so the test points a copy of the installed entx.pc at DESTDIR
# instead, changing only its absolute paths.
mkdir -p "$TMP/pc" "$TMP/sdk"
sed "s|^\([A-Za-z_]*\)=/|\1=$INST/|" "$INST$ENTX_PKGCONFIGDIR/entx.pc" > "$TMP/pc/entx.pc"
PKG_CONFIG_PATH="$TMP/pc"
export PKG_CONFIG_PATH
expect "entx.pc: Cflags point into DESTDIR" \
	"$(pkg-config --cflags-only-I entx | tr ' ' '\n' | grep -c "^-I$INST")" 1
expect "entx.pc: pluginsdir" "$(pkg-config --variable=pluginsdir entx)" "$PLUGINS"

# The example is built as a user would, not as part of this make run.
sdk_make() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory -C "$TMP/sdk" "$@"; }
cp "$ENTX_TOP_SRCDIR/examples/plugin/hashtag.c" "$ENTX_TOP_SRCDIR/examples/plugin/Makefile" "$TMP/sdk/"
# The example must build warning-free against the installed headers.
if sdk_make CFLAGS="-O2 -Wall -Wextra -Werror -std=c11" > "$TMP/build.log" 2>&1; then
	ok "examples/plugin builds with its Makefile and pkg-config"
else
	cat "$TMP/build.log"
	not_ok "examples/plugin builds with its Makefile and pkg-config"
fi

installed --plugin-path="$TMP/sdk" --list-plugins > "$TMP/out" 2>&1
expect_match "examples/plugin: listed" "$(cat "$TMP/out")" "hashtag"

# "Thanks " 7, "@NASA_Webb" 10, " for " 5, "#JWST" 5, then
# "! Mail me@example.org about #1." has neither (an address, a number).
sdk_make check ENTX="$BIN --plugin-path=$PLUGINS" > "$TMP/out" 2> "$TMP/err"
expect "examples/plugin: make check exit 0" "$?" 0
expect "examples/plugin: output" "$(cat "$TMP/out")" "$(printf '%s\n' \
	"-	7	17	Handle	@NASA_Webb	nasa_webb" \
	"-	22	27	Hashtag	#JWST	jwst")"

# Code points, not bytes, after multi-byte text; an option: "Über_Alles"
# has 10 characters, "waytoolongtag" 13.
printf 'Ça va #Über_Alles #waytoolongtag' | installed --plugin-path="$TMP/sdk" --plugins=hashtag \
	--option=hashtag.max-length=10 > "$TMP/out" 2> "$TMP/err"
expect "examples/plugin: JSON-LD offsets in code points" \
	"$(json "$TMP/out" '[(m["beginIndex"], m["endIndex"], m["anchorOf"], m["class"], m["normalized"]) for m in docs[0]["mentions"]]')" \
	'[[6, 17, "#Über_Alles", "schema:DefinedTerm", "über_alles"]]'
expect "examples/plugin: warning" "$(cat "$TMP/err")" \
	"entx: plugin 'hashtag': document '-': tag at character 18 is longer than 10 characters; skipped"

installed --plugin-path="$TMP/sdk" --plugins=hashtag --option=hashtag.max-length=0 < /dev/null 2> "$TMP/err"
expect "examples/plugin: bad option, exit 2" "$?" 2

finish
