#!/bin/sh
# The Chinese catalogue is complete and current, every file that marks
# messages is listed for extraction, and the program speaks Chinese.

: "${STDTOOL_SRCDIR:?run through make check}"
srcdir=$(cd "$(dirname "$0")" && pwd)
. "$srcdir/lib.sh"
cd "$STDTOOL_SRCDIR" || exit 99
work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-po.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# 1. Every source file that marks messages is in POTFILES.in.
for f in $(grep -l -E '\b(N?_|Q_)\(' src/*.c src/*/*.c 2>/dev/null); do
	grep -qx "$f" po/POTFILES.in || fail "$f marks messages but is not in po/POTFILES.in"
done

# 2. Every message in the sources has a real translation.
"${XGETTEXT:-xgettext}" --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
	--keyword=Q_:1,2 --keyword=C_:1c,2 --keyword=NC_:1c,2 --files-from=po/POTFILES.in -o "$work/current.pot" || exit 99
for lang in $(cat po/LINGUAS); do
	msgcmp "po/$lang.po" "$work/current.pot" > "$work/cmp.log" 2>&1 ||
		{ head -20 "$work/cmp.log"; fail "po/$lang.po lacks translations of current messages"; }
	stats=$(LC_ALL=C "${MSGFMT:-msgfmt}" --check --statistics -o /dev/null "po/$lang.po" 2>&1) ||
		fail "po/$lang.po does not compile: $stats"
	case $stats in
	*untranslated*|*fuzzy*) fail "po/$lang.po is incomplete: $stats" ;;
	esac
	echo "po/$lang.po: $stats"
done

# 3. With a Chinese locale, help and errors are in Chinese; XML is not.
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
	fail "the zh_CN.UTF-8 locale is not installed (the README set-up installs it)"
else
	test_setup_env "$work"
	cd "$work" || exit 99
	out=$(LANGUAGE=zh_CN LANG=zh_CN.UTF-8 stdtool --help)
	echo "$out" | grep -q '用法' || fail "stdtool --help is not in Chinese: $(echo "$out" | head -1)"
	err=$(LANGUAGE=zh_CN LANG=zh_CN.UTF-8 stdtool -C "$work" org list 2>&1)
	echo "$err" | grep -q '仓库' || fail "the error is not in Chinese: $err"
	stdtool init r > /dev/null
	err=$(LANGUAGE=zh_CN LANG=zh_CN.UTF-8 stdtool -C r org add --uscc 91440300MA5GD0001X --name 甲 --kind enterprise 2>&1)
	echo "$err" | grep -q '校验' || fail "the USCC error is not in Chinese: $err"
	LANGUAGE=zh_CN LANG=zh_CN.UTF-8 stdtool -C r org add --uscc 91440300MA5GD0001H --name 甲 --kind enterprise > /dev/null
	xml=$(LANGUAGE=zh_CN LANG=zh_CN.UTF-8 stdtool -C r org list --format xml)
	echo "$xml" | grep -q '<organisation uscc="91440300MA5GD0001H" kind="enterprise">' ||
		fail "machine-readable output changed under a Chinese locale: $xml"
	[ "$(git -C r log -1 --format=%s)" = "org: add 91440300MA5GD0001H 甲" ] ||
		fail "the commit message changed under a Chinese locale"
fi
[ $status = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $status
