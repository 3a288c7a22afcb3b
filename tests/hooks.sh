#!/bin/sh
# The pre-commit hook under the ways git commits: from a subfolder, with
# --git-dir/--work-tree from elsewhere, of named paths only (a temporary
# index), --amend, in a linked work tree (git worktree), --no-verify; and
# a hook whose stdtool moved, which falls back to stdtool on PATH.

srcdir=$(cd "$(dirname "$0")" && pwd)
. "$srcdir/lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-hooks.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
test_setup_env "$work"
cd "$work" || exit 99
fail() { echo "FAIL: $*"; trap - EXIT; echo "(kept $work)"; exit 1; }

checks=0
refused() { # refused WHAT: the last commit attempt failed with the finding
	checks=$((checks + 1))
	[ "$1" != 0 ] || fail "$2: the commit was not refused"
	grep -q "^orgs/$bad\\.xml:2:1: error: " err || { cat err; fail "$2: no finding"; }
	grep -q "^stdtool: the commit is refused: 1 error" err || { cat err; fail "$2: no verdict"; }
}
passed() {
	checks=$((checks + 1))
	[ "$1" = 0 ] || { cat err; fail "$2: the commit was refused"; }
}

make_usccs 3 700 > codes
good=$(sed -n 1p codes) bad=$(sed -n 2p codes) other=$(sed -n 3p codes)

stdtool init r > /dev/null || fail "init"
stdtool -C r org add --uscc "$good" --name 甲科技有限公司 --kind enterprise > /dev/null || fail "org add"
stdtool -C r org add --uscc "$bad" --name 乙科技有限公司 --kind enterprise > /dev/null || fail "org add"
stdtool -C r hooks install > /dev/null || fail "install"
break_record() { sed -i 's/kind="enterprise"/kind="company"/' "$1/orgs/$bad.xml"; }

# From a subfolder of the work tree.
break_record r
(cd r/orgs && git add "$bad.xml" && git commit -q -m bad) 2> err
refused $? "from a subfolder"

# From elsewhere, with --git-dir and --work-tree (git hands GIT_DIR over).
git --git-dir=r/.git --work-tree=r commit -q -m bad 2> err
refused $? "--git-dir/--work-tree"

# Only named paths: git commits through a temporary index.
git -C r reset -q
echo notes > r/README.md
git -C r add README.md
git -C r commit -q -m 'only the bad record' -- "orgs/$bad.xml" 2> err
refused $? "git commit -- PATH"
git -C r commit -q -m 'only the notes' -- README.md 2> err
passed $? "git commit -- README.md"
[ "$(git -C r log -1 --format=%s)" = 'only the notes' ] || fail "the notes were not committed"
git -C r cat-file -e "HEAD:README.md" || fail "README.md not in the commit"
[ "$(git -C r show "HEAD:orgs/$bad.xml" | grep -c company)" = 0 ] || fail "the bad record got in"

# --amend checks the amended content.
git -C r add "orgs/$bad.xml"
git -C r commit -q --amend -m 'amended' 2> err
refused $? "--amend"

# --no-verify skips the hook, as for any hook.
git -C r commit -q --no-verify -m 'unchecked' 2> err
passed $? "--no-verify"
stdtool -C r check > /dev/null 2>&1 && fail "check does not see the unchecked record"

# A linked work tree shares the hook and commits through its own index.
git -C r revert --no-edit HEAD > err 2>&1 || { cat err; fail "revert"; }
git -C r worktree add -q ../linked 2> err || { cat err; fail "worktree add"; }
break_record linked
git -C linked commit -q -a -m bad 2> err
refused $? "linked work tree"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<organisation uscc="%s" kind="other">\n  <name>丙</name>\n</organisation>\n' \
	"$other" > "linked/orgs/$other.xml"
git -C linked checkout -q -- orgs
git -C linked add orgs
git -C linked commit -q -m good 2> err
passed $? "linked work tree, valid record"

# The stdtool that installed the hook moved: the one on PATH runs instead.
mkdir bin elsewhere
cp "$STDTOOL" elsewhere/stdtool
elsewhere/stdtool -C r hooks install > /dev/null || fail "install from a copy"
grep -q "elsewhere/stdtool" r/.git/hooks/pre-commit || fail "the hook does not name the copy"
rm elsewhere/stdtool
ln -s "$STDTOOL" bin/stdtool
break_record r
git -C r add orgs
PATH=$work/bin:/usr/bin:/bin git -C r commit -q -m bad 2> err
refused $? "stdtool on PATH"

echo "pre-commit hook: $checks commits checked the ways git makes them"
echo "1 passed, 0 failed"
