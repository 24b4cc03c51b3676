#!/bin/sh
# Runs the build tree's entx under valgrind for make check-valgrind: any
# memory error or definite/indirect leak makes it exit 99, which the CLI
# tests see as a wrong exit status.
LD_LIBRARY_PATH="$TEST_BUILDDIR/../.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH
exec valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect \
	--suppressions="$TEST_SRCDIR/unit/pcre2-jit.supp" \
	"$TEST_BUILDDIR/../.libs/entx" "$@"
