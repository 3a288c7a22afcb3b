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
chromium=${CHROMIUM:-chromium}

if [ -n "$repo" ] && [ -z "${STDTOOL:-}" ]; then
	echo "$0: -C needs STDTOOL, the stdtool binary" >&2
	exit 2
fi
if [ -n "${STDTOOL:-}" ]; then
	[ -x "$STDTOOL" ] || { echo "$0: cannot run '$STDTOOL'" >&2; exit 2; }
	[ -n "$repo" ] || [ -r "$in" ] || { echo "$0: cannot read '$in'" >&2; exit 2; }
else
	[ -r "$in" ] || { echo "$0: cannot read '$in'" >&2; exit 2; }
	command -v xsltproc >/dev/null 2>&1 ||
		{ echo "$0: SKIP: xsltproc is not installed (apt-get install xsltproc)"; exit 77; }
fi
command -v "$chromium" >/dev/null 2>&1 ||
	{ echo "$0: SKIP: chromium is not installed (apt-get install chromium fonts-noto-cjk)"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/screenshot-draft.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT INT TERM
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

if command -v xmllint >/dev/null 2>&1; then
	xmllint --html --noout "$html" > "$work/lint" 2>&1
	# Each finding is three lines: message, context, caret.
	awk '
		skip > 0 { skip--; next }
		/HTML parser error : Tag (math|semantics|annotation|annotation-xml|mi|mn|mo|ms|mtext|mspace|mrow|mfrac|msqrt|mroot|mstyle|merror|mpadded|mphantom|mfenced|menclose|msub|msup|msubsup|munder|mover|munderover|mmultiscripts|mprescripts|none|mtable|mtr|mlabeledtr|mtd|maligngroup|malignmark|mstack|mlongdiv|msgroup|msrow|mscarries|mscarry|msline|maction) invalid/ { skip = 2; next }
		{ print }
	' "$work/lint" > "$work/lint.rest"
	if [ -s "$work/lint.rest" ]; then
		cat "$work/lint.rest" >&2
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

# A copy of the HTML with some CSS added at the end of its head.
with_css() {
	sed "s|</head>|<style>$2</style></head>|" "$html" > "$1"
}

rm -f "$out-cover.png" "$out-toc.png" "$out-clause.png"

if command -v pdftoppm >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
	pdf=$out.pdf
	rm -f "$pdf"
	run_chromium "$html" --no-pdf-header-footer --print-to-pdf="$pdf"
	[ -s "$pdf" ] || { cat "$work/chromium.log" >&2; echo "$0: no PDF" >&2; exit 1; }
	pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')

	with_css "$work/front.html" 'body>.page.main,body>.page.main~.page{display:none!important}'
	run_chromium "$work/front.html" --no-pdf-header-footer --print-to-pdf="$work/front.pdf"
	[ -s "$work/front.pdf" ] || { cat "$work/chromium.log" >&2; echo "$0: no PDF" >&2; exit 1; }
	front=$(pdfinfo "$work/front.pdf" | sed -n 's/^Pages: *//p')

	shoot_page() {
		pdftoppm -r 150 -png -singlefile -f "$1" -l "$1" "$pdf" "$2" ||
			{ echo "$0: pdftoppm failed on page $1" >&2; exit 1; }
		echo "$2.png (page $1 of $pages)"
	}
	shoot_page 1 "$out-cover"
	shoot_page 2 "$out-toc"
	shoot_page $((front + 1)) "$out-clause"
	echo "$pdf: $pages pages, $(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')"
else
	# One page shown at a time, at 150 dpi: 794x1123 CSS pixels scaled.
	for part in cover toc main; do
		with_css "$work/$part.html" "html{background:#fff}body{padding:0}.page{margin:0!important;box-shadow:none!important}body>.page:not(.$part){display:none!important}"
		case $part in main) name=clause ;; *) name=$part ;; esac
		run_chromium "$work/$part.html" --force-device-scale-factor=1.5617 \
			--window-size=794,1123 --screenshot="$out-$name.png"
		[ -s "$out-$name.png" ] || { cat "$work/chromium.log" >&2; echo "$0: no screenshot" >&2; exit 1; }
		echo "$out-$name.png"
	done
fi
exit 0
