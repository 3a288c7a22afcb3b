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

# The real stylesheets, which split a clause larger than a part at its
# sub-clauses and terms (st-holes): tiny parts split the terms clause term
# by term and every clause without loose footnotes down to its leaves;
# the clauses with footnotes outside tables go whole.  Each profile, each
# budget, against the same stylesheets rendering in one go.
mkdir -p "$work/real/templates" "$work/realwhole/templates" || exit 99
ln -s "$srcdir/schemas" "$work/real/schemas" || exit 99
ln -s "$srcdir/schemas" "$work/realwhole/schemas" || exit 99
cp "$srcdir"/templates/*.xsl "$work/real/templates/" || exit 99
cp "$srcdir"/templates/*.xsl "$work/realwhole/templates/" || exit 99
sed 's|<xsl:param name="st-part"|<xsl:variable name="st-part"|' \
	"$srcdir/templates/draft-common.xsl" > "$work/realwhole/templates/draft-common.xsl" || exit 99
grep -q '<xsl:variable name="st-part"' "$work/realwhole/templates/draft-common.xsl" || exit 99
sed 's|<meta-value>gbt</meta-value>|<meta-value>iso</meta-value>|' "$work/draft.xml" > "$work/draft-iso.xml" || exit 99
grep -q '<meta-value>iso</meta-value>' "$work/draft-iso.xml" || exit 99
runs=0
# same_in_parts D BUDGET...: draft D rendered in parts of each BUDGET nodes
# is byte for byte D rendered in one go, with no marker left in.
same_in_parts() {
	d=$1
	shift
	STDTOOL_DATADIR=$work/realwhole "$STDTOOL" draft render "$work/$d.xml" -o "$work/$d-whole.html" ||
		{ echo "FAIL: $d: rendering in one go failed"; exit 1; }
	for budget in "$@"; do
		STDTOOL_TEST_PART_NODES=$budget STDTOOL_DATADIR=$work/real "$STDTOOL" draft render \
			"$work/$d.xml" -o "$work/$d-$budget.html" ||
			{ echo "FAIL: $d: rendering in parts of $budget failed"; exit 1; }
		if ! cmp -s "$work/$d-$budget.html" "$work/$d-whole.html"; then
			echo "FAIL: $d: parts of $budget nodes differ from the whole:"
			cmp "$work/$d-$budget.html" "$work/$d-whole.html"
			exit 1
		fi
		grep -q 'st:slot\|st:hole\|st:end' "$work/$d-$budget.html" &&
			{ echo "FAIL: $d: a marker was left in"; exit 1; }
		runs=$((runs + 1))
	done
}
for d in draft draft-iso; do
	same_in_parts "$d" 30 400 5000
done
fnlists=$(grep -o 'class="fns"' "$work/draft-iso-whole.html" | wc -l)
# A hand-written draft with every kind of split (tests/data/render/README),
# in parts of 1 to 144 nodes, in both profiles.
cp "$srcdir/tests/data/render/split-clauses.xml" "$work/split.xml" || exit 99
sed 's|<meta-value>gbt</meta-value>|<meta-value>iso</meta-value>|; s|xml:lang="zh">|xml:lang="en">|' \
	"$work/split.xml" > "$work/split-iso.xml" || exit 99
grep -q '<meta-value>iso</meta-value>' "$work/split-iso.xml" || exit 99
for d in split split-iso; do
	same_in_parts "$d" 1 2 3 5 8 13 21 34 55 89 144
done
# The same with a stylesheet that shows where it leaves a hole: the terms,
# the clauses 4 and 5 and the annex are split, clause 6 (a footnote in a
# sub-clause) is not.
mkdir -p "$work/shown/templates" || exit 99
ln -s "$srcdir/schemas" "$work/shown/schemas" || exit 99
cp "$srcdir"/templates/*.xsl "$work/shown/templates/" || exit 99
sed 's|<xsl:comment>st:hole |<i>HOLE <xsl:value-of select="../@id"/></i>&|' \
	"$srcdir/templates/draft-common.xsl" > "$work/shown/templates/draft-common.xsl" || exit 99
grep -q '<i>HOLE' "$work/shown/templates/draft-common.xsl" || exit 99
STDTOOL_TEST_PART_NODES=5 STDTOOL_DATADIR=$work/shown "$STDTOOL" draft render "$work/split.xml" \
	-o "$work/shown.html" || { echo "FAIL: rendering with holes shown failed"; exit 1; }
shown=$(grep -o '<i>HOLE [^<]*</i>' "$work/shown.html" | sed 's/<[^>]*>//g; s/HOLE //' | LC_ALL=C sort -u | tr '\n' ' ')
[ "$shown" = "A A-2 s3 s4 s4-2 s4-2-1 s4-3 s5 t-2 " ] ||
	{ echo "FAIL: holes left in $shown"; exit 1; }

terms=$(grep -o 'class="term-entry"' "$work/draft-whole.html" | wc -l)
[ "$terms" -gt 50 ] && [ "$fnlists" -gt 0 ] || { echo "FAIL: only $terms terms, $fnlists footnote lists"; exit 1; }
echo "render-parts: the real stylesheets, $runs renders in parts ($terms terms, $fnlists footnote lists), the same as in one go"
