#!/bin/sh
# bench/diff.sh: "stdtool draft diff FILE FILE" on two versions of a 5 MB
# GB/T draft, side by side with "diff -u" of the same two files.
#
#   bench/diff.sh [STDTOOL]
#
# STDTOOL (the argument, else the environment variable) defaults to
# build/src/stdtool at the top of the source tree.  stdtool reads its
# stylesheet from this source tree (STDTOOL_DATADIR).
#
# What it does:
#   1. generates the draft with bench/gen-draft.awk (SIZE megabytes,
#      default 5) and a second version with bench/edit-draft.awk (EDITS
#      scattered edits, default 300: changed text, inserted and deleted
#      clauses, one moved clause);
#   2. runs stdtool once and shows its summary line (the changes it found)
#      and the size of diff -u's output;
#   3. times, in the same hyperfine run (--warmup WARMUP, --runs RUNS,
#      defaults 2 and 10; both commands exit 1 because the files differ):
#        stdtool draft diff OLD NEW             (text, to /dev/null)
#        stdtool draft diff OLD NEW --format html -o OUT.html
#        diff -u OLD NEW                        (to /dev/null)
#      without hyperfine, the median of RUNS /usr/bin/time runs;
#   4. reads each command's peak RSS from /usr/bin/time -v;
# then prints the medians, stdtool/diff -u, the peak RSS, and the target
# (a 5 MB draft compared in under 2 s on 2 cores) as PASS or MISS.
#
# diff -u compares lines and knows nothing of clauses, numbers or words:
# it is the floor, not a rival.  Never part of 'make check'.
#
# Environment: SIZE, EDITS, RUNS, WARMUP, HYPERFINE=0 (time with
# /usr/bin/time instead), KEEP=1 (keep the temporary folder).
# Needs awk, diff, /usr/bin/time (Debian package "time"), hyperfine
# (package "hyperfine") when installed.  No python.

set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
stdtool=${1:-${STDTOOL:-$top/build/src/stdtool}}
size=${SIZE:-5}
edits=${EDITS:-300}
runs=${RUNS:-10}
warmup=${WARMUP:-2}

die() {
	echo "diff.sh: $*" >&2
	exit 1
}

case $stdtool in
/*) ;;
*) stdtool=$(pwd)/$stdtool ;;
esac
[ -x "$stdtool" ] || die "no stdtool at '$stdtool' (build it first, or give its path)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: install Debian's 'time' package"
case $size$edits$runs$warmup in
*[!0-9.]*) die "SIZE, EDITS, RUNS and WARMUP are numbers" ;;
esac
if [ "${HYPERFINE:-1}" = 1 ] && command -v hyperfine >/dev/null 2>&1; then
	timer=hyperfine
else
	[ "${HYPERFINE:-1}" = 0 ] ||
		echo "diff.sh: hyperfine is not installed (Debian package 'hyperfine'): timing with /usr/bin/time" >&2
	timer=/usr/bin/time
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/diff-bench.XXXXXX")
cleanup() {
	if [ "${KEEP:-0}" = 1 ]; then echo "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

STDTOOL_DATADIR=$top
LANG=C.UTF-8
export STDTOOL_DATADIR LANG
unset LC_ALL LC_MESSAGES LANGUAGE NO_COLOR 2>/dev/null || true

old=$work/old.xml
new=$work/new.xml
html=$work/redline.html
LC_ALL=C awk -v mb="$size" -f "$here/gen-draft.awk" >"$old" || die "gen-draft.awk failed"
LC_ALL=C awk -v edits="$edits" -f "$here/edit-draft.awk" "$old" "$old" >"$new" || die "edit-draft.awk failed"

echo "diff benchmark: stdtool $stdtool; $(nproc 2>/dev/null || echo '?') CPUs; timing by $timer (warmup $warmup, $runs runs)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "old: $(wc -c <"$old" | tr -d ' ') bytes; new: $(wc -c <"$new" | tr -d ' ') bytes ($edits edits asked)"

status=0
"$stdtool" draft diff "$old" "$new" >"$work/out.txt" 2>"$work/err.txt" || status=$?
[ "$status" = 1 ] || { cat "$work/err.txt" >&2; die "stdtool draft diff exited $status, not 1"; }
echo "stdtool: $(head -1 "$work/out.txt" | sed 's/^.*: \([0-9]* change\)/\1/'); $(wc -l <"$work/out.txt" | tr -d ' ') lines of text"
status=0
diff -u "$old" "$new" >"$work/out.diff" || status=$?
[ "$status" = 1 ] || die "diff -u exited $status, not 1"
echo "diff -u: $(grep -c '^@@' "$work/out.diff") hunks, $(wc -l <"$work/out.diff" | tr -d ' ') lines"
echo

c1="'$stdtool' draft diff '$old' '$new'"
c2="'$stdtool' draft diff '$old' '$new' --format html -o '$html'"
c3="diff -u '$old' '$new'"

median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

if [ "$timer" = hyperfine ]; then
	hyperfine --style basic -i --warmup "$warmup" --runs "$runs" --export-json "$work/hf.json" \
		--command-name "stdtool draft diff" "$c1" \
		--command-name "stdtool draft diff --format html" "$c2" \
		--command-name "diff -u" "$c3" >"$work/hf.txt" 2>&1 || { cat "$work/hf.txt" >&2; die "hyperfine failed"; }
	grep -v '^ *$' "$work/hf.txt" | sed 's/^/    /'
	sed -n 's/^ *"median": *\([-0-9.eE+]*\),*$/\1/p' "$work/hf.json" >"$work/medians"
else
	: >"$work/medians"
	for c in "$c1" "$c2" "$c3"; do
		i=0
		while [ "$i" -lt "$warmup" ]; do sh -c "$c" >/dev/null 2>&1 || true; i=$((i + 1)); done
		: >"$work/times"
		i=0
		while [ "$i" -lt "$runs" ]; do
			/usr/bin/time -f '%e' -o "$work/t" sh -c "$c" >/dev/null 2>&1 || true
			tail -1 "$work/t" >>"$work/times"
			i=$((i + 1))
		done
		median "$work/times" >>"$work/medians"
	done
fi
m1=$(sed -n 1p "$work/medians")
m2=$(sed -n 2p "$work/medians")
m3=$(sed -n 3p "$work/medians")

rss() {
	/usr/bin/time -v -o "$work/rss" sh -c "$1" >/dev/null 2>&1 || true
	sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$work/rss"
}
r1=$(rss "$c1")
r2=$(rss "$c2")
r3=$(rss "$c3")

echo
echo "== Summary (median wall time, peak RSS)"
printf '  %-34s %8.3f s  %7.1f MB\n' "stdtool draft diff (text)" "$m1" "$(awk -v k="$r1" 'BEGIN { print k / 1024 }')"
printf '  %-34s %8.3f s  %7.1f MB\n' "stdtool draft diff --format html" "$m2" "$(awk -v k="$r2" 'BEGIN { print k / 1024 }')"
printf '  %-34s %8.3f s  %7.1f MB\n' "diff -u" "$m3" "$(awk -v k="$r3" 'BEGIN { print k / 1024 }')"
printf '  %-34s %8.2fx\n' "stdtool (text) / diff -u" "$(awk -v a="$m1" -v b="$m3" 'BEGIN { print (b > 0 ? a / b : 0) }')"
printf '  %-34s %8.2fx\n' "stdtool (html) / diff -u" "$(awk -v a="$m2" -v b="$m3" 'BEGIN { print (b > 0 ? a / b : 0) }')"
verdict=$(awk -v t="$m1" -v h="$m2" 'BEGIN { print (t < 2 && h < 2) ? "PASS" : "MISS" }')
echo "  target: a $size MB draft compared in under 2 s: $verdict"
