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
# shellcheck source=tests/screenshot-lib.sh
. "$here/screenshot-lib.sh"

shot_need_xsltproc
shot_need_chromium
shot_work claim-form
html=$work/form.html

xsltproc --nonet --nowrite --nomkdir "$sheet" "$in" > "$html" ||
	{ echo "$0: the stylesheet failed on '$in'" >&2; exit 1; }
shot_lint "$html" "'$in'"

shot_screenshot "$html" "$png" --window-size="${WINDOW_SIZE:-1240,1754}"
echo "$png"
if [ -n "$pdf" ]; then
	shot_print "$html" "$pdf"
	if command -v pdfinfo >/dev/null 2>&1; then
		shot_pdf_line "$pdf"
	else
		echo "$pdf"
	fi
fi
exit 0
