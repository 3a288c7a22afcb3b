#!/bin/sh
# draft-render.sh: 'stdtool draft render' through the real stylesheets.
#
# Renders the example GB/T draft at stages 30, 40 and 50, the ISO skeleton,
# and every NISO STS document of tests/data/sts (written as ISO and national
# bodies publish them, labels already present), and checks that each HTML
# file is well-formed HTML, self-contained, and says what the published
# document says: the cover, the 目次, computed numbers and cross references,
# the stage banner and patent call, and every title of the source.
# Exit 0 pass, 1 fail, 77 skip (xmllint missing), 99 setup failure.

srcdir=${STDTOOL_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
GIT=${GIT:-$(command -v git)}
STDTOOL=${STDTOOL:-$srcdir/build/src/stdtool}
. "$srcdir/tests/lib.sh"

command -v xmllint >/dev/null 2>&1 ||
	{ echo "SKIP: xmllint is not installed (apt-get install libxml2-utils)"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-render.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT INT TERM
test_setup_env "$work"
cd "$work" || exit 99

failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# has FILE TEXT...: each TEXT occurs in FILE.
has() {
	f=$1
	shift
	for t in "$@"; do
		checks=$((checks + 1))
		grep -qF -- "$t" "$f" || fail "$(basename "$f"): no '$t'"
	done
}

# lacks FILE TEXT...: no TEXT occurs in FILE.
lacks() {
	f=$1
	shift
	for t in "$@"; do
		checks=$((checks + 1))
		! grep -qF -- "$t" "$f" || fail "$(basename "$f"): '$t' should not be there"
	done
}

# html FILE: well-formed HTML that fetches nothing.  xmllint knows HTML 4
# only, so the MathML islands (valid HTML5) are left out of its reading.
html() {
	checks=$((checks + 1))
	perl -0pe 's{<math\b.*?</math>}{}gs' "$1" > lint.html
	if xmllint --html --noout lint.html > lint.txt 2>&1 && [ ! -s lint.txt ]; then :; else
		fail "$(basename "$1") is not clean HTML:"
		sed 's/^/  /' lint.txt | head -5
	fi
	checks=$((checks + 1))
	if grep -Eqi '<(link|script)[^>]+(href|src)=|@import|url\(["'\'']?(https?:|//)' "$1"; then
		fail "$(basename "$1") loads something from outside"
	fi
}

render() { # render OUT ARGS...
	out=$work/$1
	shift
	if ! stdtool "$@" -o "$out" 2> err.txt; then
		fail "render $*: $(cat err.txt)"
		return 1
	fi
	checks=$((checks + 1))
	[ -s err.txt ] && fail "render $* wrote to stderr: $(cat err.txt)"
	html "$out"
}

# --- the example GB/T draft, through its stages ---------------------------
stdtool init r > /dev/null || exit 99
stdtool -C r draft new gripper --profile gbt --title '服务机器人 末端执行器 通用技术条件' \
	--title-en 'Service robots — End effectors — General specification' \
	--number 'GB/T 45888—2026' --ics 25.040.30 --ccs J07 --committee 'SAC/TC 591' \
	--replaces 'GB/T 45888—2019' > /dev/null || exit 99
cp "$srcdir/examples/draft-gripper.xml" r/drafts/gripper/draft.xml
git -C r commit -q -am 'the first working draft' || exit 99

if render wd.html -C r draft render gripper; then
	has "$work/wd.html" '中华人民共和国国家标准' 'GB/T 45888—2026' '代替' 'GB/T 45888—2019' \
		'25.040.30' 'J07' '服务机器人 末端执行器 通用技术条件' \
		'Service robots — End effectors — General specification' \
		'国家市场监督管理总局' '国家标准化管理委员会' '前言' '引言' \
		'范围' '规范性引用文件' '术语和定义' '参考文献' '发布' '实施' \
		'表 1' '公式(1)' '图 1' '附录 A' '5.2' '第5章' '规范性' '资料性'
	# the contents, headed 目次 (often spaced out: 目　次)
	checks=$((checks + 1))
	grep -Eq '目(&#12288;|　|&nbsp;| )*次' "$work/wd.html" || fail "wd.html: no 目次"
	# no stage banner while the draft is being written
	lacks "$work/wd.html" '征求意见稿' '送审稿' '报批稿'
fi

stdtool -C r draft stage gripper 征求意见稿 > /dev/null || exit 99
if render cd.html -C r draft render gripper --stage-label; then
	has "$work/cd.html" '征求意见稿' '在提交反馈意见时' '30.00'
	lacks "$work/cd.html" '送审稿' '报批稿'
fi
stdtool -C r draft stage gripper 送审稿 > /dev/null || exit 99
if render dis.html -C r draft render gripper; then
	has "$work/dis.html" '送审稿' '在提交反馈意见时'
	lacks "$work/dis.html" '30.00' '40.00'
fi
# stage 50 needs an approved 送审稿 review (stdtool ballot)
printf 'member,category\n委员甲,member\n' > roster.csv
stdtool -C r ballot open gripper --type sac-review --closes 2999-12-31 --members ../roster.csv > /dev/null &&
	stdtool -C r ballot vote gripper --member 委员甲 --category member --vote yes > /dev/null &&
	stdtool -C r ballot close gripper > /dev/null || exit 99
stdtool -C r draft stage gripper 报批稿 > /dev/null || exit 99
if render fdis.html -C r draft render gripper; then
	has "$work/fdis.html" '报批稿'
	lacks "$work/fdis.html" '在提交反馈意见时' '征求意见稿'
fi

# the rendered copy is not the committed draft: rendering changes nothing
checks=$((checks + 1))
[ -z "$(git -C r status --porcelain)" ] || fail "render changed the repository"

# --- the ISO skeleton -------------------------------------------------------
stdtool -C r draft new wd-1 --profile iso --title 'Robotics — Grippers — Vocabulary' \
	--number 'ISO 8373:2026' > /dev/null || exit 99
if render iso.html -C r draft render wd-1; then
	has "$work/iso.html" 'Foreword' 'Scope' 'Normative references' 'Terms and definitions' \
		'Robotics' 'ISO 8373:2026' 'There are no normative references in this document.'
fi

# --- documents stdtool did not write ------------------------------------------
for f in "$srcdir"/tests/data/sts/*.xml; do
	name=$(basename "$f" .xml)
	render "$name.html" draft render "$f" || continue
	# every title and label of the source shows in the rendering
	xmllint --xpath '//*[local-name()="title" or local-name()="label"]' "$f" 2> /dev/null |
		sed -e 's/<[^>]*>/\n/g' | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' |
		grep -v '^$' | sort -u > titles.txt
	checks=$((checks + 1))
	[ -s titles.txt ] || fail "$name: found no titles in the source"
	while IFS= read -r t; do
		has "$work/$name.html" "$t"
	done < titles.txt
done

# --- bad input ----------------------------------------------------------------
printf '<standard><front>\n' > broken.xml
checks=$((checks + 1))
stdtool draft render broken.xml -o broken.html 2> err.txt
[ $? = 129 ] || fail "a broken draft did not give status 129"
[ ! -e broken.html ] || fail "a broken draft left an output file"

echo "draft-render: $checks checks, $failures failed"
[ "$failures" = 0 ]
