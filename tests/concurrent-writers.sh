#!/bin/sh
# Several stdtool processes write to one repository at once: each write
# lands as its own commit (they queue on the repository's lock), nothing
# is lost, and two writers registering the same code cannot both win.

srcdir=$(cd "$(dirname "$0")" && pwd)
. "$srcdir/lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-concurrent.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
test_setup_env "$work"
cd "$work" || exit 99
fail() { echo "FAIL: $*"; trap - EXIT; echo "(kept $work)"; exit 1; }

stdtool init repo > /dev/null || fail "init"
writers=8
make_usccs "$writers" 500 > codes

n=0
for code in $(cat codes); do
	n=$((n + 1))
	stdtool -C repo org add --uscc "$code" --name "并发单位$n" --kind enterprise > "out.$n" 2>&1 &
done
wait
for k in $(seq 1 "$writers"); do
	grep -q '^Registered ' "out.$k" || { cat "out.$k"; fail "writer $k did not register"; }
done
[ "$(git -C repo rev-list --count HEAD)" = $((writers + 1)) ] || fail "expected $((writers + 1)) commits"
for code in $(cat codes); do
	git -C repo cat-file -e "HEAD:orgs/$code.xml" || fail "$code is missing"
done
[ -z "$(git -C repo status --porcelain)" ] || fail "work tree not clean"
git -C repo fsck --no-progress > /dev/null 2>&1 || fail "git fsck"

# The same code from two writers: exactly one wins.
code=$(make_usccs 1 900)
stdtool -C repo org add --uscc "$code" --name 甲 --kind enterprise > a.out 2>&1 &
stdtool -C repo org add --uscc "$code" --name 乙 --kind enterprise > b.out 2>&1 &
wait
wins=$(cat a.out b.out | grep -c '^Registered ')
[ "$wins" = 1 ] || { cat a.out b.out; fail "$wins writers registered the same code"; }
grep -q "organisation $code is already registered" a.out b.out || fail "the loser was not told why"
echo "$writers concurrent writers: $writers commits, none lost; a duplicate race: 1 winner"
echo "1 passed, 0 failed"
