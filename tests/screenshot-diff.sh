#!/bin/sh
# Renders a redline (stdtool draft diff --format html) and takes pictures
# of its first two A4 pages.
#
#   STDTOOL=build/src/stdtool tests/screenshot-diff.sh [-C REPO] OUT-PREFIX OPERAND...
#   tests/screenshot-diff.sh OUT-PREFIX DIFF.xml
#
# With STDTOOL, 'stdtool [-C REPO] draft diff OPERAND... --format html'
# makes the page: OPERAND... is FROM.xml TO.xml, or a draft id and up to
# two versions (stages, tags, revisions) when -C names a repository.
# Without STDTOOL, templates/draft-diff.xsl is applied with xsltproc (no
# network, no writes) to DIFF.xml, a <draft-diff> document as 'stdtool
# draft diff --format xml' writes it.
#
# Writes OUT-PREFIX-1.png and OUT-PREFIX-2.png (when there is a second
# page), each 1240x1754 (A4 at 150 dpi), and OUT-PREFIX.pdf, printed by
# headless Chromium as on paper.  Without poppler-utils (pdftoppm,
# pdfinfo) it writes OUT-PREFIX-1.png only, a screenshot of the page as a
# browser shows it.
#
# The HTML is checked with 'xmllint --html' first: any error fails.
#
# Exits 77 (skipped) when chromium (or xsltproc, without STDTOOL) is
# missing: 'apt-get install -y xsltproc libxml2-utils chromium
# fonts-noto-cjk poppler-utils'.

usage() {
	echo "usage: STDTOOL=stdtool $0 [-C REPO] OUT-PREFIX OPERAND..." >&2
	echo "       $0 OUT-PREFIX DIFF.xml" >&2
	exit 2
}

repo=""
while getopts C: opt; do
	case $opt in
	C) repo=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || usage
out=$1
shift

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/screenshot-lib.sh
. "$here/screenshot-lib.sh"

if [ -n "$repo" ] && [ -z "${STDTOOL:-}" ]; then
	echo "$0: -C needs STDTOOL, the stdtool binary" >&2
	exit 2
fi
if [ -n "${STDTOOL:-}" ]; then
	[ -x "$STDTOOL" ] || { echo "$0: cannot run '$STDTOOL'" >&2; exit 2; }
else
	[ $# -eq 1 ] || usage
	[ -r "$1" ] || { echo "$0: cannot read '$1'" >&2; exit 2; }
	shot_need_xsltproc
fi
shot_need_chromium
shot_work screenshot-diff
html=$work/diff.html

if [ -n "${STDTOOL:-}" ]; then
	"$STDTOOL" ${repo:+-C "$repo"} draft diff "$@" --format html -o "$html"
	rc=$?
	# 0: no differences, 1: differences; anything else is a failure.
	[ $rc -le 1 ] || { echo "$0: stdtool draft diff failed ($rc)" >&2; exit 1; }
else
	xsltproc --nonet --nowrite --nomkdir "$here/../templates/draft-diff.xsl" "$1" > "$html" ||
		{ echo "$0: the stylesheet failed on '$1'" >&2; exit 1; }
fi
shot_lint "$html" "the comparison"

rm -f "$out-1.png" "$out-2.png"
if shot_have_poppler; then
	pdf=$out.pdf
	shot_print "$html" "$pdf"
	pages=$(shot_pages "$pdf")
	for page in 1 2; do
		[ "$page" -le "$pages" ] || break
		shoot_page "$pdf" "$page" "$out-$page"
	done
	shot_pdf_line "$pdf"
else
	shot_screenshot "$html" "$out-1.png" --window-size=1000,1400
	echo "$out-1.png"
fi
exit 0
