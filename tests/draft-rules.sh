#!/bin/sh
# The drafting rules of "stdtool draft validate" (doc/drafts.md), proved by
# the corpus in tests/data/drafts/rules (see its README): every RULE.bad-N.xml
# gives exactly the findings (severity, rule, line) its "expect" comments
# list, every RULE.ok-N.xml and base file gives none; every rule of the table
# in doc/drafts.md has at least one bad and one ok file; --format xml and
# --ignore behave; entity attacks never leak /etc/passwd.
#
# Only severity, rule id and line are compared: messages are translated.
# Run by hand from the build folder: sh ../tests/draft-rules.sh, or set
# STDTOOL, STDTOOL_DATADIR and STDTOOL_SRCDIR.

: "${STDTOOL_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${STDTOOL:=$PWD/src/stdtool}"
: "${STDTOOL_DATADIR:=$STDTOOL_SRCDIR}"
export STDTOOL STDTOOL_SRCDIR STDTOOL_DATADIR
srcdir=$(cd "$(dirname "$0")" && pwd)
. "$srcdir/lib.sh"
[ -x "$STDTOOL" ] || { echo "FAIL: no program at $STDTOOL"; exit 99; }
work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-rules.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
corpus=$STDTOOL_SRCDIR/tests/data/drafts/rules
status=0
fail() { echo "FAIL: $*"; status=1; }

for tool in xmllint xsltproc; do
	command -v $tool > /dev/null || { echo "FAIL: $tool is missing (the README set-up installs it)"; exit 1; }
done
[ -d "$corpus" ] || { echo "FAIL: no corpus in $corpus"; exit 99; }
test_setup_env "$work"

# "severity rule line" for each <!-- expect: SEVERITY RULE LINE --> of a file.
expectations() {
	awk '/^<!-- expect: / {
		if ($3 !~ /^(error|warning)$/ || $4 !~ /^[A-Z][A-Z-]*$/ || $5 !~ /^[0-9]+$/ || $6 != "-->") {
			print "BAD " FILENAME ":" FNR; next
		}
		print $3, $4, $5
	}' "$1" | LC_ALL=C sort -u
}

# "severity rule line" for each finding printed as NAME:LINE: SEVERITY: [RULE] ...;
# any other line of output is kept as "BAD <line>" so that it shows up.
findings_text() {
	awk -v name="$2" '{
		if (index($0, name ":") == 1) {
			rest = substr($0, length(name) + 2)
			if (match(rest, /^[0-9]+: (error|warning): \[[A-Z][A-Z-]*\] /)) {
				line = rest; sub(/:.*/, "", line)
				sev = rest; sub(/^[0-9]+: /, "", sev); sub(/:.*/, "", sev)
				rule = rest; sub(/^[^[]*\[/, "", rule); sub(/\].*/, "", rule)
				print sev, rule, line
				next
			}
		}
		print "BAD " $0
	}' "$1" | LC_ALL=C sort -u
}

# The same from --format xml: any element named finding with line, severity
# and rule attributes.
cat > "$work/findings.xsl" <<'EOF'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:for-each select="//*[local-name() = 'finding']">
      <xsl:value-of select="concat(@severity, ' ', @rule, ' ', @line, '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
EOF

# 1. Every rule of the table in doc/drafts.md has a bad file and an ok file.
sed -n '/^## Drafting rules/,/^## [^D]/p' "$STDTOOL_SRCDIR/doc/drafts.md" |
	awk -F'|' '/^\| *`[A-Z][A-Z-]*` *\|/ { id = $2; gsub(/[ `]/, "", id); print id }' > "$work/rules"
[ -s "$work/rules" ] || fail "no rule ids found in the table of doc/drafts.md"
while read -r rule; do
	set -- "$corpus/$rule".bad-*.xml; [ -f "$1" ] || fail "rule $rule has no $rule.bad-N.xml"
	set -- "$corpus/$rule".ok-*.xml; [ -f "$1" ] || fail "rule $rule has no $rule.ok-N.xml"
done < "$work/rules"
for f in "$corpus"/*.xml; do
	name=$(basename "$f" .xml)
	case $name in
	base-gbt|base-iso) continue ;;
	*.bad-[0-9]*|*.ok-[0-9]*) grep -qx "${name%%.*}" "$work/rules" || fail "$name.xml: no rule ${name%%.*} in doc/drafts.md" ;;
	*) fail "$name.xml: not named RULE.bad-N.xml or RULE.ok-N.xml" ;;
	esac
done

# 2. Each file gives exactly the findings it expects, and the exit status
#    that goes with them.
cd "$corpus" || exit 99
nfiles=0 nfindings=0
for f in *.xml; do
	name=$(basename "$f" .xml)
	expectations "$f" > "$work/want"
	grep -q '^BAD' "$work/want" && { fail "$f: malformed expect line"; continue; }
	case $name in
	*.bad-*) [ -s "$work/want" ] || { fail "$f: a bad file without expect lines"; continue; } ;;
	*) [ -s "$work/want" ] && { fail "$f: an ok or base file with expect lines"; continue; } ;;
	esac
	stdtool draft validate "$f" > "$work/out" 2> "$work/err"
	rc=$?
	nfiles=$((nfiles + 1))
	if grep -q 'root:' "$work/out" "$work/err"; then
		fail "$f: the output holds what looks like /etc/passwd"
	fi
	findings_text "$work/out" "$f" > "$work/got"
	if ! cmp -s "$work/want" "$work/got"; then
		fail "$f: findings differ (- expected, + reported):"
		diff "$work/want" "$work/got" | sed -n 's/^</  -/p; s/^>/  +/p'
		[ -s "$work/err" ] && sed 's/^/  stderr: /' "$work/err" | head -5
		continue
	fi
	nfindings=$((nfindings + $(wc -l < "$work/want")))
	want_rc=0
	grep -q '^error ' "$work/want" && want_rc=1
	[ $rc = $want_rc ] || fail "$f: exit status $rc, expected $want_rc"
	[ -s "$work/err" ] && { sed 's/^/  stderr: /' "$work/err" | head -5; fail "$f: wrote to stderr"; }
done

# 3. --format xml: well-formed, the same findings as the text.
for f in VERBAL-FORM.bad-1.xml MUST.bad-3.xml XML.bad-1.xml; do
	stdtool draft validate --format xml "$f" > "$work/out.xml" 2> "$work/err"
	rc=$?
	xmllint --noout --nonet "$work/out.xml" 2> "$work/lint" ||
		{ head -3 "$work/lint"; fail "$f: --format xml is not well-formed"; continue; }
	xsltproc --nonet "$work/findings.xsl" "$work/out.xml" | LC_ALL=C sort -u > "$work/got"
	expectations "$f" > "$work/want"
	cmp -s "$work/want" "$work/got" ||
		{ diff "$work/want" "$work/got" | sed -n 's/^</  -/p; s/^>/  +/p'; fail "$f: --format xml differs from the expectations"; }
	want_rc=0
	grep -q '^error ' "$work/want" && want_rc=1
	[ $rc = $want_rc ] || fail "$f: --format xml exit status $rc, expected $want_rc"
done

# 4. --ignore RULE silences that rule, and only that rule.
check_ignore() { # FILE IGNORE-ARGS... : no finding left of the ignored rules
	f=$1; shift
	stdtool draft validate "$@" "$f" > "$work/out" 2> "$work/err"
	rc=$?
	findings_text "$work/out" "$f" > "$work/got"
	[ -s "$work/got" ] && { sed 's/^/  /' "$work/out"; fail "$f $*: findings left"; }
	[ $rc = 0 ] || fail "$f $*: exit status $rc, expected 0"
}
check_ignore VERBAL-FORM.bad-1.xml --ignore VERBAL-FORM
check_ignore TERM-UNUSED.bad-1.xml --ignore=TERM-UNUSED
check_ignore NUMBER-DASH.bad-4.xml --ignore LABEL --ignore NUMBER-DASH
# A file where two rules fire: ignoring one keeps the other.
sed -e 's|<p>本文件由全国示例标准化技术委员会（SAC/TC 999）提出并归口。</p>|<p>使用本文件时应同时考虑门体的强度，试验必须按GB/T 2423.1-2008进行。</p>|' \
	base-gbt.xml > "$work/two-rules.xml"
for pair in "VERBAL-FORM MUST,NUMBER-DASH" "MUST VERBAL-FORM,NUMBER-DASH" "NUMBER-DASH VERBAL-FORM,MUST"; do
	keep=${pair% *} ignore=${pair#* }
	stdtool draft validate --ignore "$ignore" "$work/two-rules.xml" > "$work/out" 2> "$work/err"
	rc=$?
	findings_text "$work/out" "$work/two-rules.xml" > "$work/got"
	[ "$(cat "$work/got")" = "error $keep 22" ] || { sed 's/^/  /' "$work/out"; fail "--ignore $ignore: expected only $keep on line 22"; }
	[ $rc = 1 ] || fail "--ignore $ignore: exit status $rc, expected 1"
done
stdtool draft validate --ignore NO-SUCH-RULE base-gbt.xml > "$work/out" 2> "$work/err"
rc=$?
[ $rc = 129 ] || fail "--ignore NO-SUCH-RULE: exit status $rc, expected 129 (usage error)"

# 5. The findings do not depend on the language of the messages.
if [ -n "$STDTOOL_LOCALEDIR" ] && [ -d "$STDTOOL_LOCALEDIR/zh_CN" ] &&
	locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
	for f in VERBAL-FORM.bad-2.xml FIXED-SENTENCE.bad-1.xml LABEL.bad-1.xml; do
		LANGUAGE=zh_CN LANG=zh_CN.UTF-8 stdtool draft validate "$f" > "$work/out" 2> "$work/err"
		findings_text "$work/out" "$f" > "$work/got"
		expectations "$f" > "$work/want"
		cmp -s "$work/want" "$work/got" || fail "$f: in Chinese the findings differ"
	done
fi

echo "draft-rules: $nfiles files, $nfindings findings checked"
exit $status
