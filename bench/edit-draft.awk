# edit-draft.awk: a second version of a draft made by gen-draft.awk, with
# edits scattered evenly through it, for bench/diff.sh.  The file is read
# twice (the first pass finds what can be edited):
#
#   LC_ALL=C awk -v edits=300 -f bench/edit-draft.awk draft.xml draft.xml > edited.xml
#
# EDITS edits in all (default 300): about 80 % of them changed text (a word
# replaced, a number changed, words added, in paragraphs and term
# definitions), 10 % clauses inserted (a new leaf subclause after an
# existing one), 10 % leaf subclauses deleted, and one leaf subclause moved
# some way on, after another leaf subclause (so into another parent).
# The result is well-formed; it need not follow the drafting rules.
# Deterministic: -v seed=N (default 1) picks where the edits go.

function rnd() {
	RS_ = (RS_ * 16807) % 2147483647
	return RS_ / 2147483647
}

# Picks 'want' of the 'n' entries of 'list' (1-based), spread evenly, into 'set'.
function spread(list, n, want, set,    step, k, i) {
	if (want <= 0 || n <= 0)
		return 0
	if (want > n)
		want = n
	step = n / want
	for (k = 0; k < want; k++) {
		i = 1 + int(k * step + rnd() * step)
		if (i > n)
			i = n
		set[list[i]] = 1
	}
	return want
}

function edit_text(line,    kind) {
	kind = EDITED % 3
	EDITED++
	if (kind == 0 && sub(/的/, "之", line))
		return line
	if (kind <= 1 && match(line, /[0-9]+/)) {
		return substr(line, 1, RSTART - 1) (substr(line, RSTART, RLENGTH) + 7) \
		       substr(line, RSTART + RLENGTH)
	}
	if (sub(/<\/p>/, "，并在试验报告中注明</p>", line))
		return line
	sub(/<\/tbx:definition>/, "（已修订）</tbx:definition>", line)
	return line
}

BEGIN {
	if (edits == "")
		edits = 300
	RS_ = seed == "" ? 1 : seed
	RS_ = RS_ % 2147483647
	if (RS_ <= 0)
		RS_ = 1
}

# ---- pass 1: the lines that can be edited -----------------------------

FNR == NR {
	if ($0 ~ /<p>/ && $0 ~ /<\/p>/ || $0 ~ /<tbx:definition>.*<\/tbx:definition>/)
		TEXT[++NTEXT] = FNR
	if ($0 ~ /<body>/)
		BODY = 1
	if ($0 ~ /<\/body>/)
		BODY = 0
	if ($0 ~ /<sec[ >]/) {
		if (DEPTH > 0)
			LEAF[START[DEPTH]] = 0
		START[++DEPTH] = FNR
		LEAF[FNR] = BODY && $0 ~ /<sec id="sec-/
		if ($0 ~ /<\/sec>/) {
			DEPTH--
		}
		next
	}
	if ($0 ~ /<\/sec>/ && DEPTH > 0) {
		if (LEAF[START[DEPTH]])
			LEAVES[++NLEAVES] = START[DEPTH]
		DEPTH--
	}
	next
}

FNR == 1 {
	n_text = int(edits * 0.8)
	n_ins = int(edits * 0.1)
	n_del = edits - n_text - n_ins - 1
	spread(TEXT, NTEXT, n_text, CHANGE)
	# Leaves: every other for deletions, the others for insertions.
	for (i = 1; i <= NLEAVES; i++) {
		if (i % 2)
			ODD[++NODD] = LEAVES[i]
		else
			EVEN[++NEVEN] = LEAVES[i]
	}
	spread(ODD, NODD, n_del, DELETE)
	spread(EVEN, NEVEN, n_ins, INSERT)
	# The moved one: an odd leaf a quarter in, put after an even leaf
	# three quarters in.
	MOVE = ODD[int(NODD / 4) + 1]
	MOVE_AFTER = EVEN[int(NEVEN * 3 / 4) + 1]
	delete DELETE[MOVE]
}

# ---- pass 2: write the edited draft -------------------------------------

skipping {
	if ($0 ~ /<\/sec>/)
		skipping = 0
	next
}

holding {
	HELD = HELD "\n" $0
	if ($0 ~ /<\/sec>/)
		holding = 0
	next
}

FNR in DELETE {
	if ($0 !~ /<\/sec>/)
		skipping = 1
	next
}

FNR == MOVE {
	HELD = $0
	if ($0 !~ /<\/sec>/)
		holding = 1
	next
}

{
	line = $0
	if (FNR in CHANGE)
		line = edit_text(line)
	print line
	if (line ~ /<sec[ >]/ && (FNR in INSERT || FNR == MOVE_AFTER))
		PENDING[FNR] = 1
}

# After the closing line of a leaf picked for an insertion (or the move).
/<\/sec>/ {
	for (k in PENDING) {
		if (PENDING[k] && k in INSERT) {
			NEW++
			indent = $0
			sub(/<.*/, "", indent)
			print indent "<sec id=\"sec-new-" NEW "\">"
			print indent "  <title>新增条款" NEW "</title>"
			print indent "  <p>第" NEW "项新增要求：机器人的额定负载应在铭牌上标明。</p>"
			print indent "</sec>"
		}
		if (PENDING[k] && k == MOVE_AFTER && HELD != "") {
			print HELD
			HELD = ""
		}
		delete PENDING[k]
	}
}
