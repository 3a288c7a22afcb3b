#!/bin/sh
# Fails when a case file in tests/cases/ is not listed in tests/cases.am
# (it would silently never run).
cd "${STDTOOL_SRCDIR:?}" || exit 99
missing=0
for f in tests/cases/*.case; do
	grep -qF "	$f " tests/cases.am || { echo "not listed in tests/cases.am: $f (run 'make update-cases')"; missing=1; }
done
count=$(ls tests/cases/*.case | wc -l)
[ $missing = 0 ] && echo "$count case files, all listed"
exit $missing
