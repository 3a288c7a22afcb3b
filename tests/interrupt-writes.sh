#!/bin/sh
# Kills "stdtool org add" with SIGKILL at random moments, again and again,
# and checks after each kill that the repository is either exactly before
# or exactly after that commit: never in between.
#
# Before: the branch has not moved, the record is not in it, git fsck passes.
# After: the branch moved by exactly one commit adding exactly that record.
# Either way, the next stdtool run leaves the work tree clean (a write cut
# off between the branch move and the work-tree update is finished then).

srcdir=$(cd "$(dirname "$0")" && pwd)
. "$srcdir/lib.sh"

rounds=${STDTOOL_INTERRUPT_ROUNDS:-120}
work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-interrupt.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
test_setup_env "$work"
cd "$work" || exit 99

fail() { echo "FAIL: $*"; trap - EXIT; echo "(kept $work)"; exit 1; }

stdtool init repo > /dev/null || fail "init"
make_usccs $((rounds + 5)) 100 > codes

# How long does one write take here?  Kill times spread over 0..1.3 of it.
t0=$(date +%s%N)
for code in $(sed -n '1,5p' codes); do
	stdtool -C repo org add --uscc "$code" --name 计时单位 --kind enterprise > /dev/null || fail "timing run"
done
t1=$(date +%s%N)
span_us=$(( (t1 - t0) / 5000 * 13 / 10 ))
[ "$span_us" -gt 0 ] || span_us=20000
echo "one write takes about $(( span_us * 10 / 13 )) us; killing at random within $span_us us"

before=0 after=0 finished=0 stale_locks=0
i=0
for code in $(sed -n "6,\$p" codes); do
	i=$((i + 1))
	old=$(git -C repo rev-parse HEAD)
	delay=$(awk -v s="$span_us" -v seed="$i$$" 'BEGIN { srand(seed); printf "%.6f", rand() * s / 1000000 }')
	# The program itself, not a shell around it, must take the kill.
	$STDTOOL_WRAPPER "$STDTOOL" -C repo org add --uscc "$code" --name "单位$i" --kind enterprise > /dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null

	git --git-dir=repo/.git fsck --no-progress > fsck.log 2>&1 || { cat fsck.log; fail "round $i: git fsck failed"; }
	new=$(git -C repo rev-parse HEAD)
	if [ "$new" = "$old" ]; then
		git -C repo cat-file -e "HEAD:orgs/$code.xml" 2>/dev/null &&
			fail "round $i: the record is in a commit the branch does not point past"
		before=$((before + 1))
	else
		[ "$(git -C repo rev-parse "$new^")" = "$old" ] ||
			fail "round $i: the branch moved by more than one commit"
		changed=$(git -C repo diff --name-status "$old" "$new")
		[ "$changed" = "A	orgs/$code.xml" ] ||
			fail "round $i: the commit changed something else: $changed"
		[ "$(git -C repo log -1 --format=%s)" = "org: add $code 单位$i" ] ||
			fail "round $i: wrong commit message"
		after=$((after + 1))
		[ -f repo/.git/stdtool-journal ] && finished=$((finished + 1))
	fi
	# A kill inside Git's own short ref or index lock leaves a lock file, as
	# it would for git itself; the branch is still exactly before.
	for lock in repo/.git/refs/heads/main.lock repo/.git/index.lock; do
		if [ -f "$lock" ]; then
			stale_locks=$((stale_locks + 1))
			[ "$new" = "$old" ] || [ "$lock" = repo/.git/index.lock ] ||
				fail "round $i: a ref lock was left after the branch moved"
			rm -f "$lock"
		fi
	done
	# The next run finishes or forgets the interrupted write.
	stdtool -C repo org list > /dev/null || fail "round $i: the next run failed"
	[ -z "$(git -C repo status --porcelain)" ] || {
		git -C repo status --short; fail "round $i: the work tree is not clean after the next run"; }
	[ ! -f repo/.git/stdtool-journal ] || fail "round $i: the journal was not cleared"
done

echo "$i interruptions: $before left the repository before the commit, $after after it" \
     "($finished of those finished by the next run); $stale_locks stale Git lock files"
[ "$before" -gt 0 ] && [ "$after" -gt 0 ] ||
	echo "note: the kills did not land on both sides of the commit point this time"
echo "1 passed, 0 failed"
