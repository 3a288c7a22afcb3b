#!/bin/sh
# Renders a draft to HTML and takes pictures of three of its pages: the
# cover, the table of contents and the first page of the body (clause 1).
#
#   tests/screenshot-draft.sh [-s gbt|iso] DRAFT.xml OUT-PREFIX
#   STDTOOL=build/src/stdtool tests/screenshot-draft.sh DRAFT.xml OUT-PREFIX
#   STDTOOL=build/src/stdtool tests/screenshot-draft.sh -C REPO DRAFT-ID OUT-PREFIX
#
# Without STDTOOL, templates/draft-gbt.xsl or draft-iso.xsl is applied with
# xsltproc (no network, no writes) to a draft that is already labelled
# (doc/drafts.md: labels, filled xrefs, st-* attributes), such as those in
# tests/data/render; the stylesheet is -s, else the root's st-profile,
# else xml:lang (zh: gbt).  With STDTOOL, 'stdtool draft render' makes the
# HTML from the file, or from the draft DRAFT-ID of repository REPO (-C),
# labelling it first; options for it go in STDTOOL_RENDER_ARGS (for
# example --stage-label, or --stage 30.20 for a file).
#
# Writes OUT-PREFIX-cover.png, OUT-PREFIX-toc.png, OUT-PREFIX-clause.png,
# each 1240x1754 (A4 at 150 dpi), and OUT-PREFIX.pdf.
#
# How the pages are found: with poppler-utils (pdftoppm, pdfinfo) the HTML
# is printed to PDF by headless Chromium, exactly as on paper; the cover is
# page 1, the contents page 2, and the body starts after as many pages as a
# second print of the same HTML with the body, annexes and bibliography
# hidden has.  Without poppler-utils each picture is a screenshot of a copy
# of the HTML in which every page but one is hidden (no PDF then).
#
# The HTML is checked with 'xmllint --html': any error fails, except the
# "Tag ... invalid" of MathML elements, which libxml2's HTML 4 parser does
# not know (HTML5 and Chromium do).
#
# Exits 77 (skipped) when xsltproc or chromium is missing: 'apt-get install
# -y xsltproc libxml2-utils chromium fonts-noto-cjk poppler-utils'.

usage() {
	echo "usage: $0 [-s gbt|iso] DRAFT.xml OUT-PREFIX" >&2
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

if [ -n "$repo" ] && [ -z "${STDTOOL:-}" ]; then
	echo "$0: -C needs STDTOOL, the stdtool binary" >&2
	exit 2
fi
if [ -n "${STDTOOL:-}" ]; then
	[ -x "$STDTOOL" ] || { echo "$0: cannot run '$STDTOOL'" >&2; exit 2; }
	[ -n "$repo" ] || [ -r "$in" ] || { echo "$0: cannot read '$in'" >&2; exit 2; }
else
	[ -r "$in" ] || { echo "$0: cannot read '$in'" >&2; exit 2; }
	shot_need_xsltproc
fi
shot_need_chromium
shot_work screenshot-draft
html=$work/draft.html

if [ -n "${STDTOOL:-}" ]; then
	# shellcheck disable=SC2086
	"$STDTOOL" ${repo:+-C "$repo"} draft render "$in" ${STDTOOL_RENDER_ARGS:-} -o "$html" ||
		{ echo "$0: stdtool draft render failed on '$in'" >&2; exit 1; }
else
	if [ -z "$sheet_name" ] && command -v xmllint >/dev/null 2>&1; then
		sheet_name=$(xmllint --nonet --xpath 'string(/*/@st-profile)' "$in" 2>/dev/null)
		if [ -z "$sheet_name" ]; then
			case $(xmllint --nonet --xpath 'string(/*/@*[local-name()="lang"])' "$in" 2>/dev/null) in
			zh*) sheet_name=gbt ;;
			*) sheet_name=iso ;;
			esac
		fi
	fi
	sheet=$here/../templates/draft-${sheet_name:-gbt}.xsl
	xsltproc --nonet --nowrite --nomkdir "$sheet" "$in" > "$html" ||
		{ echo "$0: the stylesheet failed on '$in'" >&2; exit 1; }
fi
# Each finding is three lines: message, context, caret; MathML's are fine.
shot_lint "$html" "'$in'" '
	skip > 0 { skip--; next }
	/HTML parser error : Tag (math|semantics|annotation|annotation-xml|mi|mn|mo|ms|mtext|mspace|mrow|mfrac|msqrt|mroot|mstyle|merror|mpadded|mphantom|mfenced|menclose|msub|msup|msubsup|munder|mover|munderover|mmultiscripts|mprescripts|none|mtable|mtr|mlabeledtr|mtd|maligngroup|malignmark|mstack|mlongdiv|msgroup|msrow|mscarries|mscarry|msline|maction) invalid/ { skip = 2; next }
	{ print }
'

# A copy of the HTML with some CSS added at the end of its head.
with_css() {
	sed "s|</head>|<style>$2</style></head>|" "$html" > "$1"
}

rm -f "$out-cover.png" "$out-toc.png" "$out-clause.png"

if shot_have_poppler; then
	pdf=$out.pdf
	shot_print "$html" "$pdf"
	with_css "$work/front.html" 'body>.page.main,body>.page.main~.page{display:none!important}'
	shot_print "$work/front.html" "$work/front.pdf"
	front=$(shot_pages "$work/front.pdf")
	shoot_page "$pdf" 1 "$out-cover"
	shoot_page "$pdf" 2 "$out-toc"
	shoot_page "$pdf" $((front + 1)) "$out-clause"
	shot_pdf_line "$pdf"
else
	# One page shown at a time, at 150 dpi: 794x1123 CSS pixels scaled.
	for part in cover toc main; do
		with_css "$work/$part.html" "html{background:#fff}body{padding:0}.page{margin:0!important;box-shadow:none!important}body>.page:not(.$part){display:none!important}"
		case $part in main) name=clause ;; *) name=$part ;; esac
		shot_screenshot "$work/$part.html" "$out-$name.png" --force-device-scale-factor=1.5617 \
			--window-size=794,1123
		echo "$out-$name.png"
	done
fi
exit 0
