#!/bin/sh
# The profile schema schemas/sts-draft.rng against NISO STS 1.2: every
# draft in tests/data/drafts/valid is valid against both the profile and
# the official NISO STS 1.2 interchange schema (MathML 3); the profile
# rejects every draft in tests/data/drafts/invalid; every document in
# tests/data/sts (standards as ISO and national bodies publish them) is
# valid against the official schema; and, when $STDTOOL has "draft new",
# the skeletons it writes are valid against both.
#
# The official schema is test data that the project does not ship.  It is
# taken from $NISO_STS_DIR, else ../shared/niso-sts-1.2 beside the source
# tree, else ../shared/niso-sts-1.2 beside the repository this clone came
# from (remote.origin.url).  Without it the profile is still checked and
# the script exits 77 (skipped) when that passes.
#
# Run by hand: sh tests/sts-schema.sh, with STDTOOL=path/to/stdtool to
# check the skeletons too.

tests=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$tests")
profile=$top/schemas/sts-draft.rng
entry=NISO-STS-interchange-1-mathml3.rng
work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-sts.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
status=0
passed=0
failed=0
fail() { echo "FAIL: $*"; status=1; failed=$((failed + 1)); }
pass() { passed=$((passed + 1)); }
name() { echo "${1#"$top"/}"; }

command -v xmllint > /dev/null || { echo "FAIL: xmllint is missing (the README set-up installs it)"; exit 1; }
[ -f "$profile" ] || { echo "FAIL: no profile schema at $profile"; exit 1; }

# The folder of the official schema, or nothing.
official_dir() {
	if [ -n "${NISO_STS_DIR:-}" ]; then
		echo "$NISO_STS_DIR"
		return
	fi
	if [ -f "$top/../shared/niso-sts-1.2/$entry" ]; then
		echo "$top/../shared/niso-sts-1.2"
		return
	fi
	url=$("${GIT:-git}" -C "$top" config --get remote.origin.url 2> /dev/null) || return
	url=${url#file://}
	case $url in
	/*) ;;
	*://*|*:*) return ;;
	*) url=$top/$url ;;
	esac
	[ -f "$(dirname "$url")/shared/niso-sts-1.2/$entry" ] && echo "$(dirname "$url")/shared/niso-sts-1.2"
}
official=
dir=$(official_dir)
if [ -n "$dir" ]; then
	official=$dir/$entry
	[ -f "$official" ] || { echo "FAIL: $dir has no $entry (NISO_STS_DIR names the wrong folder?)"; exit 1; }
	echo "official schema: $official"
fi

# valid SCHEMA FILE [WHAT]: xmllint accepts FILE.
valid() {
	if xmllint --noout --nonet --relaxng "$1" "$2" > "$work/lint" 2>&1; then
		pass
	else
		grep -v ' fails to validate$' "$work/lint" | head -5
		fail "${3:-$(name "$2")} is not valid against $(basename "$1")"
	fi
}

# both FILE [WHAT]: valid against the profile, and against the official
# schema when there is one.
both() {
	valid "$profile" "$@"
	[ -z "$official" ] || valid "$official" "$@"
}

# rejected FILE: well-formed, and refused by the profile as invalid
# (xmllint status 3), not for a fault of the schema or of the parse.
rejected() {
	if ! xmllint --noout --nonet "$1" > "$work/lint" 2>&1; then
		head -3 "$work/lint"
		fail "$(name "$1") is not well-formed, so its rejection proves nothing"
		return
	fi
	xmllint --noout --nonet --relaxng "$profile" "$1" > "$work/lint" 2>&1
	case $? in
	3) pass ;;
	0) fail "$(name "$1") is accepted by sts-draft.rng" ;;
	*) head -5 "$work/lint"; fail "xmllint could not check $(name "$1") against sts-draft.rng" ;;
	esac
}

# each FOLDER MIN: the *.xml files of FOLDER, at least MIN of them.
each() {
	n=0
	for f in "$1"/*.xml; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		echo "$f"
	done
	[ $n -ge "$2" ] || echo "MISSING $n"
}

# 1. The valid drafts: the profile and the official schema accept them.
for f in $(each "$top/tests/data/drafts/valid" 4); do
	case $f in MISSING*) fail "tests/data/drafts/valid has too few drafts (${f#MISSING })"; continue ;; esac
	both "$f"
done

# 2. The invalid drafts: the profile refuses each.
for f in $(each "$top/tests/data/drafts/invalid" 4); do
	case $f in MISSING*) fail "tests/data/drafts/invalid has too few drafts (${f#MISSING })"; continue ;; esac
	rejected "$f"
done

# 3. Published standards: the official schema accepts them.
if [ -n "$official" ]; then
	for f in $(each "$top/tests/data/sts" 4); do
		case $f in MISSING*) fail "tests/data/sts has too few documents (${f#MISSING })"; continue ;; esac
		valid "$official" "$f"
	done
fi

# 4. The skeletons of "stdtool draft new", both profiles, bare and with
#    every metadata option.
if [ -z "${STDTOOL:-}" ]; then
	echo "SKIP: STDTOOL is not set, so the skeletons of 'stdtool draft new' are not checked"
elif ! "$STDTOOL" draft new --help > /dev/null 2>&1; then
	echo "SKIP: $STDTOOL has no 'draft new' yet, so its skeletons are not checked"
else
	: "${STDTOOL_DATADIR:=$top}"
	export STDTOOL_DATADIR
	. "$tests/lib.sh"
	test_setup_env "$work"
	if ! (cd "$work" && stdtool init r > /dev/null); then
		fail "stdtool init failed"
	else
		new() {
			id=$1
			shift
			if (cd "$work" && stdtool -C r draft new "$id" "$@" > out 2>&1); then
				both "$work/r/drafts/$id/draft.xml" "the skeleton of 'draft new $id $*'"
			else
				cat "$work/out"
				fail "stdtool draft new $id $* failed"
			fi
		}
		new gbt-x --profile gbt --title 测试标准
		new gbt-full --profile gbt --title '服务机器人 通用测试' --title-en 'Service robots—General tests' \
			--number 'GB/T 99999—2026' --ics 25.040.30 --ccs J07 --committee 'SAC/TC 591' \
			--replaces 'GB/T 99999—2019'
		new iso-x --profile iso --title 'Test standard'
		new iso-full --profile iso --title 'Robotics — General tests' --number 'ISO 99999:2026' \
			--ics 25.040.30 --committee 'ISO/TC 999' --replaces 'ISO 99999:2019'
	fi
fi

echo "$passed passed, $failed failed"
[ $status = 0 ] || exit 1
if [ -z "$official" ]; then
	echo "SKIP: the NISO STS 1.2 schema folder is absent (set NISO_STS_DIR)"
	exit 77
fi
exit 0
