#!/bin/sh
# demo.sh: stdtool's main job on the bundled example data.  Creates a
# secretariat repository and registers the example organisations in it, one
# commit each, then shows the register, checks it and shows the history.
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

echo "== stdtool init $dir"
"$stdtool" "$@" init --name 示例标准化技术委员会秘书处 "$dir"

echo "== stdtool org add (examples/orgs.tsv)"
grep -v '^#' "$here/orgs.tsv" | while IFS='	' read -r uscc kind name name_en; do
	"$stdtool" "$@" -C "$dir" org add --uscc "$uscc" --kind "$kind" --name "$name" --name-en "$name_en"
done

echo "== stdtool org list"
"$stdtool" -C "$dir" org list

echo "== stdtool org show 91440300MA5FK2L751"
"$stdtool" -C "$dir" org show 91440300MA5FK2L751

echo "== stdtool check"
"$stdtool" -C "$dir" check

echo "== git log --oneline (plain Git sees one commit per change)"
git -C "$dir" log --oneline
git -C "$dir" fsck --no-progress && echo "git fsck: clean"
