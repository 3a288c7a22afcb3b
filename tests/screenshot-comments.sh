#!/bin/sh
# Renders a comment form to HTML and takes pictures of its first and last
# printed pages (A4 landscape), to look at by eye.
#
#   tests/screenshot-comments.sh [-s gbt|iso] FORM.xml OUT-PREFIX
#   STDTOOL=build/src/stdtool tests/screenshot-comments.sh -C REPO DRAFT-ID OUT-PREFIX
#
# Without STDTOOL, templates/comments-gbt.xsl or comments-iso.xsl is applied
# with xsltproc (no network, no writes) to FORM.xml, the XML that
# 'stdtool comments table --format xml' writes (tests/data/comments/form-*.xml
# are samples); the stylesheet is -s, else the form's profile attribute.
# With STDTOOL, 'stdtool comments table' makes the HTML of the draft
# DRAFT-ID of repository REPO.
#
# Writes OUT-PREFIX-page1.png and, when the form has more than one page,
# OUT-PREFIX-last.png, each 1754x1240 (A4 landscape at 150 dpi), and
# OUT-PREFIX.pdf.  With poppler-utils (pdftoppm, pdfinfo) the HTML is
# printed to PDF by headless Chromium, exactly as on paper, and the pages
# are taken from it; without, OUT-PREFIX-page1.png is a screenshot of the
# page as a browser shows it (no PDF then).
#
# The HTML is checked with 'xmllint --html': any error fails.
#
# Exits 77 (skipped) when xsltproc or chromium is missing: 'apt-get install
# -y xsltproc libxml2-utils chromium fonts-noto-cjk poppler-utils'.

usage() {
	echo "usage: $0 [-s gbt|iso] FORM.xml OUT-PREFIX" >&2
	echo "       STDTOOL=stdtool $0 -C REPO DRAFT-ID OUT-PREFIX" >&2
	exit 2
}

sheet_name="" repo=""
while getopts s:C: opt; do
	case $opt in
	s) sheet_name=$OPTARG ;;
	C) repo=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
in=$1 out=$2
case $sheet_name in ''|gbt|iso) ;; *) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-chromium}

if [ -n "$repo" ]; then
	[ -n "${STDTOOL:-}" ] || { echo "$0: -C needs STDTOOL, the stdtool binary" >&2; exit 2; }
	[ -x "$STDTOOL" ] || { echo "$0: cannot run '$STDTOOL'" >&2; exit 2; }
else
	[ -r "$in" ] || { echo "$0: cannot read '$in'" >&2; exit 2; }
	command -v xsltproc >/dev/null 2>&1 ||
		{ echo "$0: SKIP: xsltproc is not installed (apt-get install xsltproc)"; exit 77; }
fi
command -v "$chromium" >/dev/null 2>&1 ||
	{ echo "$0: SKIP: chromium is not installed (apt-get install chromium fonts-noto-cjk)"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/screenshot-comments.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT INT TERM
html=$work/form.html

if [ -n "$repo" ]; then
	"$STDTOOL" -C "$repo" comments table "$in" --format html > "$html" ||
		{ echo "$0: stdtool comments table failed on '$in'" >&2; exit 1; }
else
	if [ -z "$sheet_name" ] && command -v xmllint >/dev/null 2>&1; then
		sheet_name=$(xmllint --nonet --xpath 'string(/comment-form/@profile)' "$in" 2>/dev/null)
	fi
	sheet=$here/../templates/comments-${sheet_name:-gbt}.xsl
	xsltproc --nonet --nowrite --nomkdir "$sheet" "$in" > "$html" ||
		{ echo "$0: the stylesheet failed on '$in'" >&2; exit 1; }
fi

if command -v xmllint >/dev/null 2>&1; then
	if ! xmllint --html --noout "$html" > "$work/lint" 2>&1 || [ -s "$work/lint" ]; then
		cat "$work/lint" >&2
		echo "$0: xmllint does not accept the HTML made from '$in'" >&2
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

rm -f "$out-page1.png" "$out-last.png"

if command -v pdftoppm >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
	pdf=$out.pdf
	rm -f "$pdf"
	run_chromium "$html" --no-pdf-header-footer --print-to-pdf="$pdf"
	[ -s "$pdf" ] || { cat "$work/chromium.log" >&2; echo "$0: no PDF" >&2; exit 1; }
	pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
	shoot_page() {
		pdftoppm -r 150 -png -singlefile -f "$1" -l "$1" "$pdf" "$2" ||
			{ echo "$0: pdftoppm failed on page $1" >&2; exit 1; }
		echo "$2.png (page $1 of $pages)"
	}
	shoot_page 1 "$out-page1"
	[ "$pages" -gt 1 ] && shoot_page "$pages" "$out-last"
	echo "$pdf: $pages pages, $(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')"
else
	run_chromium "$html" --force-device-scale-factor=1.5617 \
		--window-size=1123,794 --screenshot="$out-page1.png"
	[ -s "$out-page1.png" ] || { cat "$work/chromium.log" >&2; echo "$0: no screenshot" >&2; exit 1; }
	echo "$out-page1.png"
fi
exit 0
