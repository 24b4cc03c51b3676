#!/bin/sh
# Stands in for the unit tests when configure found no cmocka.
echo "cmocka was not found by configure: install it (Debian: libcmocka-dev) and re-run configure" >&2
exit 99
