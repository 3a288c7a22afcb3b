#!/bin/sh
# Renders the grant application form of a claim and takes a screenshot.
#
#   tests/screenshot-claim-form.sh CLAIM.xml OUT.png [OUT.pdf]
#
# Applies templates/claim-form.xsl with xsltproc (no network, no writes),
# checks the HTML with xmllint, then has headless Chromium take a screenshot
# of the first 1240x1754 pixels (A4 at 150 dpi; WINDOW_SIZE=W,H for more)
# and, given OUT.pdf, print the form as on paper (and count its pages when
# pdfinfo is there).  Exits 77 (skipped) when xsltproc or chromium is
# missing: 'apt-get install -y xsltproc libxml2-utils chromium
# fonts-noto-cjk poppler-utils'.

usage() { echo "usage: $0 CLAIM.xml OUT.png [OUT.pdf]" >&2; exit 2; }
[ $# -eq 2 ] || [ $# -eq 3 ] || usage
in=$1 png=$2 pdf=${3:-}
[ -r "$in" ] || { echo "$0: cannot read '$in'" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
sheet=${CLAIM_FORM_XSL:-$here/../templates/claim-form.xsl}
chromium=${CHROMIUM:-chromium}

command -v xsltproc >/dev/null 2>&1 ||
	{ echo "$0: SKIP: xsltproc is not installed (apt-get install xsltproc)"; exit 77; }
command -v "$chromium" >/dev/null 2>&1 ||
	{ echo "$0: SKIP: chromium is not installed (apt-get install chromium fonts-noto-cjk)"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/claim-form.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT INT TERM
html=$work/form.html

xsltproc --nonet --nowrite --nomkdir "$sheet" "$in" > "$html" ||
	{ echo "$0: the stylesheet failed on '$in'" >&2; exit 1; }
if command -v xmllint >/dev/null 2>&1; then
	xmllint --html --noout "$html" > "$work/lint" 2>&1
	if [ -s "$work/lint" ]; then
		cat "$work/lint" >&2
		echo "$0: xmllint does not accept the HTML made from '$in'" >&2
		exit 1
	fi
fi

run_chromium() {
	"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$work/profile" "$@" "file://$html" > "$work/chromium.log" 2>&1
}

rm -f "$png"
run_chromium --window-size="${WINDOW_SIZE:-1240,1754}" --screenshot="$png"
[ -s "$png" ] || { cat "$work/chromium.log" >&2; echo "$0: no screenshot" >&2; exit 1; }
echo "$png"

if [ -n "$pdf" ]; then
	rm -f "$pdf"
	run_chromium --no-pdf-header-footer --print-to-pdf="$pdf"
	[ -s "$pdf" ] || { cat "$work/chromium.log" >&2; echo "$0: no PDF" >&2; exit 1; }
	if command -v pdfinfo >/dev/null 2>&1; then
		echo "$pdf: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages, $(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')"
	else
		echo "$pdf"
	fi
fi
exit 0
