# tests/lib.sh: what the test scripts share.  Sourced, not run.
#
# A test runs in a fresh folder outside any Git repository, with a fixed
# identity, no user or system Git configuration, and English messages in a
# UTF-8 locale.  "stdtool" runs the program under test, under
# $STDTOOL_WRAPPER (valgrind, say) when that is set.

: "${STDTOOL:?run the tests through make check}"
: "${GIT:=$(command -v git)}"

test_setup_env() {
	HOME=$1
	XDG_CONFIG_HOME=$1/.config
	GIT_CONFIG_NOSYSTEM=1
	GIT_AUTHOR_NAME='Secretariat Tester'
	GIT_AUTHOR_EMAIL='tester@example.org'
	GIT_COMMITTER_NAME='Secretariat Tester'
	GIT_COMMITTER_EMAIL='tester@example.org'
	LANG=C.UTF-8
	LANGUAGE=
	LC_ALL=
	export HOME XDG_CONFIG_HOME GIT_CONFIG_NOSYSTEM GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL \
		GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL LANG LANGUAGE LC_ALL
	unset LC_MESSAGES LC_CTYPE GIT_DIR GIT_WORK_TREE STDTOOL_TEST_CRASH
}

stdtool() {
	$STDTOOL_WRAPPER "$STDTOOL" "$@"
}

# "command": a GIT of plain "git" must not call this function again.
git() {
	command "$GIT" "$@"
}

# Everything that makes up a repository's visible state: refs, HEAD, index
# and work tree (status), and every file by checksum but the object store
# and stdtool's derived cache (stdtool-cache/, rebuilt from the commits
# whenever it is missing or out of date, as git's own caches are).
repo_snapshot() {
	(
		cd "$1" || exit 1
		"$GIT" for-each-ref --format='%(refname) %(objectname)'
		"$GIT" symbolic-ref -q HEAD || "$GIT" rev-parse HEAD
		"$GIT" --no-optional-locks status --porcelain=v1 --untracked-files=all 2>&1
		find . -type f ! -path '*/objects/*' ! -path '*/stdtool-cache/*' | LC_ALL=C sort | while read -r f; do
			cksum "$f"
		done
	)
}

# Runs plain git fsck on every repository under a folder.
fsck_all() {
	find "$1" -type d -name objects | while read -r objects; do
		gitdir=$(dirname "$objects")
		[ -f "$gitdir/HEAD" ] && [ -d "$gitdir/refs" ] || continue
		if ! out=$("$GIT" --git-dir="$gitdir" fsck --no-progress 2>&1); then
			echo "git fsck failed in $gitdir:"
			echo "$out"
			exit 1
		fi
	done
}

# Prints N valid USCCs registered in Guangdong (region 440300).
make_usccs() {
	awk -v n="$1" -v start="${2:-0}" 'BEGIN {
		alpha = "0123456789ABCDEFGHJKLMNPQRTUWXY"
		split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ")
		split("3 7 9 10 5 8 4 2", ow, " ")
		for (k = start; k < start + n; k++) {
			body = sprintf("MA%06d", k)
			sum = 0
			for (i = 1; i <= 8; i++) {
				c = substr(body, i, 1)
				v = (c ~ /[0-9]/) ? c + 0 : index("ABCDEFGHIJKLMNOPQRSTUVWXYZ", c) + 9
				sum += v * ow[i]
			}
			chk = 11 - sum % 11
			oc = chk == 10 ? "X" : (chk == 11 ? "0" : chk "")
			code = "91440300" body oc
			sum = 0
			for (i = 1; i <= 17; i++)
				sum += (index(alpha, substr(code, i, 1)) - 1) * w[i]
			chk = 31 - sum % 31
			if (chk == 31) chk = 0
			print code substr(alpha, chk + 1, 1)
		}
	}'
}
