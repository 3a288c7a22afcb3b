#!/bin/sh
# bench/draft.sh: "stdtool draft validate" and "stdtool draft render" on
# GB/T drafts of 1, 5 and 20 MB, side by side with xmllint --relaxng (the
# same schema) and xsltproc (the same stylesheet).
#
#   bench/draft.sh [STDTOOL]
#
# STDTOOL (the argument, else the environment variable) defaults to
# build/src/stdtool at the top of the source tree (or build/stdtool).
# stdtool reads its schema and stylesheet from this source tree
# (STDTOOL_DATADIR), the files the baselines are given:
#
#   validate: stdtool draft validate FILE
#             xmllint --noout --relaxng schemas/sts-draft.rng FILE
#   render:   stdtool draft render FILE -o OUT.html
#             xsltproc --nonet --nowrite --nomkdir templates/draft-gbt.xsl FILE > OUT.html
#
# The baselines do less than stdtool (no drafting rules, no numbering, no
# filled cross references): they are the floor stdtool is measured against.
#
# Environment: SIZES (default "1 5 20", megabytes of 1,048,576 bytes),
# RUNS (default 5) timed runs after WARMUP (default 1), HYPERFINE=0 to
# time with the median of /usr/bin/time runs instead of hyperfine,
# RESULTS=DIR to copy hyperfine's JSON and markdown exports there, KEEP=1
# to keep the temporary folder (drafts, outputs, exports), OFFICIAL_RNG=PATH to also check every generated draft, untimed,
# against the official NISO STS schema (NISO-STS-interchange-1-mathml3.rng).
#
# What it does, for each size:
#   1. generates the draft with bench/gen-draft.awk (deterministic);
#   2. runs each command once: stdtool's findings are shown (there should
#      be none), and every command must succeed;
#   3. times validate and render with hyperfine, stdtool and its baseline
#      in the same run (--warmup, --runs; JSON and markdown exported),
#      and reads each command's peak RSS from /usr/bin/time -v;
# then prints a table: medians, stdtool/baseline, seconds per MB (the
# growth of the time per MB from the smallest to the largest size shows
# whether time is linear in size), CPU time, peak RSS and its ratio to the
# file size (and the RSS added per byte added, start-up left out), and
# the targets (within 1.5x of the baselines; 1 MB rendered in
# under 0.15 s, 20 MB in under 3 s on 2 cores; peak RSS under 10x the
# file) as PASS or MISS.  Peak RSS starts from a floor that does not depend
# on the draft (the program, its shared libraries, the schema or the
# stylesheet): each command is also run on a small valid draft
# (tests/data/drafts/valid/gbt-contract.xml, copied; FLOOR_DRAFT=PATH for
# another), and the document memory (peak RSS minus that floor) is shown
# with its ratio to the file size and its own target, under 10x.
#
# Needs awk, xmllint (Debian package libxml2-utils), xsltproc and
# /usr/bin/time (package "time"); hyperfine (package "hyperfine") when
# installed.  No python.

set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
stdtool=${1:-${STDTOOL:-}}
if [ -z "$stdtool" ]; then
	stdtool=$top/build/src/stdtool
	[ -x "$stdtool" ] || [ ! -x "$top/build/stdtool" ] || stdtool=$top/build/stdtool
fi
sizes=${SIZES:-1 5 20}
runs=${RUNS:-5}
warmup=${WARMUP:-1}
gen=$here/gen-draft.awk
schema=$top/schemas/sts-draft.rng
xsl=$top/templates/draft-gbt.xsl
floor_draft=${FLOOR_DRAFT:-$top/tests/data/drafts/valid/gbt-contract.xml}

die() {
	echo "draft.sh: $*" >&2
	exit 1
}

case $stdtool in
/*) ;;
*) stdtool=$(pwd)/$stdtool ;;
esac
[ -x "$stdtool" ] || die "no stdtool at '$stdtool' (build it first, or give its path)"
[ -f "$gen" ] || die "missing $gen"
[ -f "$schema" ] || die "missing $schema"
[ -f "$xsl" ] || die "missing $xsl"
[ -f "$floor_draft" ] || die "no floor draft at '$floor_draft' (FLOOR_DRAFT)"
command -v xmllint >/dev/null || die "xmllint is missing: install Debian's 'libxml2-utils' package"
command -v xsltproc >/dev/null || die "xsltproc is missing: install Debian's 'xsltproc' package"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: install Debian's 'time' package (apt-get install time)"
if [ -n "${RESULTS:-}" ]; then
	mkdir -p "$RESULTS" || die "cannot create RESULTS folder '$RESULTS'"
	RESULTS=$(cd "$RESULTS" && pwd)
fi
[ -z "${OFFICIAL_RNG:-}" ] || [ -f "$OFFICIAL_RNG" ] || die "no schema at OFFICIAL_RNG='$OFFICIAL_RNG'"
for s in $sizes; do
	awk -v s="$s" 'BEGIN { exit !(s ~ /^[0-9]*\.?[0-9]+$/ && s + 0 > 0 && s + 0 <= 200) }' ||
		die "sizes are megabytes above 0, at most 200, not '$s'"
done
case $runs$warmup in
*[!0-9]*) die "RUNS and WARMUP are whole numbers" ;;
esac
[ "$runs" -ge 1 ] || die "RUNS must be at least 1"
if [ "${HYPERFINE:-1}" = 1 ] && command -v hyperfine >/dev/null 2>&1; then
	timer=hyperfine
elif [ "${HYPERFINE:-1}" = 1 ]; then
	echo "draft.sh: hyperfine is not installed (Debian package 'hyperfine'): timing with the median of $runs /usr/bin/time runs instead" >&2
	timer="/usr/bin/time"
else
	timer="/usr/bin/time"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/draft-bench.XXXXXX")
cleanup() {
	if [ "${KEEP:-0}" = 1 ]; then
		echo "Kept $work"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# stdtool reads schemas/ and templates/ of this tree, like the baselines.
STDTOOL_DATADIR=$top
LANG=C.UTF-8
export STDTOOL_DATADIR LANG
unset LC_ALL LC_MESSAGES LANGUAGE 2>/dev/null || true

fmt() { # fmt FORMAT EXPR (no ">" in EXPR: awk would take it for a redirection)
	awk "BEGIN { printf \"$1\", $2 }"
}
# A / B, or 0 when B is 0.
div() { # div A B
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b + 0 == 0 ? 0 : a / b }'
}
note() {
	printf '%s\n' "$*"
}
# Results live in files: put KEY VALUE, get KEY.
put() {
	printf '%s\n' "$2" >"$work/res.$1"
}
get() {
	cat "$work/res.$1"
}

# IGNORE=1 lets the timed commands exit non-zero (a draft with findings).
IGNORE=0

# Times two shell command lines side by side (stdtool's first); sets
# MEDIAN1 and MEDIAN2 (s).
time_pair() { # time_pair NAME NAME1 CMD1 NAME2 CMD2
	name=$1
	if [ "$timer" = hyperfine ]; then
		set -- --style basic --warmup "$warmup" --runs "$runs" \
			--export-json "$work/$name.json" --export-markdown "$work/$name.md" \
			--command-name "$2" "$3" --command-name "$4" "$5"
		[ "$IGNORE" = 0 ] || set -- -i "$@"
		hyperfine "$@" >"$work/$name.hf" 2>&1 || {
			cat "$work/$name.hf" >&2
			die "hyperfine failed on $name"
		}
		grep -v '^ *$' "$work/$name.hf" | sed 's/^/    /'
		[ -z "${RESULTS:-}" ] || cp "$work/$name.json" "$work/$name.md" "$RESULTS/"
		MEDIAN1=$(sed -n 's/^ *"median": *\([-0-9.eE+]*\),*$/\1/p' "$work/$name.json" | sed -n 1p)
		MEDIAN2=$(sed -n 's/^ *"median": *\([-0-9.eE+]*\),*$/\1/p' "$work/$name.json" | sed -n 2p)
		CPU1=$(json_cpu "$work/$name.json" 1)
		CPU2=$(json_cpu "$work/$name.json" 2)
	else
		time_loop "$name.1" "$3"
		time_loop "$name.2" "$5"
		MEDIAN1=$(median "$work/$name.1.times")
		MEDIAN2=$(median "$work/$name.2.times")
		CPU1=$(median "$work/$name.1.cpu")
		CPU2=$(median "$work/$name.2.cpu")
		note "    $2: $(tr '\n' ' ' <"$work/$name.1.times")s -> median $MEDIAN1 s, CPU $CPU1 s"
		note "    $4: $(tr '\n' ' ' <"$work/$name.2.times")s -> median $MEDIAN2 s, CPU $CPU2 s"
	fi
	if [ -z "$MEDIAN1" ] || [ -z "$MEDIAN2" ]; then
		die "no timing for $name"
	fi
}

# user + system seconds of result N in a hyperfine JSON export (the
# mean of the runs).
json_cpu() { # json_cpu FILE N
	awk -v n="$2" '
		/^ *"user":/ { u[++nu] = $2 + 0 }
		/^ *"system":/ { s[++ns] = $2 + 0 }
		END { printf "%.4f", u[n] + s[n] }' "$1"
}

# The median of the numbers in a file, one a line.
median() { # median FILE
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# RUNS timed runs after WARMUP: wall seconds to KEY.times (date +%s%N, GNU
# date; else /usr/bin/time, in 10 ms steps), user + system seconds from
# /usr/bin/time to KEY.cpu.
time_loop() { # time_loop KEY CMD
	i=0
	while [ "$i" -lt "$warmup" ]; do
		sh -c "$2" >/dev/null 2>&1 || [ "$IGNORE" = 1 ] || die "'$2' failed"
		i=$((i + 1))
	done
	: >"$work/$1.times"
	: >"$work/$1.cpu"
	i=0
	while [ "$i" -lt "$runs" ]; do
		t0=$(date +%s%N)
		/usr/bin/time -f '%e %U %S' -o "$work/time" sh -c "$2" >/dev/null 2>&1 ||
			[ "$IGNORE" = 1 ] || die "'$2' failed"
		t1=$(date +%s%N)
		# The last line holds the figures (a failure adds one before).
		tail -1 "$work/time" | awk -v t0="$t0" -v t1="$t1" -v times="$work/$1.times" -v cpu="$work/$1.cpu" '{
			if (t0 ~ /^[0-9]+$/ && t1 ~ /^[0-9]+$/)
				printf "%.4f\n", (t1 - t0) / 1e9 >> times
			else
				print $1 >> times
			printf "%.2f\n", $2 + $3 >> cpu
		}'
		i=$((i + 1))
	done
}

# Peak RSS (KB) of one run of a shell command line, from /usr/bin/time -v.
peak_rss() { # peak_rss CMD
	/usr/bin/time -v -o "$work/rss" sh -c "$1" >/dev/null 2>&1 || [ "$IGNORE" = 1 ] || {
		cat "$work/rss" >&2
		die "'$1' failed"
	}
	sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): *//p' "$work/rss"
}

# The lowest peak RSS (KB) of 3 runs of a command on the floor draft.
floor_rss() { # floor_rss IGNORE CMD
	IGNORE=$1
	low=
	for i in 1 2 3; do
		m=$(peak_rss "$2")
		if [ -z "$low" ] || [ "$m" -lt "$low" ]; then
			low=$m
		fi
	done
	echo "$low"
}

note "draft benchmark: stdtool $stdtool, sizes $sizes MB, $(nproc 2>/dev/null || echo '?') CPUs, timing by $timer (warmup $warmup, $runs runs)"
note "stdtool version: $("$stdtool" --version 2>/dev/null | head -1)"
note "$(xmllint --version 2>&1 | head -1); $(xsltproc --version 2>/dev/null | head -1)"
note "schema $schema"
note "stylesheet $xsl"
note "working in $work; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
[ -c /dev/null ] ||
	note "warning: /dev/null is not a device but a $(stat -c %F /dev/null 2>/dev/null || echo 'plain file'): output sent there is written to disk"
note ""

# The floor: what each command takes whatever the draft (the program, its
# libraries, the schema or the stylesheet), on a small valid draft.
cp "$floor_draft" "$work/floor.xml" || die "cannot copy '$floor_draft'"
put bytes.floor "$(wc -c <"$work/floor.xml" | tr -d ' ')"
put m.validate.floor "$(floor_rss 1 "'$stdtool' draft validate '$work/floor.xml'")"
put m.render.floor "$(floor_rss 0 "'$stdtool' draft render '$work/floor.xml' -o '$work/floor.html'")"
note "floor: $floor_draft ($(get bytes.floor) bytes), lowest peak RSS of 3 runs: validate $(get m.validate.floor) KB, render $(get m.render.floor) KB"
note ""

for s in $sizes; do
	f=$work/draft-$s.xml
	note "== $s MB"
	LC_ALL=C awk -v mb="$s" -f "$gen" >"$f" || die "gen-draft.awk failed at $s MB"
	bytes=$(wc -c <"$f" | tr -d ' ')
	put "bytes.$s" "$bytes"
	note "  draft: $bytes bytes; $(grep -c '<sec ' "$f") sections, $(grep -c '<term-sec ' "$f") terms, $(grep -c '<table-wrap ' "$f") tables, $(grep -c '<fig ' "$f") figures, $(grep -c '<disp-formula ' "$f") formulae, $(grep -o '<xref ' "$f" | wc -l | tr -d ' ') cross references, $(grep -c '<app ' "$f") annexes"
	if [ -n "${OFFICIAL_RNG:-}" ]; then
		xmllint --noout --relaxng "$OFFICIAL_RNG" "$f" 2>"$work/official.err" ||
			{ head -5 "$work/official.err" >&2; die "the $s MB draft is not valid NISO STS"; }
		note "  valid against $(basename "$OFFICIAL_RNG")"
	fi

	# One run of each, to check them and show what stdtool finds.
	ignore=0
	status=0
	"$stdtool" draft validate "$f" >"$work/validate.out" 2>&1 || status=$?
	findings=$(grep -c ': \(error\|warning\): ' "$work/validate.out" || true)
	case $status in
	0) note "  stdtool draft validate: exit 0, $findings findings" ;;
	1) note "  stdtool draft validate: exit 1, $findings findings (timed all the same)"; ignore=1 ;;
	*) cat "$work/validate.out" >&2; die "stdtool draft validate failed (exit $status) at $s MB" ;;
	esac
	[ "$findings" -eq 0 ] || {
		sed 's/^/    /' "$work/validate.out" | head -10
		awk -F'[][]' '/: (error|warning): \[/ { n[$2]++ } END { for (r in n) printf "    %s: %d\n", r, n[r] }' "$work/validate.out"
	}
	xmllint --noout --relaxng "$schema" "$f" 2>"$work/xmllint.err" || {
		head -5 "$work/xmllint.err" >&2
		note "  xmllint --relaxng: the draft does not validate (timed all the same)"
		ignore=1
	}
	st_html=$work/stdtool-$s.html
	xs_html=$work/xsltproc-$s.html
	"$stdtool" draft render "$f" -o "$st_html" >"$work/render.out" 2>&1 ||
		{ cat "$work/render.out" >&2; die "stdtool draft render failed at $s MB"; }
	xsltproc --nonet --nowrite --nomkdir "$xsl" "$f" >"$xs_html" 2>"$work/xsltproc.err" ||
		{ head -5 "$work/xsltproc.err" >&2; die "xsltproc failed at $s MB"; }
	note "  render: stdtool $(wc -c <"$st_html" | tr -d ' ') bytes of HTML, xsltproc $(wc -c <"$xs_html" | tr -d ' ')"

	v1="'$stdtool' draft validate '$f'"
	v2="xmllint --noout --relaxng '$schema' '$f'"
	r1="'$stdtool' draft render '$f' -o '$st_html'"
	r2="xsltproc --nonet --nowrite --nomkdir '$xsl' '$f' > '$xs_html'"
	note "  -- validate"
	IGNORE=$ignore
	time_pair "validate-$s" "stdtool-validate" "$v1" "xmllint-relaxng" "$v2"
	put "t.validate.st.$s" "$MEDIAN1"
	put "t.validate.base.$s" "$MEDIAN2"
	put "c.validate.st.$s" "$CPU1"
	put "c.validate.base.$s" "$CPU2"
	note "  -- render"
	IGNORE=0
	time_pair "render-$s" "stdtool-render" "$r1" "xsltproc" "$r2"
	put "t.render.st.$s" "$MEDIAN1"
	put "t.render.base.$s" "$MEDIAN2"
	put "c.render.st.$s" "$CPU1"
	put "c.render.base.$s" "$CPU2"
	IGNORE=$ignore
	put "m.validate.st.$s" "$(peak_rss "$v1")"
	put "m.validate.base.$s" "$(peak_rss "$v2")"
	IGNORE=0
	put "m.render.st.$s" "$(peak_rss "$r1")"
	put "m.render.base.$s" "$(peak_rss "$r2")"
	note "  peak RSS (KB): validate stdtool $(get "m.validate.st.$s"), xmllint $(get "m.validate.base.$s"); render stdtool $(get "m.render.st.$s"), xsltproc $(get "m.render.base.$s")"
	note "  document memory (peak RSS minus the floor, KB): validate $(($(get "m.validate.st.$s") - $(get m.validate.floor))), render $(($(get "m.render.st.$s") - $(get m.render.floor)))"
	note ""
done

# ---- summary ------------------------------------------------------------
first=$(echo "$sizes" | awk '{ print $1 }')
last=$(echo "$sizes" | awk '{ print $NF }')
mb() { # mb SIZE: the draft's real size in MB
	fmt %.3f "$(get "bytes.$1") / 1048576"
}
note "== Summary: wall time (median, s), stdtool/baseline, wall s/MB (real size), CPU time (user + system,"
note "   mean, s) and its ratio, peak RSS in MB with its ratio to the file size"
printf '%-5s %-8s %-8s %-11s %7s %7s %6s %7s %7s %6s %6s %6s %14s %14s\n' \
	MB bytes op vs stdtool base ratio "st/MB" "base/MB" "st cpu" "b cpu" ratio "stdtool RSS" "base RSS"
for s in $sizes; do
	m=$(mb "$s")
	for op in validate render; do
		base=xmllint-rng
		[ "$op" = validate ] || base=xsltproc
		st=$(get "t.$op.st.$s")
		bs=$(get "t.$op.base.$s")
		sc=$(get "c.$op.st.$s")
		bc=$(get "c.$op.base.$s")
		sm=$(get "m.$op.st.$s")
		bm=$(get "m.$op.base.$s")
		printf '%-5s %-8s %-8s %-11s %7.3f %7.3f %5.2fx %7.3f %7.3f %6.3f %6.3f %5.2fx %6.1f (%4.1fx) %6.1f (%4.1fx)\n' \
			"$s" "$(get "bytes.$s")" "$op" "$base" "$st" "$bs" "$(fmt %.4f "$st / $bs")" \
			"$(fmt %.4f "$st / $m")" "$(fmt %.4f "$bs / $m")" \
			"$sc" "$bc" "$(div "$sc" "$bc")" \
			"$(fmt %.2f "$sm / 1024")" "$(fmt %.2f "$sm * 1024 / $(get "bytes.$s")")" \
			"$(fmt %.2f "$bm / 1024")" "$(fmt %.2f "$bm * 1024 / $(get "bytes.$s")")"
	done
done
note ""
note "Document memory: stdtool's peak RSS minus the floor (the same command on the floor draft of
   $(get bytes.floor) bytes: validate $(get m.validate.floor) KB, render $(get m.render.floor) KB), in MB and its ratio to the file size"
for s in $sizes; do
	for op in validate render; do
		sm=$(get "m.$op.st.$s")
		fl=$(get "m.$op.floor")
		printf '  %-5s %-8s peak %7.1f MB (%5.2fx)   floor %5.1f MB   document %7.1f MB (%5.2fx)\n' \
			"$s" "$op" "$(fmt %.2f "$sm / 1024")" "$(fmt %.4f "$sm * 1024 / $(get "bytes.$s")")" \
			"$(fmt %.2f "$fl / 1024")" "$(fmt %.2f "($sm - $fl) / 1024")" \
			"$(fmt %.4f "($sm - $fl) * 1024 / $(get "bytes.$s")")"
	done
done
note ""
if [ "$first" != "$last" ]; then
	note "Growth of the time per MB from $first to $last MB (1.00x = linear; under 1 when start-up weighs on the small draft)"
	for op in validate render; do
		for who in st base; do
			case $op.$who in
			validate.st) label="stdtool draft validate" ;;
			validate.base) label="xmllint --relaxng" ;;
			render.st) label="stdtool draft render" ;;
			render.base) label="xsltproc" ;;
			esac
			printf '  %-24s %s\n' "$label" "$(awk -v a="$(get "t.$op.$who.$last")" -v am="$(mb "$last")" \
				-v b="$(get "t.$op.$who.$first")" -v bm="$(mb "$first")" 'BEGIN {
				if (b <= 0 || a <= 0) { print "n/a (too fast to measure)"; exit }
				r = (a / am) / (b / bm)
				printf "%.2fx  %s\n", r, r < 1.5 ? "linear" : "FASTER THAN LINEAR"
			}')"
		done
	done
	note ""
	note "Peak RSS added per MB of draft from $first to $last MB (start-up and schema or stylesheet left out)"
	for op in validate render; do
		for who in st base; do
			case $op.$who in
			validate.st) label="stdtool draft validate" ;;
			validate.base) label="xmllint --relaxng" ;;
			render.st) label="stdtool draft render" ;;
			render.base) label="xsltproc" ;;
			esac
			printf '  %-24s %s\n' "$label" "$(awk -v a="$(get "m.$op.$who.$last")" -v b="$(get "m.$op.$who.$first")" \
				-v ab="$(get "bytes.$last")" -v bb="$(get "bytes.$first")" 'BEGIN {
				printf "%.1fx the added bytes\n", (a - b) * 1024 / (ab - bb)
			}')"
		done
	done
	note ""
fi

note "Targets (load average now $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'): wall times of a busy machine run long, CPU times less so)"
verdict() { # verdict VALUE LIMIT
	awk -v v="$1" -v l="$2" 'BEGIN { print (v + 0 < l + 0) ? "PASS" : "MISS" }'
}
for s in $sizes; do
	for op in validate render; do
		r=$(fmt %.4f "$(get "t.$op.st.$s") / $(get "t.$op.base.$s")")
		c=$(div "$(get "c.$op.st.$s")" "$(get "c.$op.base.$s")")
		printf '  %-44s %6.2fx  %s   (CPU time %.2fx  %s)\n' "$op $s MB within 1.5x of the baseline" \
			"$r" "$(verdict "$r" 1.5)" "$c" "$(verdict "$c" 1.5)"
	done
done
for s in $sizes; do
	for op in validate render; do
		r=$(fmt %.4f "$(get "m.$op.st.$s") * 1024 / $(get "bytes.$s")")
		printf '  %-44s %6.2fx  %s\n' "$op $s MB peak RSS under 10x the file" "$r" "$(verdict "$r" 10)"
	done
done
for s in $sizes; do
	for op in validate render; do
		r=$(fmt %.4f "($(get "m.$op.st.$s") - $(get "m.$op.floor")) * 1024 / $(get "bytes.$s")")
		printf '  %-44s %6.2fx  %s\n' "$op $s MB document memory under 10x" "$r" "$(verdict "$r" 10)"
	done
done
cores=$(nproc 2>/dev/null || echo '?')
for s in $sizes; do
	case $s in
	1) limit=0.15 ;;
	20) limit=3 ;;
	*) continue ;;
	esac
	t=$(get "t.render.st.$s")
	printf '  %-44s %6.3fs  %s%s\n' "render $s MB under $limit s" "$t" "$(verdict "$t" "$limit")" \
		"$([ "$cores" = 2 ] || echo " (on $cores CPUs, the target is for 2)")"
done
