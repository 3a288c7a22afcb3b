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
chromium=${CHROMIUM:-chromium}

if [ -n "$repo" ] && [ -z "${STDTOOL:-}" ]; then
	echo "$0: -C needs STDTOOL, the stdtool binary" >&2
	exit 2
fi
if [ -n "${STDTOOL:-}" ]; then
	[ -x "$STDTOOL" ] || { echo "$0: cannot run '$STDTOOL'" >&2; exit 2; }
else
	[ $# -eq 1 ] || usage
	[ -r "$1" ] || { echo "$0: cannot read '$1'" >&2; exit 2; }
	command -v xsltproc >/dev/null 2>&1 ||
		{ echo "$0: SKIP: xsltproc is not installed (apt-get install xsltproc)"; exit 77; }
fi
command -v "$chromium" >/dev/null 2>&1 ||
	{ echo "$0: SKIP: chromium is not installed (apt-get install chromium fonts-noto-cjk)"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/screenshot-diff.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT INT TERM
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

if command -v xmllint >/dev/null 2>&1; then
	if ! xmllint --html --noout "$html" > "$work/lint" 2>&1 || [ -s "$work/lint" ]; then
		cat "$work/lint" >&2
		echo "$0: xmllint does not accept the HTML" >&2
		exit 1
	fi
fi

run_chromium() {
	page=$1
	shift
	"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$work/profile" "$@" "file://$page" \
		> "$work/chromium.log" 2>&1
}

rm -f "$out-1.png" "$out-2.png"
if command -v pdftoppm >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
	pdf=$out.pdf
	rm -f "$pdf"
	run_chromium "$html" --no-pdf-header-footer --print-to-pdf="$pdf"
	[ -s "$pdf" ] || { cat "$work/chromium.log" >&2; echo "$0: no PDF" >&2; exit 1; }
	pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	for page in 1 2; do
		[ "$page" -le "$pages" ] || break
		pdftoppm -r 150 -png -singlefile -f "$page" -l "$page" "$pdf" "$out-$page" ||
			{ echo "$0: pdftoppm failed on page $page" >&2; exit 1; }
		echo "$out-$page.png (page $page of $pages)"
	done
	echo "$pdf: $pages pages, $(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')"
else
	run_chromium "$html" --window-size=1000,1400 --screenshot="$out-1.png"
	[ -s "$out-1.png" ] || { cat "$work/chromium.log" >&2; echo "$0: no screenshot" >&2; exit 1; }
	echo "$out-1.png"
fi
exit 0
