#!/bin/sh
# bench/claim-grant.sh: claim-grant at 10,000 organisations, 100,000
# standards and 2,000 secretariats.
#
#   bench/claim-grant.sh [STDTOOL [SCALE]]
#
# STDTOOL defaults to build/src/stdtool at the top of the source tree;
# SCALE (default 1, the full size) multiplies every count, e.g. 0.1 for a
# quick run.  Everything happens in a fresh temporary folder, removed at
# the end unless KEEP=1.  RUNS (default 10) and ALL_RUNS (default 3) set
# how many timed runs one organisation's claim and the claim of all take;
# IMPORT_RUNS (default 3) how many times the repository is built from
# scratch for the median import times.
#
# What it does:
#   1. generates the data set with awk (bench/gen-claim-grant.awk): valid
#      USCCs, unique standard ids and numbers, unique committee ids, every
#      standard drafted by 1 to 4 of the organisations;
#   2. builds a bare repository with "stdtool init --bare" and three
#      "stdtool import" calls, timing each (wall time, peak RSS);
#   3. times "claim-grant --org" (the organisation with the most items) and
#      "claim-grant --all", with hyperfine when installed (else, or with
#      HYPERFINE=0, the median of repeated runs), and their peak RSS;
#      --org three ways: the first run after the imports (it builds the
#      derived index of standards by organisation, stdtool-cache/ in the
#      Git folder; COLD_RUNS, default 5), with the index up to date, and
#      with the index one commit behind (one more standard recorded);
#   4. times a baseline doing the same I/O without stdtool's logic (git
#      archive HEAD: every record of the current commit read once; and git
#      cat-file --batch-all-objects: every object in the store);
#      3 and 4 run on the repository as the imports leave it (one loose
#      object per record), then again with the objects packed as git gc
#      packs them (unless PACKED=0);
#   5. runs the same at 0.25 and 0.5 of SCALE, to show how the time per
#      record grows;
#   6. prints a summary with the targets (one organisation < 0.3 s, all
#      < 10 s) as PASS or MISS.
#
# Needs awk, git and /usr/bin/time (Debian package "time"); hyperfine
# (Debian package "hyperfine") is used when installed.  No python.

set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
stdtool=${1:-$top/build/src/stdtool}
scale=${2:-1}
runs=${RUNS:-10}
all_runs=${ALL_RUNS:-3}
cold_runs=${COLD_RUNS:-5}
import_runs=${IMPORT_RUNS:-3}
as_of=2026-11-25
gen=$here/gen-claim-grant.awk

die() {
	echo "claim-grant.sh: $*" >&2
	exit 1
}

case $stdtool in
/*) ;;
*) stdtool=$(pwd)/$stdtool ;;
esac
[ -x "$stdtool" ] || die "no stdtool at '$stdtool' (build it first, or give its path)"
[ -f "$gen" ] || die "missing $gen"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: install Debian's 'time' package (apt-get install time)"
command -v git >/dev/null || die "git is missing"
awk -v s="$scale" 'BEGIN { exit !(s + 0 > 0 && s + 0 <= 100) }' ||
	die "the scale must be a number above 0 (1 = full size), not '$scale'"
if [ "${HYPERFINE:-1}" = 1 ] && command -v hyperfine >/dev/null 2>&1; then
	timer=hyperfine
else
	timer="median of repeated runs (hyperfine not installed, or HYPERFINE=0)"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/claim-grant-bench.XXXXXX")
cleanup() {
	if [ "${KEEP:-0}" = 1 ]; then
		echo "Kept $work"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A fixed identity and no user or system configuration, as the tests do.
HOME=$work
XDG_CONFIG_HOME=$work/.config
GIT_CONFIG_NOSYSTEM=1
GIT_AUTHOR_NAME='Claim Bench'
GIT_AUTHOR_EMAIL='bench@example.org'
GIT_COMMITTER_NAME='Claim Bench'
GIT_COMMITTER_EMAIL='bench@example.org'
LANG=C.UTF-8
export HOME XDG_CONFIG_HOME GIT_CONFIG_NOSYSTEM GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL \
	GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL LANG
unset LC_ALL LC_MESSAGES LC_CTYPE LANGUAGE GIT_DIR GIT_WORK_TREE 2>/dev/null || true

# Arithmetic on decimals, with awk.
calc() {
	awk "BEGIN { s = sprintf(\"%.9f\", $1); if (s ~ /\\./) sub(/\\.?0+\$/, \"\", s); printf \"%s\", s }"
}
fmt() { # fmt FORMAT EXPR
	awk "BEGIN { printf \"$1\", $2 }"
}

note() {
	printf '%s\n' "$*"
}

stat_of() { # stat_of DIR KEY [FIELD]
	awk -v k="$2" -v f="${3:-2}" '$1 == k { print $f }' "$1/stats"
}

# Builds the data set and repository of one scale in DIR, IMPORT_RUNS
# times from scratch (imports change the repository, so hyperfine cannot
# repeat them); leaves the medians in DIR/import-KIND (seconds KB) and the
# last repository in DIR/repo.git.
build() { # build DIR SCALE
	dir=$1
	mkdir -p "$dir"
	awk -v scale="$2" -v out="$dir" -v seed=2025 -f "$gen"
	r=1
	while [ "$r" -le "$import_runs" ]; do
		rm -rf "$dir/repo.git"
		"$stdtool" init --bare "$dir/repo.git" >"$dir/init.out" 2>&1 ||
			{ cat "$dir/init.out" >&2; die "stdtool init --bare failed"; }
		for kind in orgs standards secretariats; do
			if ! /usr/bin/time -f '%e %M' -o "$dir/import-$kind.$r" \
				"$stdtool" -C "$dir/repo.git" import "$dir/$kind.csv" --kind "$kind" \
				>"$dir/import-$kind.out" 2>&1; then
				head -20 "$dir/import-$kind.out" >&2
				tail -2 "$dir/import-$kind.$r" >&2
				die "stdtool import --kind $kind failed at scale $2"
			fi
		done
		r=$((r + 1))
	done
	for kind in orgs standards secretariats; do
		# The last line holds the figures (a crash would add one before).
		for f in "$dir/import-$kind".*[0-9]; do tail -1 "$f"; done | awk '
			{ t[NR] = $1; m[NR] = $2 }
			function median(v, n,    i, j, x) {
				for (i = 2; i <= n; i++)
					for (j = i; j > 1 && v[j - 1] > v[j]; j--) { x = v[j]; v[j] = v[j - 1]; v[j - 1] = x }
				return (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
			}
			END { printf "%.2f %d\n", median(t, NR), median(m, NR) }' >"$dir/import-$kind"
		note "  import $kind: $(stat_of "$dir" "$kind") records in $(cut -d' ' -f1 "$dir/import-$kind") s (median; runs:$(for f in "$dir/import-$kind".*[0-9]; do printf ' %s' "$(tail -1 "$f" | cut -d' ' -f1)"; done)), peak RSS $(cut -d' ' -f2 "$dir/import-$kind") KB"
	done
	# Everything generated must be there.
	for kind in orgs standards secretariats; do
		have=$(git -C "$dir/repo.git" ls-tree --name-only HEAD "$kind/" | grep -c "\.xml$")
		[ "$have" -eq "$(stat_of "$dir" "$kind")" ] ||
			die "$kind: $have records in the repository, $(stat_of "$dir" "$kind") generated"
	done
}

# Times a shell command line; sets MEDIAN (s).  hyperfine when installed,
# else the median of RUNS runs after WARMUP.  PREPARE, when given, runs
# before every run (warmups included) and is not timed.
time_cmd() { # time_cmd NAME RUNS WARMUP COMMAND [PREPARE]
	name=$1 n=$2 warm=$3 cmd=$4 prep=${5:-true}
	if [ "$timer" = hyperfine ]; then
		hyperfine --style basic --warmup "$warm" --runs "$n" --prepare "$prep" \
			--export-json "$work/$name.json" --command-name "$name" "$cmd" >"$work/$name.hf" 2>&1 || {
			cat "$work/$name.hf" >&2
			die "'$cmd' failed"
		}
		sed 's/^/    /' "$work/$name.hf" | grep -v '^ *$' | grep -v 'Benchmark' || true
		MEDIAN=$(sed -n 's/^ *"median": *\([-0-9.eE+]*\),*$/\1/p' "$work/$name.json" | head -1)
	else
		i=0
		while [ "$i" -lt "$warm" ]; do
			{ sh -c "$prep" && sh -c "$cmd"; } || die "'$cmd' failed"
			i=$((i + 1))
		done
		: >"$work/$name.times"
		i=0
		while [ "$i" -lt "$n" ]; do
			sh -c "$prep" || die "'$prep' failed"
			/usr/bin/time -f '%e' -a -o "$work/$name.times" sh -c "$cmd" || die "'$cmd' failed"
			i=$((i + 1))
		done
		MEDIAN=$(sort -n "$work/$name.times" | awk '{ v[NR] = $1 } END {
			print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
		note "    $name: $(tr '\n' ' ' <"$work/$name.times")s -> median $MEDIAN s"
	fi
	[ -n "$MEDIAN" ] || die "no timing for $name"
}

# Peak RSS in KB of one run of stdtool; output discarded.
peak_rss() { # peak_rss ARGS...
	/usr/bin/time -f '%M' -o "$work/rss" "$stdtool" "$@" >/dev/null 2>"$work/rss.err" ||
		{ cat "$work/rss.err" >&2; die "stdtool $* failed"; }
	tail -1 "$work/rss"
}

note "claim-grant benchmark: stdtool $stdtool, scale $scale, $(nproc 2>/dev/null || echo '?') CPUs, timing by $timer"
note "stdtool version: $("$stdtool" --version 2>/dev/null | head -1)"
note "working in $work"
[ -c /dev/null ] ||
	note "warning: /dev/null is not a device but a $(stat -c %F /dev/null 2>/dev/null || echo 'plain file'): output sent there is written to disk"
note ""

# ---- 1-2: data set and repository at the given scale ----------------
note "== Data set and imports (scale $scale)"
main=$work/s1
build "$main" "$scale"
repo=$main/repo.git
# Where stdtool keeps derived data (not records) in a bare repository.
cache=$repo/stdtool-cache
n_orgs=$(stat_of "$main" orgs)
n_std=$(stat_of "$main" standards)
n_sec=$(stat_of "$main" secretariats)
n_all=$((n_orgs + n_std + n_sec))
top_org=$(stat_of "$main" top 2)
top_items=$(stat_of "$main" top 3)
top_kind=$(stat_of "$main" top 4)
mean_items=$(stat_of "$main" mean_items_per_org)
csv_kb=$(cat "$main"/*.csv | wc -c | awk '{ printf "%d", $1 / 1024 }')
repo_kb=$(du -sk "$repo" | cut -f1)
objects=$(git -C "$repo" count-objects -v | awk '$1 == "count:" { c += $2 } $1 == "in-pack:" { c += $2 } END { print c }')
archive_kb=$(git -C "$repo" archive HEAD | wc -c | awk '{ printf "%d", $1 / 1024 }')
note "  $n_orgs organisations, $n_std standards, $n_sec secretariats; $mean_items items per organisation on average"
note "  busiest organisation: $top_org ($top_kind), $top_items standards and secretariats"
note "  CSV $csv_kb KB; repository $repo_kb KB on disk, $objects objects, records $archive_kb KB"
note ""

# ---- 3-4: claims and baseline ---------------------------------------
# Results go to files $work/STATE.KEY, read back with res STATE KEY.
res() { cat "$work/$1.$2"; }
# A figure of STATE, or "-" when that state was not measured.
fig() { # fig STATE KEY [FORMAT]
	if [ -f "$work/$1.$2" ]; then fmt "${3:-%.3f}" "$(res "$1" "$2")"; else printf -- -; fi
}
ratio() { # ratio STATE KEY BASE
	if [ -f "$work/$1.$2" ]; then fmt %.2fx "$(res "$1" "$2") / $(res "$1" "$3")"; else printf -- -; fi
}
measure() { # measure STATE DESCRIPTION
	st=$1
	org_cmd="'$stdtool' -C '$repo' claim-grant --org $top_org --as-of $as_of > /dev/null"
	if [ "$st" = loose ]; then
		# The first --org after the imports builds the derived index of
		# standards by organisation: timed on its own, index removed first.
		note "== [$2] claim-grant --org $top_org, no derived index yet (no warmup, $cold_runs runs)"
		time_cmd "org_cold-$st" "$cold_runs" 0 "$org_cmd" "rm -rf '$cache'"
		echo "$MEDIAN" >"$work/$st.org_cold"
		rm -rf "$cache"
		peak_rss -C "$repo" claim-grant --org "$top_org" --as-of "$as_of" >"$work/$st.org_cold_rss"
		note "    peak RSS $(res "$st" org_cold_rss) KB"
		if [ -d "$cache" ]; then
			du -sk "$cache" | cut -f1 >"$work/cache.kb"
		else
			note "    (no derived index at $cache: the three --org figures measure the same thing)"
		fi
	fi
	note "== [$2] claim-grant --org $top_org, derived index up to date (warmup 1, $runs runs)"
	time_cmd "org-$st" "$runs" 1 "$org_cmd"
	echo "$MEDIAN" >"$work/$st.org"
	peak_rss -C "$repo" claim-grant --org "$top_org" --as-of "$as_of" >"$work/$st.org_rss"
	note "    $("$stdtool" -C "$repo" claim-grant --org "$top_org" --as-of "$as_of" | tail -1)"
	note "    peak RSS $(res "$st" org_rss) KB"

	note "== [$2] claim-grant --all (warmup 1, $all_runs runs)"
	time_cmd "all-$st" "$all_runs" 1 "'$stdtool' -C '$repo' claim-grant --all --as-of $as_of > /dev/null"
	echo "$MEDIAN" >"$work/$st.all"
	peak_rss -C "$repo" claim-grant --all --as-of "$as_of" >"$work/$st.all_rss"
	note "    $("$stdtool" -C "$repo" claim-grant --all --as-of "$as_of" | tail -1)"
	note "    peak RSS $(res "$st" all_rss) KB"

	note "== [$2] baseline: git archive HEAD | wc -c (every record read once; warmup 1, $runs runs)"
	time_cmd "archive-$st" "$runs" 1 "git -C '$repo' archive HEAD | wc -c > /dev/null"
	echo "$MEDIAN" >"$work/$st.archive"
	note "== [$2] baseline: git cat-file --batch-all-objects --batch (every object; warmup 1, $all_runs runs)"
	time_cmd "catfile-$st" "$all_runs" 1 "git -C '$repo' cat-file --batch-all-objects --batch > /dev/null"
	echo "$MEDIAN" >"$work/$st.catfile"
	note ""
}
# As "stdtool import" leaves the repository: one loose object per record.
measure loose "as imported, loose objects"
# Git packs the objects sooner or later (git gc, a push, a clone): the same
# figures then, unless PACKED=0.
if [ "${PACKED:-1}" = 1 ]; then
	# What git gc does to the objects, spelt out: git gc gives git
	# pack-objects /dev/null as input, and reads garbage where /dev/null
	# has become a plain file.
	git -C "$repo" rev-list --objects --all |
		git -C "$repo" pack-objects --quiet --delta-base-offset "$repo/objects/pack/pack" >"$work/pack.out" ||
		die "git pack-objects failed"
	git -C "$repo" prune-packed
	du -sk "$repo" | cut -f1 >"$work/packed.kb"
	measure packed "packed, as after git gc"
	last=packed
else
	last=loose
fi
# Someone records one more standard of the busiest organisation: the
# derived index is then one commit behind and catches up from a diff of
# the standards trees.  Each run starts from the index as it was before.
if [ -d "$cache" ]; then
	note "== [$last, then one more standard] claim-grant --org $top_org, derived index one commit behind (no warmup, $runs runs)"
	cp -R "$cache" "$work/cache-before"
	printf '%s\n' "id,level,number,title,fields,published,drafters" \
		"bench-extra-1,national,GB/T 99999—2026,人工智能 基准测试 新增标准,ai,2026-06-01,$top_org:1" >"$work/extra.csv"
	"$stdtool" -C "$repo" import "$work/extra.csv" --kind standards >"$work/extra.out" 2>&1 ||
		{ cat "$work/extra.out" >&2; die "importing one more standard failed"; }
	restore="rm -rf '$cache' && cp -R '$work/cache-before' '$cache'"
	time_cmd "org_change-$last" "$runs" 0 "'$stdtool' -C '$repo' claim-grant --org $top_org --as-of $as_of > /dev/null" "$restore"
	echo "$MEDIAN" >"$work/$last.org_change"
	sh -c "$restore"
	peak_rss -C "$repo" claim-grant --org "$top_org" --as-of "$as_of" >"$work/$last.org_change_rss"
	note "    peak RSS $(res "$last" org_change_rss) KB"
	note ""
fi

# ---- 5: linearity -----------------------------------------------------
note "== Linearity: claim-grant --all at 0.25 and 0.5 of scale $scale"
for f in 0.25 0.5; do
	s=$(calc "$scale * $f")
	d=$work/s$f
	note "-- scale $s"
	build "$d" "$s"
	time_cmd "all-$f" "$all_runs" 1 "'$stdtool' -C '$d/repo.git' claim-grant --all --as-of $as_of > /dev/null"
	echo "$MEDIAN" >"$d/all-median"
	time_cmd "archive-$f" "$all_runs" 1 "git -C '$d/repo.git' archive HEAD | wc -c > /dev/null"
	echo "$MEDIAN" >"$d/archive-median"
done
res loose all >"$main/all-median"
res loose archive >"$main/archive-median"
note ""

# ---- 6: summary -------------------------------------------------------
import_s() { cut -d' ' -f1 "$1/import-$2"; }
import_kb() { cut -d' ' -f2 "$1/import-$2"; }
verdict() { # verdict VALUE LIMIT
	awk -v v="$1" -v l="$2" 'BEGIN { print (v + 0 < l + 0) ? "PASS" : "MISS" }'
}
row() {
	printf '  %-44s %s\n' "$1" "$2"
}

note "================================ SUMMARY ================================"
note "stdtool $stdtool (scale $scale, $(nproc 2>/dev/null || echo '?') CPUs, $timer)"
note ""
note "Data"
row "organisations" "$n_orgs"
row "standards" "$n_std (drafter slots $(stat_of "$main" drafter_slots))"
row "secretariats" "$n_sec"
row "records in all" "$n_all"
row "items per organisation (mean)" "$mean_items"
row "busiest organisation (--org)" "$top_org, $top_items items"
row "CSV / repository on disk" "$csv_kb KB / $repo_kb KB loose ($objects objects), $(fig packed kb %d) KB packed"
row "derived index (stdtool-cache)" "$(fig cache kb %d) KB"
note ""
printf '%-48s %9s %12s\n' "Imports (median of $import_runs runs)" "wall time" "peak RSS"
for kind in orgs standards secretariats; do
	printf '  %-44s %8s s  %9s KB\n' "import --kind $kind ($(stat_of "$main" "$kind"))" \
		"$(import_s "$main" "$kind")" "$(import_kb "$main" "$kind")"
done
note ""
claims_row() { # claims_row LABEL KEY
	printf '  %-50s %8s %-2s %8s %-2s %8s %-2s %8s %-2s\n' "$1" \
		"$(fig loose "$2")" s "$(fig loose "$2_rss" %d)" KB "$(fig packed "$2")" s "$(fig packed "$2_rss" %d)" KB
}
base_row() { # base_row LABEL KEY
	printf '  %-50s %8s %-2s %11s %8s %-2s\n' "$1" "$(fig loose "$2")" s "" "$(fig packed "$2")" s
}
ratio_row() { # ratio_row LABEL KEY BASE
	printf '  %-50s %9s %13s %9s\n' "$1" "$(ratio loose "$2" "$3")" "" "$(ratio packed "$2" "$3")"
}
note "Claims, median                                       as imported (loose)    packed (as after git gc)"
note "                                                         time  peak RSS         time  peak RSS"
claims_row "claim-grant --org, index up to date ($runs runs)" org
claims_row "claim-grant --org, no index yet ($cold_runs runs)" org_cold
claims_row "claim-grant --org, index 1 commit behind ($runs runs)" org_change
claims_row "claim-grant --all ($all_runs runs)" all
base_row "baseline: git archive HEAD | wc -c" archive
base_row "baseline: git cat-file --batch-all-objects" catfile
ratio_row "--org (index up to date) / git archive" org archive
ratio_row "--all / git archive" all archive
ratio_row "--all / git cat-file --batch-all-objects" all catfile
note ""
note "Linearity                records   import s  import us/rec   --all s  --all us/rec  archive us/rec"
for f in 0.25 0.5 1; do
	if [ "$f" = 1 ]; then d=$main; else d=$work/s$f; fi
	recs=$(($(stat_of "$d" orgs) + $(stat_of "$d" standards) + $(stat_of "$d" secretariats)))
	imp=$(calc "$(import_s "$d" orgs) + $(import_s "$d" standards) + $(import_s "$d" secretariats)")
	a=$(cat "$d/all-median")
	b=$(cat "$d/archive-median")
	printf '  scale %-14s %9d %10.2f %14.1f %9.3f %13.1f %15.1f\n' "$(calc "$scale * $f")" "$recs" "$imp" \
		"$(calc "$imp * 1000000 / $recs")" "$a" "$(calc "$a * 1000000 / $recs")" "$(calc "$b * 1000000 / $recs")"
	case $f in
	0.25) imp_pr_q=$(calc "$imp / $recs") all_pr_q=$(calc "$a / $recs") ;;
	1) imp_pr_1=$(calc "$imp / $recs") all_pr_1=$(calc "$a / $recs") ;;
	esac
done
# Per record, 4 times the data should cost about the same; 1.5x is noise.
growth() { # growth PER_RECORD_AT_1 PER_RECORD_AT_0.25
	awk -v a="$1" -v b="$2" 'BEGIN {
		if (b <= 0) { print "n/a (too fast to measure)"; exit }
		r = a / b
		printf "%.2fx per record from 0.25 to 1: %s\n", r, r < 1.5 ? "linear" : "FASTER THAN LINEAR"
	}'
}
row "claim --all growth" "$(growth "$all_pr_1" "$all_pr_q")"
row "import growth" "$(growth "$imp_pr_1" "$imp_pr_q")"
note ""
note "Targets"
if awk -v s="$scale" 'BEGIN { exit !(s + 0 == 1) }'; then
	full=""
else
	full="  (at scale $scale, not the full size)"
fi
target() { # target LABEL KEY LIMIT
	line=$(printf '  %-50s' "$1")
	for state in loose packed; do
		[ -f "$work/$state.$2" ] || continue
		line="$line  $state $(fig "$state" "$2") s $(verdict "$(res "$state" "$2")" "$3")"
	done
	printf '%s%s\n' "$line" "$full"
}
target "one organisation < 0.3 s (index up to date)" org 0.3
target "one organisation < 0.3 s (index 1 commit behind)" org_change 0.3
target "one organisation < 0.3 s (first run, no index)" org_cold 0.3
target "all organisations < 10 s" all 10
