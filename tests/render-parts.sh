#!/bin/sh
# render-parts.sh: a large draft rendered in parts is the same, byte for
# byte, as the draft rendered in one go.  Uses the small stylesheet
# tests/data/render/parts-test.xsl, which takes st-part; the same
# stylesheet with st-part turned into a variable renders in one go.
# Exit 0 pass, 1 fail, 99 setup failure.

srcdir=${STDTOOL_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
STDTOOL=${STDTOOL:-$srcdir/build/src/stdtool}

work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-parts.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT INT TERM

# Two data folders: the same stylesheet, with and without the parameter.
for d in parts whole; do
	mkdir -p "$work/$d/templates" || exit 99
	ln -s "$srcdir/schemas" "$work/$d/schemas" || exit 99
done
cp "$srcdir/tests/data/render/parts-test.xsl" "$work/parts/templates/draft-gbt.xsl" || exit 99
sed 's|<xsl:param name="st-part"|<xsl:variable name="st-part"|' \
	"$srcdir/tests/data/render/parts-test.xsl" > "$work/whole/templates/draft-gbt.xsl" || exit 99
grep -q '<xsl:variable name="st-part"' "$work/whole/templates/draft-gbt.xsl" || exit 99

# A 1 MB draft, in parts of at most 3,000 nodes (the test hook), so that
# it takes dozens of them; clauses larger than that go alone.
LC_ALL=C awk -v mb=1 -f "$srcdir/bench/gen-draft.awk" > "$work/draft.xml" || exit 99

STDTOOL_TEST_PART_NODES=3000 STDTOOL_DATADIR=$work/parts "$STDTOOL" draft render "$work/draft.xml" -o "$work/parts.html" ||
	{ echo "FAIL: rendering in parts failed"; exit 1; }
STDTOOL_DATADIR=$work/whole "$STDTOOL" draft render "$work/draft.xml" -o "$work/whole.html" ||
	{ echo "FAIL: rendering in one go failed"; exit 1; }
sections=$(grep -o '<section>' "$work/whole.html" | wc -l)
[ "$sections" -gt 200 ] || { echo "FAIL: only $sections sections rendered"; exit 1; }
if ! cmp -s "$work/parts.html" "$work/whole.html"; then
	echo "FAIL: the parts differ from the whole:"
	cmp "$work/parts.html" "$work/whole.html"
	exit 1
fi
grep -q 'st:slot\|st:end' "$work/parts.html" && { echo "FAIL: a marker was left in"; exit 1; }
echo "render-parts: $sections sections, $(wc -c < "$work/parts.html") bytes, the same both ways"
