#!/bin/sh
# The application form (templates/claim-form.xsl): amounts in 万元 by
# integer arithmetic only, well-formed HTML for the sample claims, and a
# form rendered by stdtool itself from a real repository.

: "${STDTOOL_SRCDIR:?run through make check}"
srcdir=$(cd "$(dirname "$0")" && pwd)
. "$srcdir/lib.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-form.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
data=$STDTOOL_SRCDIR/tests/data/claim-form
sheet=$STDTOOL_SRCDIR/templates/claim-form.xsl
status=0
fail() { echo "FAIL: $*"; status=1; }

for tool in xsltproc xmllint; do
	command -v $tool > /dev/null || { echo "FAIL: $tool is missing (the README set-up installs it)"; exit 1; }
done

# 1. 万元 with two decimals, rounded half up, for thousands of amounts.
xsltproc --nonet "$data/amounts-check.xsl" "$data/amounts.xml" > "$work/amounts.out" ||
	fail "the amounts check did not run"
diff -u "$data/amounts.expected" "$work/amounts.out" > "$work/amounts.diff" ||
	{ head -20 "$work/amounts.diff"; fail "amounts in 万元 differ from the integer reference"; }

# 2. Every sample claim renders to HTML that xmllint accepts, with no
#    markup from the input surviving as markup.
for sample in "$data"/sample-*.xml "$data"/hostile.xml; do
	out=$work/$(basename "$sample" .xml).html
	xsltproc --nonet --nowrite --nomkdir "$sheet" "$sample" > "$out" 2> "$work/err" ||
		{ cat "$work/err"; fail "$(basename "$sample") did not render"; continue; }
	xmllint --html --noout "$out" 2> "$work/lint" && [ ! -s "$work/lint" ] ||
		{ head -5 "$work/lint"; fail "$(basename "$sample"): HTML problems"; }
	tail -c 20 "$out" | grep -q '</html>' || fail "$(basename "$sample"): the HTML is cut short"
done
grep -q '<script' "$work/hostile.html" && fail "hostile.xml: markup from the input was kept"

# 3. stdtool renders the form for a real claim through the same stylesheet.
test_setup_env "$work"
cd "$work" || exit 99
stdtool init r > /dev/null
stdtool -C r org add --uscc 91440300MA5FK2L751 --name 深圳市智擎机器人有限公司 --kind enterprise > /dev/null
stdtool -C r standard add --id gbt-45201 --level national --number 'GB/T 45201-2025' \
	--title '服务机器人 功能安全评估' --field robotics --published 2025-06-30 > /dev/null
stdtool -C r standard drafter gbt-45201 --org 91440300MA5FK2L751 --rank 1 > /dev/null
stdtool -C r claim-grant --org 91440300MA5FK2L751 --as-of 2026-11-25 --format html -o "$work/form.html" ||
	fail "claim-grant --format html failed"
for want in 深圳市智擎机器人有限公司 91440300MA5FK2L751 'GB/T 45201—2025' '30.00' '300,000' 承诺书 '</html>'; do
	grep -qF "$want" form.html || fail "the form lacks '$want'"
done
xmllint --html --noout form.html 2> lint && [ ! -s lint ] || { head -5 lint; fail "the form is not clean HTML"; }
[ -z "$(git -C r status --porcelain)" ] || fail "rendering the form changed the repository"

[ $status = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $status
