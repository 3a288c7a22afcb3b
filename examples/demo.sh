#!/bin/sh
# demo.sh: stdtool's main job on the bundled example data.  Creates a
# secretariat repository, imports the example organisations, standards and
# secretariats (one commit each), records funding already received, then
# computes grant claims, writes one application form, files a claim, and
# shows that the same item cannot be claimed twice.  Then it starts a draft
# standard, checks it against the drafting rules, moves it to the committee
# stage and renders it, runs a comment round, shows the redline of the
# changes made, and takes the draft through the committee's ballot.
#
#   examples/demo.sh [STDTOOL [DIR]]
#
# STDTOOL defaults to the program built in build/, DIR to ./demo (made anew).

set -eu
here=$(cd "$(dirname "$0")" && pwd)
stdtool=${1:-$here/../build/src/stdtool}
dir=${2:-demo}

if [ -e "$dir" ]; then
	# Only ever replace a demo repository this script made.
	grep -q '<name>示例标准化技术委员会秘书处</name>' "$dir/stdtool.xml" 2>/dev/null || {
		echo "demo.sh: '$dir' exists and is not a demo repository; give another DIR" >&2
		exit 1
	}
	rm -rf "$dir"
fi

# Changes are recorded under Git's user.name and user.email; a machine
# with neither set records them as the demo secretariat.
if [ -z "$(git config user.email 2>/dev/null)" ] && [ -z "${GIT_AUTHOR_EMAIL:-}" ]; then
	set -- --author '示例秘书处 <secretariat@example.org>'
else
	set --
fi
run() {
	echo
	echo "\$ stdtool $*"
	"$stdtool" "$@"
}

run "$@" init --name 示例标准化技术委员会秘书处 "$dir"
run "$@" -C "$dir" import "$here/orgs.csv" --kind orgs
run "$@" -C "$dir" import "$here/standards.csv" --kind standards
run "$@" -C "$dir" import "$here/secretariats.csv" --kind secretariats
run "$@" -C "$dir" standard funding gbt-45201 --source municipal --program 深圳市技术标准资助 --amount-yuan 100000
run "$@" -C "$dir" standard funding jbt-14800 --source provincial --program 广东省标准化专项资金 --amount-yuan 80000
run "$@" -C "$dir" org list
run "$@" -C "$dir" standard list
run "$@" -C "$dir" secretariat list
run "$@" -C "$dir" claim-grant --org 91440300MA5FK2L751
run "$@" -C "$dir" claim-grant --org 91440101MA9XR3A45U
run "$@" -C "$dir" claim-grant --all
form=$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")-claim-form.html
# The form is a Chinese document: its reasons and evidence list follow the
# message language, so render it with Chinese messages when the locale exists.
if locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
	echo
	echo "\$ LANGUAGE=zh_CN stdtool claim-grant --org 91440300MA5FK2L751 --format html -o $dir-claim-form.html"
	LANGUAGE=zh_CN LANG=zh_CN.UTF-8 LC_ALL= "$stdtool" "$@" -C "$dir" claim-grant --org 91440300MA5FK2L751 \
		--format html -o "$form"
else
	run "$@" -C "$dir" claim-grant --org 91440300MA5FK2L751 --format html -o "$form"
fi
echo "(the application form is in $form)"
run "$@" -C "$dir" claim-grant --org 91440300MA5FK2L751 --file --format xml
echo
echo "# Claimed items are never paid twice:"
run "$@" -C "$dir" claim-grant --org 91440300MA5FK2L751

echo
echo "# A draft: start it from the GB/T skeleton, write it (here: the example"
echo "# text, committed with plain git as an editor would), check it, move it"
echo "# to the committee stage and render the 征求意见稿."
run "$@" -C "$dir" draft new gripper --profile gbt --title '服务机器人 末端执行器 通用技术条件' \
	--title-en 'Service robots — End effectors — General specification' \
	--number 'GB/T 45888—2026' --ics 25.040.30 --ccs J07 --committee 'SAC/TC 591' \
	--replaces 'GB/T 45888—2019'
run "$@" -C "$dir" draft validate gripper
cp "$here/draft-gripper.xml" "$dir/drafts/gripper/draft.xml"
echo
echo "\$ git -C $dir commit -am 'gripper: the first working draft'"
git -C "$dir" -c user.name='示例秘书处' -c user.email=secretariat@example.org \
	commit -q -am 'gripper: the first working draft'
run "$@" -C "$dir" draft validate gripper
run "$@" -C "$dir" draft stage gripper 征求意见稿
draft_html=$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")-draft.html
run "$@" -C "$dir" draft render gripper -o "$draft_html"
echo "(the 征求意见稿 is in $draft_html)"

echo
echo "# The comment round on the 征求意见稿: the units it went to, a comment"
echo "# typed in, the rest imported from the 意见汇总处理表 kept as a spreadsheet."
run "$@" -C "$dir" comments sent gripper 示例智能装备研究院 示例机器人科技有限公司 示例理工大学 示例感知技术有限公司 示例检测中心 示例大学
run "$@" -C "$dir" comments add gripper --by 示例检测中心 --clause 6.1 --type ed --text '试验条件中的温度宜写明允许偏差。'
run "$@" -C "$dir" comments import gripper "$here/comments-gripper.csv"
run "$@" -C "$dir" comments list gripper --open
echo
echo "# Open comments keep the draft at the committee stage:"
run "$@" -C "$dir" draft stage gripper 送审稿 || true
run "$@" -C "$dir" comments resolve gripper 1 --disposition accepted
run "$@" -C "$dir" comments resolve gripper 5 --disposition 部分采纳 --note '定义中写明力的方向为法向。'
run "$@" -C "$dir" comments resolve gripper 6 --disposition 采纳
run "$@" -C "$dir" comments resolve gripper 7 --disposition 未采纳 --note '示意图为资料性，尺寸见A.2。'
run "$@" -C "$dir" comments list gripper
comments_html=$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")-comments.html
run "$@" -C "$dir" comments table gripper -o "$comments_html"
echo "(the 意见汇总处理表 is in $comments_html)"

echo
echo "# The editor applies the accepted comments (here: ±10% becomes ±8%), and the"
echo "# redline shows what changed since the 征求意见稿."
sed 's/±10%/±8%/' "$dir/drafts/gripper/draft.xml" > "$dir/drafts/gripper/draft.xml.new"
mv "$dir/drafts/gripper/draft.xml.new" "$dir/drafts/gripper/draft.xml"
run "$@" -C "$dir" draft diff gripper --color never || [ $? = 1 ]
echo
echo "\$ git -C $dir commit -am 'gripper: comments of the 征求意见稿 applied'"
git -C "$dir" -c user.name='示例秘书处' -c user.email=secretariat@example.org \
	commit -q -am 'gripper: comments of the 征求意见稿 applied'
redline_html=$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")-redline.html
run "$@" -C "$dir" draft diff gripper 征求意见稿 HEAD --format html -o "$redline_html" || [ $? = 1 ]
echo "(the redline is in $redline_html)"
run "$@" -C "$dir" draft stage gripper 送审稿

echo
echo "# The committee reviews the 送审稿 by ballot; 报批稿 needs it approved."
closes=$(date -d '+30 days' +%Y-%m-%d 2>/dev/null || date +%Y-%m-%d)
run "$@" -C "$dir" ballot open gripper --type sac-review --closes "$closes" --members "$here/committee-members.csv"
for m in 委员甲 委员乙 委员丙 委员丁 委员戊; do
	run "$@" -C "$dir" ballot vote gripper --member "$m" --category member --vote yes
done
run "$@" -C "$dir" ballot vote gripper --member 委员己 --category member --vote no --reason '夹持力等级划分过粗。'
run "$@" -C "$dir" ballot close gripper
run "$@" -C "$dir" ballot show gripper
run "$@" -C "$dir" draft stage gripper 报批稿
run "$@" -C "$dir" draft list
run "$@" -C "$dir" draft log gripper
echo
echo "\$ git -C $dir tag -n1"
git -C "$dir" tag -n1
run "$@" -C "$dir" check
echo
echo "\$ git -C $dir log --oneline"
git -C "$dir" log --oneline
git -C "$dir" fsck --no-progress && echo "git fsck: clean"
