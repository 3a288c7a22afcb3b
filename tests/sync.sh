#!/bin/sh
# Two sites share one bare repository through stdtool sync, step by step:
# fast-forwards both ways, merges of different records, a real conflict,
# uncommitted edits that are in the way or not, stage tags, a bare site,
# a push refused because the remote moved between fetch and push,
# comments two sites numbered alike on the same draft, and a ballot closed
# at one site while a vote was recorded at the other.
# After every step, plain git fsck passes in every repository and no
# stdtool journal is left behind.

srcdir=$(cd "$(dirname "$0")" && pwd)
. "$srcdir/lib.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/stdtool-sync.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
test_setup_env "$work"
cd "$work" || exit 99
fail() { echo "FAIL: $*"; trap - EXIT; echo "(kept $work)"; exit 1; }

steps=0
# Runs a step and checks every repository afterwards.
step() {
	steps=$((steps + 1))
	for repo in hub.git a b c.git; do
		[ -d "$repo" ] || continue
		git -C "$repo" fsck --no-progress > fsck.log 2>&1 ||
			{ cat fsck.log; fail "step $steps ($1): git fsck in $repo"; }
		[ ! -e "$repo/.git/stdtool-journal" ] && [ ! -e "$repo/stdtool-journal" ] ||
			fail "step $steps ($1): a journal was left in $repo"
	done
}

# expect_sync SITE STATUS LINE [REMOTE]: runs sync there; checks the status
# and the first line it prints.
expect_sync() {
	site=$1 want_status=$2 want=$3
	shift 3
	stdtool -C "$site" sync "$@" > out 2> err
	got=$?
	[ "$got" = "$want_status" ] || { cat out err; fail "sync at $site: status $got, expected $want_status"; }
	if [ -n "$want" ]; then
		first=$(cat out err | head -1)
		[ "$first" = "$want" ] || { cat out err; fail "sync at $site said '$first', expected '$want'"; }
	fi
	step "sync at $site"
}

clean() {
	[ -z "$(git -C "$1" status --porcelain)" ] || { git -C "$1" status; fail "$1: work tree not clean"; }
}

same() {
	[ "$(git -C "$1" rev-parse "$2")" = "$(git -C "$3" rev-parse "$4")" ] ||
		fail "$1 $2 and $3 $4 differ"
}

# Refs and HEAD, and for a site with a work tree its status and index.
state() {
	git -C "$1" for-each-ref --format='%(refname) %(objectname)'
	git -C "$1" symbolic-ref HEAD
	if [ "$(git -C "$1" rev-parse --is-bare-repository)" = false ]; then
		git -C "$1" status --porcelain --untracked-files=all
		git -C "$1" ls-files -s
		git -C "$1" diff
	fi
}

make_usccs 12 300 > codes
code() { sed -n "${1}p" codes; }

stdtool init --bare hub.git > /dev/null || fail "init"
git clone -q hub.git a && git clone -q hub.git b || fail "clone"
step "clones"

# 1. a fresh clone is up to date.
expect_sync a 0 "sync: already up to date with origin/main"

# 2. a ahead: pushed; b behind: fast-forward.
stdtool -C a org add --uscc "$(code 1)" --name 甲科技有限公司 --kind enterprise > /dev/null || fail "org add"
expect_sync a 0 "sync: pushed 1 commit to origin/main"
same hub.git main a HEAD
expect_sync b 0 "sync: fetched 1 commit from origin, fast-forwarded main"
same b HEAD a HEAD
clean b
[ -f "b/orgs/$(code 1).xml" ] || fail "b lacks the record after the fast-forward"

# 3. the other way round: b ahead, a fast-forwards.
stdtool -C b standard add --id gbt-45201 --level national --number 'GB/T 45201-2025' \
	--title 服务机器人 --field robotics --published 2025-06-30 > /dev/null || fail "standard add"
expect_sync b 0 "sync: pushed 1 commit to origin/main"
expect_sync a 0 "sync: fetched 1 commit from origin, fast-forwarded main"
same a HEAD b HEAD
clean a

# 4. both change different records: merged, pushed; the other site gets both.
stdtool -C a org add --uscc "$(code 2)" --name 乙科技有限公司 --kind enterprise > /dev/null || fail "org add"
stdtool -C a standard drafter gbt-45201 --org "$(code 1)" --rank 1 > /dev/null || fail "drafter"
stdtool -C b org add --uscc "$(code 3)" --name 丙研究院 --kind research-institute > /dev/null || fail "org add"
stdtool -C b draft new arm --profile gbt --title '工业机器人 安全要求' > /dev/null || fail "draft new"
expect_sync a 0 "sync: pushed 2 commits to origin/main"
# An uncommitted edit to a file the merge does not touch is left alone.
echo "local note" > b/NOTES.txt
expect_sync b 0 "sync: fetched 2 commits from origin, merged with 2 local commits, pushed, pushed 1 tag"
[ "$(cat b/NOTES.txt)" = "local note" ] || fail "the merge touched an unrelated uncommitted file"
rm b/NOTES.txt
clean b
[ "$(git -C b log -1 --format=%s)" = "sync: merge origin/main" ] || fail "merge message"
[ "$(git -C b rev-list --parents -1 HEAD | wc -w)" = 3 ] || fail "not a merge commit"
same hub.git main b HEAD
stdtool -C b check 2> /dev/null || fail "check after the merge"
expect_sync a 0 "sync: fetched 3 commits from origin, fast-forwarded main, fetched 1 tag"
same a HEAD b HEAD
same a arm/20.00 b arm/20.00
clean a
for k in 1 2 3; do
	[ -f "a/orgs/$(code $k).xml" ] && [ -f "b/orgs/$(code $k).xml" ] || fail "record $k missing"
done
expect_sync a 0 "sync: already up to date with origin/main"
expect_sync b 0 "sync: already up to date with origin/main"

# 5. a real conflict: the same standard record changed differently.
stdtool -C a standard drafter gbt-45201 --org "$(code 2)" --rank 2 > /dev/null || fail "drafter"
stdtool -C b standard drafter gbt-45201 --org "$(code 3)" --rank 2 > /dev/null || fail "drafter"
expect_sync a 0 "sync: pushed 1 commit to origin/main"
state b > b.before
state hub.git > hub.before
expect_sync b 1 "conflict: standards/gbt-45201.xml: changed on both sides, differently"
grep -qx 'stdtool: cannot sync with origin/main: 1 conflict; nothing was changed, here or there' err ||
	fail "conflict message"
state b | cmp -s - b.before || fail "the conflict changed b"
state hub.git | cmp -s - hub.before || fail "the conflict changed the remote"
# Resolved by hand with plain git (take theirs), then sync goes on.
git -C b reset -q --hard HEAD~1 || fail "reset"
step "reset b"

# 6. uncommitted edits to a path the sync changes: refused before anything moves.
sed -i 's/服务机器人/服务机器人（草案）/' b/standards/gbt-45201.xml
state b > b.before
expect_sync b 128 "stdtool: 'standards/gbt-45201.xml' has uncommitted changes in the work tree; commit or discard them first"
state b | cmp -s - b.before || fail "the refused sync changed b"
git -C b checkout -q -- standards || fail "checkout"
expect_sync b 0 "sync: fetched 1 commit from origin, fast-forwarded main"
same b HEAD a HEAD

# 7. stage tags travel both ways.
stdtool -C b draft stage arm cd > /dev/null || fail "stage"
expect_sync b 0 "sync: pushed 1 commit to origin/main, pushed 1 tag"
same hub.git arm/30.00 b arm/30.00
expect_sync a 0 "sync: fetched 1 commit from origin, fast-forwarded main, fetched 1 tag"
same a arm/30.00 b arm/30.00
[ "$(git -C a cat-file -t arm/30.00)" = tag ] || fail "not an annotated tag"

# 8. a bare site (a server copy) syncs too.
git clone -q --bare hub.git c.git || fail "bare clone"
step "bare clone"
stdtool -C c.git org add --uscc "$(code 4)" --name 丁科技有限公司 --kind enterprise > /dev/null || fail "org add in c"
stdtool -C a org add --uscc "$(code 5)" --name 戊科技有限公司 --kind enterprise > /dev/null || fail "org add"
expect_sync a 0 "sync: pushed 1 commit to origin/main"
expect_sync c.git 0 "sync: fetched 1 commit from origin, merged with 1 local commit, pushed"
expect_sync a 0 "sync: fetched 2 commits from origin, fast-forwarded main"
[ -f "a/orgs/$(code 4).xml" ] || fail "a lacks c's record"
expect_sync b 0 "sync: fetched 3 commits from origin, fast-forwarded main"

# 9. the remote moves between the fetch and the push: the push is refused,
# the local merge stays, and the next sync pushes it.
stdtool -C a org add --uscc "$(code 6)" --name 己科技有限公司 --kind enterprise > /dev/null || fail "org add"
stdtool -C b org add --uscc "$(code 7)" --name 庚科技有限公司 --kind enterprise > /dev/null || fail "org add"
expect_sync b 0 "sync: pushed 1 commit to origin/main"
stdtool -C a org add --uscc "$(code 8)" --name 辛科技有限公司 --kind enterprise > /dev/null || fail "org add"
STDTOOL_TEST_SYNC_PAUSE=$work/pause stdtool -C a sync > out 2> err &
pid=$!
i=0
while [ ! -e pause.ready ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
[ -e pause.ready ] || { kill $pid; fail "sync did not reach the push"; }
# Meanwhile, another site pushes with plain git.
stdtool -C b org add --uscc "$(code 9)" --name 壬科技有限公司 --kind enterprise > /dev/null || fail "org add"
git -C b push -q origin main || fail "plain push"
touch pause.go
wait $pid
got=$?
[ "$got" = 128 ] || { cat out err; fail "sync with a moved remote: status $got"; }
grep -qx 'sync: fetched 1 commit from origin, merged with 2 local commits' out || { cat out; fail "summary"; }
grep -qx "stdtool: the push to 'origin' was refused: origin/main moved since the fetch; what was merged here stays (it is correct history): run 'stdtool sync' again" err ||
	{ cat err; fail "message of the refused push"; }
step "refused push"
[ "$(git -C a log -1 --format=%s)" = "sync: merge origin/main" ] || fail "the local merge did not stay"
same hub.git main b HEAD
clean a
expect_sync a 0 "sync: fetched 1 commit from origin, merged with 3 local commits, pushed"
same hub.git main a HEAD
expect_sync b 0 "sync: fetched 4 commits from origin, fast-forwarded main"
same a HEAD b HEAD
stdtool -C b check 2> /dev/null || fail "check at the end"
[ "$(ls b/orgs/*.xml | wc -l)" = 9 ] || fail "expected 9 organisations"

# 10. a new, empty remote gets the whole branch and every tag.
git init -q --bare empty.git || fail "git init"
git -C a remote add archive "$work/empty.git" || fail "remote add"
stdtool -C a sync archive > out 2> err || { cat out err; fail "sync to an empty remote"; }
n=$(git -C a rev-list --count HEAD)
t=$(git -C a tag | wc -l)
grep -qx "sync: pushed $n commits to archive/main, pushed $t tags" out || { cat out; fail "sync to an empty remote said"; }
same empty.git main a HEAD
git -C empty.git fsck --no-progress > fsck.log 2>&1 || { cat fsck.log; fail "fsck in the new remote"; }
[ "$(git -C empty.git tag | wc -l)" = "$t" ] || fail "tags missing in the new remote"
expect_sync a 0 "sync: already up to date with origin/main"
[ "$(git -C a rev-parse archive/main)" = "$(git -C empty.git rev-parse main)" ] || fail "archive/main"

# 11. url.<base>.insteadOf rewrites a remote's URL, as in git; a pushurl
# sends the push elsewhere than the fetch.
git -C b remote add short "hub:" || fail "remote add"
git -C b config "url.$work/hub.git.insteadOf" "hub:" || fail "config"
expect_sync b 0 "sync: already up to date with short/main" short
git clone -q --bare hub.git mirror.git || fail "mirror"
git -C b config remote.short.pushurl "$work/mirror.git" || fail "config"
stdtool -C b org add --uscc "$(code 10)" --name 癸科技有限公司 --kind enterprise > /dev/null || fail "org add"
expect_sync b 0 "sync: pushed 1 commit to short/main" short
same mirror.git main b HEAD
[ "$(git -C hub.git rev-parse main)" != "$(git -C b rev-parse HEAD)" ] || fail "the push went to the fetch URL"

# 12. both sites record comments on the same draft: the remote's keep their
# numbers, those made here move past them, in their order.
expect_sync b 0 "" origin
expect_sync a 0 ""
same a HEAD b HEAD
comment() { # SITE BY TEXT
	stdtool -C "$1" comments add arm --by "$2" --clause general --type te --text "$3" > /dev/null ||
		fail "comments add at $1"
}
listing() { stdtool -C "$1" comments list arm | tr -s ' ' || fail "comments list at $1"; }
comment a 甲 a-1
expect_sync a 0 "sync: pushed 1 commit to origin/main"
expect_sync b 0 "sync: fetched 1 commit from origin, fast-forwarded main"
comment a 甲 a-2
comment a 甲 a-3
stdtool -C a comments sent arm 单位甲 > /dev/null || fail "comments sent"
expect_sync a 0 "sync: pushed 3 commits to origin/main"
comment b 乙 b-2
comment b 乙 b-3
comment b 乙 b-4
stdtool -C b comments sent arm 单位乙 > /dev/null || fail "comments sent"
stdtool -C b comments resolve arm 1 --disposition accepted > /dev/null || fail "resolve"
# b-3 is removed with plain git: its number stays given.
git -C b rm -q drafts/arm/comments/3.xml && git -C b commit -q -m "drop b-3" || fail "git rm"
step "b removes a comment"
expect_sync b 0 "sync: fetched 3 commits from origin, merged with 6 local commits, pushed"
grep -qx "sync: comments on draft 'arm' made here are renumbered after those of origin: 2 is now 4, 4 is now 6" out ||
	{ cat out; fail "renumbering not reported"; }
clean b
same hub.git main b HEAD
[ "$(ls b/drafts/arm/comments | LC_ALL=C sort | tr '\n' ' ')" = "1.xml 2.xml 3.xml 4.xml 6.xml round.xml " ] ||
	{ ls b/drafts/arm/comments; fail "comment files after the merge"; }
for n in 1 2 3 4 6; do
	grep -q "<comment number=\"$n\"" "b/drafts/arm/comments/$n.xml" || fail "comment $n.xml has another number"
done
for pair in 1:a-1 2:a-2 3:a-3 4:b-2 6:b-4; do
	grep -q "<text>${pair#*:}</text>" "b/drafts/arm/comments/${pair%%:*}.xml" ||
		fail "comment ${pair%%:*} is not ${pair#*:}"
done
grep -q 'disposition="accepted"' b/drafts/arm/comments/1.xml || fail "the resolution of comment 1 was lost"
grep -q 'last-number="6"' b/drafts/arm/comments/round.xml || fail "round.xml last number"
grep -q '<sent>单位甲</sent>' b/drafts/arm/comments/round.xml &&
	grep -q '<sent>单位乙</sent>' b/drafts/arm/comments/round.xml || fail "round.xml units"
git -C b log -1 --format=%B | grep -qx 'arm: 2->4 4->6' || { git -C b log -1; fail "merge message"; }
stdtool -C b check 2> /dev/null || fail "check after renumbering"
expect_sync a 0 "sync: fetched 7 commits from origin, fast-forwarded main"
listing a > list.a
listing b > list.b
cmp -s list.a list.b || { diff list.a list.b; fail "the sites list different comments"; }
comment a 甲 a-7
grep -q '<text>a-7</text>' a/drafts/arm/comments/7.xml || fail "the next number is not 7"
expect_sync a 0 "sync: pushed 1 commit to origin/main"
expect_sync b 0 "sync: fetched 1 commit from origin, fast-forwarded main"

# 13. only the units of the round differ: merged, no number moves.
stdtool -C a comments sent arm 单位丙 > /dev/null || fail "comments sent"
stdtool -C b comments replied arm 单位乙 > /dev/null || fail "comments replied"
expect_sync a 0 "sync: pushed 1 commit to origin/main"
expect_sync b 0 "sync: fetched 1 commit from origin, merged with 1 local commit, pushed"
[ "$(wc -l < out)" = 1 ] || { cat out; fail "a renumbering was reported"; }
grep -q '<sent>单位丙</sent>' b/drafts/arm/comments/round.xml &&
	grep -q '<replied-without-comments>单位乙</replied-without-comments>' b/drafts/arm/comments/round.xml &&
	grep -q 'last-number="7"' b/drafts/arm/comments/round.xml || fail "round.xml after merging units"
expect_sync a 0 "sync: fetched 2 commits from origin, fast-forwarded main"

# 14. new comments at both sites and a real conflict (comment 2 resolved
# differently): the sync stops, names that file alone, changes nothing.
comment a 甲 a-8
stdtool -C a comments resolve arm 2 --disposition accepted > /dev/null || fail "resolve"
comment b 乙 b-8
stdtool -C b comments resolve arm 2 --disposition rejected --note 不同意 > /dev/null || fail "resolve"
expect_sync a 0 "sync: pushed 2 commits to origin/main"
state b > b.before
state hub.git > hub.before
expect_sync b 1 "conflict: drafts/arm/comments/2.xml: changed on both sides, differently"
[ "$(grep -c '^conflict:' out)" = 1 ] || { cat out; fail "more than the real conflict listed"; }
state b | cmp -s - b.before || fail "the conflict changed b"
state hub.git | cmp -s - hub.before || fail "the conflict changed the remote"

git -C b reset -q --hard HEAD~2 || fail "reset"
step "reset b"
expect_sync b 0 "sync: fetched 2 commits from origin, fast-forwarded main"

# 15. a ballot closed at one site while a vote was recorded at the other:
# the vote was on time where it was cast, so the merge counts it.
printf 'member,category\nM1,member\nM2,member\nM3,member\n' > roster.csv
stdtool -C a ballot open arm --type sac-review --closes 2099-12-31 --members ../roster.csv > /dev/null ||
	fail "ballot open"
stdtool -C a ballot vote arm --member M1 --category member --vote yes > /dev/null || fail "vote"
expect_sync a 0 "sync: pushed 2 commits to origin/main"
expect_sync b 0 "sync: fetched 2 commits from origin, fast-forwarded main"
stdtool -C a ballot vote arm --member M2 --category member --vote yes > /dev/null || fail "vote"
stdtool -C a ballot close arm --early > /dev/null || fail "close"
grep -q 'outcome="approved"' a/drafts/arm/ballots/1/ballot.xml || fail "2 of 3 in favour, closed early: approved"
stdtool -C b ballot vote arm --member M3 --category member --vote no --reason 'not ready' > /dev/null || fail "vote"
expect_sync a 0 "sync: pushed 2 commits to origin/main"
expect_sync b 0 "sync: fetched 2 commits from origin, merged with 1 local commit, pushed"
grep -qx "sync: ballot #1 on 'arm' was closed at one site while votes were recorded at the other: counted again with 3 votes instead of 2, not approved (was approved)" out ||
	{ cat out; fail "recount not reported"; }
clean b
grep -q 'outcome="not-approved"' b/drafts/arm/ballots/1/ballot.xml || fail "the recount's outcome"
grep -q 'closed="'"$(sed -n 's/.*closed="\([0-9-]*\)".*/\1/p' a/drafts/arm/ballots/1/ballot.xml)"'"' b/drafts/arm/ballots/1/ballot.xml ||
	fail "the closing date moved"
stdtool -C b ballot show arm > show.b || fail "ballot show"
grep -q 'yes 2, no 1, abstain 0, not voted 0' show.b || { cat show.b; fail "the tally shown"; }
git -C b log -1 --format=%B | grep -qx 'arm #1: 3 votes, not-approved (was 2 votes, approved)' ||
	{ git -C b log -1; fail "merge message"; }
stdtool -C b check 2> /dev/null || fail "check after the recount"
expect_sync a 0 "sync: fetched 2 commits from origin, fast-forwarded main"
cmp -s a/drafts/arm/ballots/1/ballot.xml b/drafts/arm/ballots/1/ballot.xml || fail "the sites differ"

# 16. votes of an open ballot from both sites merge and nothing is
# recounted; a vote file copied by hand under another member's name stops
# the sync, which changes nothing.
stdtool -C a ballot open arm --type sac-review --closes 2099-12-31 --members ../roster.csv > /dev/null ||
	fail "ballot open"
expect_sync a 0 "sync: pushed 1 commit to origin/main"
expect_sync b 0 "sync: fetched 1 commit from origin, fast-forwarded main"
stdtool -C a ballot vote arm --member M1 --category member --vote yes > /dev/null || fail "vote"
stdtool -C b ballot vote arm --member M2 --category member --vote yes > /dev/null || fail "vote"
expect_sync a 0 "sync: pushed 1 commit to origin/main"
expect_sync b 0 "sync: fetched 1 commit from origin, merged with 1 local commit, pushed"
[ "$(wc -l < out)" = 1 ] || { cat out; fail "a recount was reported for an open ballot"; }
expect_sync a 0 "sync: fetched 2 commits from origin, fast-forwarded main"
stdtool -C a ballot vote arm --member M3 --category member --vote yes > /dev/null || fail "vote"
stdtool -C a ballot close arm > /dev/null || fail "close"
cp b/drafts/arm/ballots/2/votes/M2.xml b/drafts/arm/ballots/2/votes/M4.xml
git -C b add drafts && git -C b commit -q -m "a vote copied by hand" || fail "git commit"
expect_sync a 0 "sync: pushed 2 commits to origin/main"
state b > b.before
state hub.git > hub.before
expect_sync b 1 ""
grep -qx "stdtool: the sync with origin/main would bring in votes that cannot be counted, so nothing was changed: ballot #2 on 'arm' has two votes by 'M2'" err ||
	{ cat out err; fail "uncountable votes message"; }
state b | cmp -s - b.before || fail "the refused sync changed b"
state hub.git | cmp -s - hub.before || fail "the refused sync changed the remote"

echo "sync between two sites and a bare copy: $steps steps, git fsck clean after each"
echo "1 passed, 0 failed"
