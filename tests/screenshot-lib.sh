# tests/screenshot-lib.sh: what the screenshot scripts share (headless
# Chromium, the HTML check, printing to PDF and taking pages from it).
# Sourced, not run; the scripts say how they are run.
#
# A script sources it, calls shot_need_chromium (and shot_need_xsltproc
# when it applies a stylesheet itself), then shot_work NAME for its
# temporary folder $work, removed on exit.

chromium=${CHROMIUM:-chromium}

# Skips (exit 77) without chromium.
shot_need_chromium() {
	command -v "$chromium" >/dev/null 2>&1 || {
		echo "$0: SKIP: chromium is not installed (apt-get install chromium fonts-noto-cjk)"
		exit 77
	}
}

# Skips (exit 77) without xsltproc.
shot_need_xsltproc() {
	command -v xsltproc >/dev/null 2>&1 || {
		echo "$0: SKIP: xsltproc is not installed (apt-get install xsltproc)"
		exit 77
	}
}

# shot_work NAME: a temporary folder, $work, removed on exit.
shot_work() {
	work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX") || exit 99
	trap 'rm -rf "$work"' EXIT INT TERM
}

# shot_lint HTML WHAT [AWK]: fails (exit 1) when 'xmllint --html' finds
# anything in HTML, made from WHAT.  Given AWK, a program that drops the
# findings that are fine, only what it prints counts (and xmllint's exit
# status does not).  Without xmllint, nothing is checked.
shot_lint() {
	command -v xmllint >/dev/null 2>&1 || return 0
	if [ -n "${3:-}" ]; then
		xmllint --html --noout "$1" > "$work/lint.all" 2>&1
		awk "$3" "$work/lint.all" > "$work/lint"
	elif ! xmllint --html --noout "$1" > "$work/lint" 2>&1; then
		[ -s "$work/lint" ] || echo "xmllint failed" > "$work/lint"
	fi
	if [ -s "$work/lint" ]; then
		cat "$work/lint" >&2
		echo "$0: xmllint does not accept the HTML made from $2" >&2
		exit 1
	fi
}

# run_chromium PAGE ARG...: headless Chromium on the file PAGE, with no
# network of its own and a profile in $work.
run_chromium() {
	page=$1
	shift
	"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$work/profile" "$@" "file://$page" \
		> "$work/chromium.log" 2>&1
}

# shot_screenshot PAGE PNG ARG...: a screenshot of PAGE; fails without one.
shot_screenshot() {
	page=$1 png=$2
	shift 2
	rm -f "$png"
	run_chromium "$page" "$@" --screenshot="$png"
	[ -s "$png" ] || { cat "$work/chromium.log" >&2; echo "$0: no screenshot" >&2; exit 1; }
}

# True when pages can be taken from a PDF (poppler-utils).
shot_have_poppler() {
	command -v pdftoppm >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1
}

# shot_print HTML PDF: prints HTML to PDF as on paper.
shot_print() {
	rm -f "$2"
	run_chromium "$1" --no-pdf-header-footer --print-to-pdf="$2"
	[ -s "$2" ] || { cat "$work/chromium.log" >&2; echo "$0: no PDF" >&2; exit 1; }
}

# shot_pages PDF: its number of pages.
shot_pages() {
	pdfinfo "$1" | sed -n 's/^Pages: *//p'
}

# shoot_page PDF N PREFIX: page N of PDF as PREFIX.png, at 150 dpi.
shoot_page() {
	pdftoppm -r 150 -png -singlefile -f "$2" -l "$2" "$1" "$3" ||
		{ echo "$0: pdftoppm failed on page $2" >&2; exit 1; }
	echo "$3.png (page $2 of $(shot_pages "$1"))"
}

# shot_pdf_line PDF: "PDF: N pages, SIZE".
shot_pdf_line() {
	echo "$1: $(shot_pages "$1") pages, $(pdfinfo "$1" | sed -n 's/^Page size: *//p')"
}
