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
# shellcheck source=tests/screenshot-lib.sh
. "$here/screenshot-lib.sh"

if [ -n "$repo" ]; then
	[ -n "${STDTOOL:-}" ] || { echo "$0: -C needs STDTOOL, the stdtool binary" >&2; exit 2; }
	[ -x "$STDTOOL" ] || { echo "$0: cannot run '$STDTOOL'" >&2; exit 2; }
else
	[ -r "$in" ] || { echo "$0: cannot read '$in'" >&2; exit 2; }
	shot_need_xsltproc
fi
shot_need_chromium
shot_work screenshot-comments
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
shot_lint "$html" "'$in'"

rm -f "$out-page1.png" "$out-last.png"
if shot_have_poppler; then
	pdf=$out.pdf
	shot_print "$html" "$pdf"
	pages=$(shot_pages "$pdf")
	shoot_page "$pdf" 1 "$out-page1"
	[ "$pages" -gt 1 ] && shoot_page "$pdf" "$pages" "$out-last"
	shot_pdf_line "$pdf"
else
	shot_screenshot "$html" "$out-page1.png" --force-device-scale-factor=1.5617 \
		--window-size=1123,794
	echo "$out-page1.png"
fi
exit 0
