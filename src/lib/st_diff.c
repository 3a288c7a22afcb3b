/*
 * st_diff.c: token diff of texts, and redlines of drafts unit by unit.
 *
 * A draft becomes an array of units in document order (pre-order), each
 * with its key, its parent, the index one past its last descendant, and
 * its own text normalised: runs of white space made one space, paragraph
 * breaks "\n", an empty cross reference "\x01RID\x02" (so that it compares
 * by what it points at, not by a number that a renumbering changes) and
 * an image "\x03HREF\x02".  Keys go into a hash table; matching is one
 * look-up per unit, and only units whose own texts differ byte for byte
 * are tokenised and diffed.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "st_diff.h"
#include "st_error.h"
#include "st_i18n.h"
#include "st_stage.h"
#include "st_text.h"
#include "st_xml.h"

#define NONE ((size_t)-1)
#define TITLE_CHARS 60

#define NS_TBX "urn:iso:std:iso:30042:ed-1"
#define NS_MATHML "http://www.w3.org/1998/Math/MathML"
#define NS_XLINK "http://www.w3.org/1999/xlink"

/* ------------------------------------------------------------------ */
/* Runs                                                                 */

void st_diff_runs_dispose(st_diff_runs *r)
{
	if (!r)
		return;
	free(r->runs);
	r->runs = NULL;
	r->n = r->alloc = 0;
	st_buf_dispose(&r->text);
}

/* Appends text to the last run when it has the same op, else starts one. */
static int runs_put(st_diff_runs *r, st_diff_op op, const char *s, size_t len)
{
	if (!len)
		return 0;
	if (r->n && r->runs[r->n - 1].op == op &&
	    r->runs[r->n - 1].off + r->runs[r->n - 1].len == r->text.size) {
		r->runs[r->n - 1].len += len;
	} else {
		if (st_array_grow(&r->runs, &r->alloc, r->n, sizeof(*r->runs)) < 0)
			return st_error_oom();
		r->runs[r->n].op = op;
		r->runs[r->n].off = r->text.size;
		r->runs[r->n].len = len;
		r->n++;
	}
	st_buf_put(&r->text, s, len);
	return st_buf_check(&r->text);
}

/* ------------------------------------------------------------------ */
/* Tokens                                                               */

struct tok {
	uint32_t hash;
	uint32_t off, len;   /* the token's bytes in its text */
	uint32_t key_len;    /* bytes compared: a placeholder compares by its id only */
	unsigned char space; /* white space came before it */
};

struct toks {
	const char *s;
	struct tok *t;
	size_t n, alloc;
};

static uint32_t decode(const unsigned char *p, size_t left, size_t *len)
{
	uint32_t c = p[0];

	if (c < 0x80 || left < 2) {
		*len = 1;
		return c;
	}
	if ((c & 0xE0) == 0xC0) {
		*len = 2;
		return ((c & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if ((c & 0xF0) == 0xE0 && left >= 3) {
		*len = 3;
		return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
	}
	if ((c & 0xF8) == 0xF0 && left >= 4) {
		*len = 4;
		return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
		       ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
	}
	*len = 1;
	return c;
}

/* Characters that are a token each: CJK, full-width forms, punctuation, symbols. */
static int single_char(uint32_t c)
{
	if (c < 0x80)
		return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			 (c >= 'A' && c <= 'Z') || c == '_');
	return (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
	       (c >= 0x1100 && c <= 0x11FF) ||      /* hangul jamo */
	       (c >= 0x2000 && c <= 0x2BFF) ||      /* punctuation, symbols, arrows, maths */
	       (c >= 0x2E80 && c <= 0xA4CF) ||      /* CJK radicals ... ideographs, yi */
	       (c >= 0xAC00 && c <= 0xD7AF) ||      /* hangul */
	       (c >= 0xF900 && c <= 0xFAFF) ||      /* compatibility ideographs */
	       (c >= 0xFE10 && c <= 0xFE6F) ||      /* vertical and small forms */
	       (c >= 0xFF00 && c <= 0xFFEF) ||      /* full-width forms */
	       (c >= 0x1F000 && c <= 0x1FAFF) ||    /* symbols, emoji */
	       (c >= 0x20000 && c <= 0x3FFFF);      /* ideographs, extensions B- */
}

static uint32_t hash_bytes(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static int toks_add(struct toks *t, size_t off, size_t len, size_t key_len, int space)
{
	struct tok *k;

	if (st_array_grow(&t->t, &t->alloc, t->n, sizeof(*t->t)) < 0)
		return st_error_oom();
	k = &t->t[t->n++];
	k->off = (uint32_t)off;
	k->len = (uint32_t)len;
	k->key_len = (uint32_t)key_len;
	k->space = (unsigned char)space;
	k->hash = hash_bytes(t->s + off, key_len);
	return 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int tokenize(struct toks *t, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;
	int space = 0, error;

	t->s = s;
	while (i < len) {
		uint32_t c;
		size_t start = i;

		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			space = 1;
			i++;
			continue;
		}
		if (s[i] == '\n') {
			if ((error = toks_add(t, i, 1, 1, 0)) < 0)
				return error;
			i++;
			space = 0;
			continue;
		}
		if (s[i] == '\x01' || s[i] == '\x03') {
			/* a placeholder: compared by its marker and id */
			const char *end = memchr(s + i, '\x02', len - i);
			size_t l = end ? (size_t)(end - (s + i)) + 1 : len - i;
			if ((error = toks_add(t, i, l, l, space)) < 0)
				return error;
			i += l;
			space = 0;
			continue;
		}
		c = decode(u + i, len - i, &n);
		if (single_char(c)) {
			i += n;
		} else {
			/* a word: letters, digits, and . or , between digits */
			while (i < len) {
				c = decode(u + i, len - i, &n);
				if (!single_char(c) && c != ' ') {
					i += n;
				} else if ((c == '.' || c == ',') && i > start && is_digit(s[i - 1]) &&
					   i + 1 < len && is_digit(s[i + 1])) {
					i += n;
				} else {
					break;
				}
			}
		}
		if ((error = toks_add(t, start, i - start, i - start, space)) < 0)
			return error;
		space = 0;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Myers' O(ND) diff with a middle snake, bounded as in git's xdiff     */

struct myers {
	const struct toks *a, *b;
	char *ca, *cb;       /* 1 where a token is deleted / inserted */
	long *kvdf, *kvdb;   /* furthest reaching paths, by diagonal */
	long mxcost;
};

static int tok_eq(const struct myers *m, long i, long j)
{
	const struct tok *x = &m->a->t[i], *y = &m->b->t[j];

	return x->hash == y->hash && x->key_len == y->key_len &&
	       memcmp(m->a->s + x->off, m->b->s + y->off, x->key_len) == 0;
}

/* Finds where to split a[off1, lim1) against b[off2, lim2) into two halves. */
static void split(struct myers *m, long off1, long lim1, long off2, long lim2,
		  long *s1, long *s2)
{
	long *kvdf = m->kvdf, *kvdb = m->kvdb;
	long dmin = off1 - lim2, dmax = lim1 - off2;
	long fmid = off1 - off2, bmid = lim1 - lim2;
	int odd = (int)((fmid - bmid) & 1);
	long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	long ec, d, i1, i2;

	kvdf[fmid] = off1;
	kvdb[bmid] = lim1;
	for (ec = 1;; ec++) {
		if (fmin > dmin)
			kvdf[--fmin - 1] = -1;
		else
			++fmin;
		if (fmax < dmax)
			kvdf[++fmax + 1] = -1;
		else
			--fmax;
		for (d = fmax; d >= fmin; d -= 2) {
			if (kvdf[d - 1] >= kvdf[d + 1])
				i1 = kvdf[d - 1] + 1;
			else
				i1 = kvdf[d + 1];
			i2 = i1 - d;
			while (i1 < lim1 && i2 < lim2 && tok_eq(m, i1, i2)) {
				i1++;
				i2++;
			}
			kvdf[d] = i1;
			if (odd && bmin <= d && d <= bmax && kvdb[d] <= i1) {
				*s1 = i1;
				*s2 = i2;
				return;
			}
		}
		if (bmin > dmin)
			kvdb[--bmin - 1] = LONG_MAX;
		else
			++bmin;
		if (bmax < dmax)
			kvdb[++bmax + 1] = LONG_MAX;
		else
			--bmax;
		for (d = bmax; d >= bmin; d -= 2) {
			if (kvdb[d - 1] < kvdb[d + 1])
				i1 = kvdb[d - 1];
			else
				i1 = kvdb[d + 1] - 1;
			i2 = i1 - d;
			while (i1 > off1 && i2 > off2 && tok_eq(m, i1 - 1, i2 - 1)) {
				i1--;
				i2--;
			}
			kvdb[d] = i1;
			if (!odd && fmin <= d && d <= fmax && i1 <= kvdf[d]) {
				*s1 = i1;
				*s2 = i2;
				return;
			}
		}
		if (ec >= m->mxcost) {
			/* Too costly: split at the furthest point either search reached. */
			long fbest = -1, fbest1 = off1, bbest = LONG_MAX, bbest1 = lim1;
			for (d = fmax; d >= fmin; d -= 2) {
				i1 = kvdf[d] < lim1 ? kvdf[d] : lim1;
				i2 = i1 - d;
				if (i2 > lim2) {
					i1 = lim2 + d;
					i2 = lim2;
				}
				if (fbest < i1 + i2) {
					fbest = i1 + i2;
					fbest1 = i1;
				}
			}
			for (d = bmax; d >= bmin; d -= 2) {
				i1 = kvdb[d] > off1 ? kvdb[d] : off1;
				i2 = i1 - d;
				if (i2 < off2) {
					i1 = off2 + d;
					i2 = off2;
				}
				if (i1 + i2 < bbest) {
					bbest = i1 + i2;
					bbest1 = i1;
				}
			}
			if ((lim1 + lim2) - bbest < fbest - (off1 + off2)) {
				*s1 = fbest1;
				*s2 = fbest - fbest1;
			} else {
				*s1 = bbest1;
				*s2 = bbest - bbest1;
			}
			return;
		}
	}
}

static void compare(struct myers *m, long off1, long lim1, long off2, long lim2)
{
	for (;;) {
		long s1, s2;

		while (off1 < lim1 && off2 < lim2 && tok_eq(m, off1, off2)) {
			off1++;
			off2++;
		}
		while (off1 < lim1 && off2 < lim2 && tok_eq(m, lim1 - 1, lim2 - 1)) {
			lim1--;
			lim2--;
		}
		if (off1 == lim1) {
			for (; off2 < lim2; off2++)
				m->cb[off2] = 1;
			return;
		}
		if (off2 == lim2) {
			for (; off1 < lim1; off1++)
				m->ca[off1] = 1;
			return;
		}
		split(m, off1, lim1, off2, lim2, &s1, &s2);
		/* A split at either end would not make progress: take one step. */
		if ((s1 == off1 && s2 == off2) || (s1 == lim1 && s2 == lim2)) {
			m->ca[off1] = 1;
			off1++;
			continue;
		}
		compare(m, off1, s1, off2, s2);
		off1 = s1;
		off2 = s2;
	}
}

/* Shows a placeholder as what it points at: 'resolve' gives the text. */
typedef const char *(*resolve_fn)(const char *id, size_t len, void *payload);

struct resolver {
	resolve_fn fn;
	void *payload;
};

static int put_token(st_diff_runs *out, st_diff_op op, const struct toks *t, size_t i,
		     int with_space, const struct resolver *r)
{
	const struct tok *k = &t->t[i];
	const char *s = t->s + k->off;
	int error;

	/* with_space: 1 as the token has it, 2 a space whatever it has */
	if (with_space && (k->space || with_space == 2) && (error = runs_put(out, op, " ", 1)) < 0)
		return error;
	if (s[0] == '\x01' || s[0] == '\x03') {
		size_t idlen = k->len >= 2 ? k->len - 2 : 0;
		const char *shown = s[0] == '\x01' && r && r->fn ? r->fn(s + 1, idlen, r->payload) : NULL;
		if (shown && *shown)
			return runs_put(out, op, shown, strlen(shown));
		if (s[0] == '\x03' && (error = runs_put(out, op, "[", 1)) < 0)
			return error;
		if ((error = runs_put(out, op, s + 1, idlen)) < 0)
			return error;
		return s[0] == '\x03' ? runs_put(out, op, "]", 1) : 0;
	}
	return runs_put(out, op, s, k->len);
}

/*
 * Writes the runs: equal tokens as B has them, each deletion before the
 * insertion that replaces it.  When every part of a change starts after a
 * space, that space goes before the change ("a [-b-]{+c+} d").
 */
static int emit_runs(st_diff_runs *out, const struct toks *a, const char *ca,
		     const struct toks *b, const char *cb,
		     const struct resolver *ra, const struct resolver *rb)
{
	size_t i = 0, j = 0, k;
	int error = 0;

	while (!error && (i < a->n || j < b->n)) {
		size_t i2 = i, j2 = j;
		while (i2 < a->n && ca[i2])
			i2++;
		while (j2 < b->n && cb[j2])
			j2++;
		if (i2 > i || j2 > j) {
			int lead = (i2 == i || a->t[i].space) && (j2 == j || b->t[j].space);
			/* not at the very start, nor right after a paragraph break */
			if (lead && out->n == 0)
				lead = 0;
			if (lead && out->text.size && out->text.ptr[out->text.size - 1] == '\n')
				lead = 0;
			if (lead)
				error = runs_put(out, ST_DIFF_SAME, " ", 1);
			for (k = i; !error && k < i2; k++)
				error = put_token(out, ST_DIFF_DELETED, a, k, k > i || !lead, ra);
			for (k = j; !error && k < j2; k++)
				error = put_token(out, ST_DIFF_INSERTED, b, k, k > j || !lead, rb);
			i = i2;
			j = j2;
			continue;
		}
		if (i < a->n && j < b->n) {
			/* B's spacing, or A's where a change before took B's away */
			int space = out->n == 0 ? 0 : (a->t[i].space && !b->t[j].space &&
				    out->runs[out->n - 1].op != ST_DIFF_SAME &&
				    out->text.ptr[out->text.size - 1] != ' ' &&
				    out->text.ptr[out->text.size - 1] != '\n') ? 2 : 1;
			error = put_token(out, ST_DIFF_SAME, b, j, space, rb);
			i++;
			j++;
		}
	}
	return error;
}

static int diff_tokens(st_diff_runs *out, const char *a, size_t alen, const char *b, size_t blen,
		       const struct resolver *ra, const struct resolver *rb)
{
	struct toks ta = { NULL, NULL, 0, 0 }, tb = { NULL, NULL, 0, 0 };
	struct myers m;
	long *kvd = NULL;
	size_t i, ndiags;
	int error, differ = 0;

	memset(&m, 0, sizeof(m));
	if ((error = tokenize(&ta, a, alen)) < 0 || (error = tokenize(&tb, b, blen)) < 0)
		goto done;
	m.a = &ta;
	m.b = &tb;
	ndiags = ta.n + tb.n + 3;
	m.ca = calloc(ta.n + 1, 1);
	m.cb = calloc(tb.n + 1, 1);
	kvd = malloc(2 * ndiags * sizeof(*kvd));
	if (!m.ca || !m.cb || !kvd) {
		error = st_error_oom();
		goto done;
	}
	m.kvdf = kvd + tb.n + 1;
	m.kvdb = kvd + ndiags + tb.n + 1;
	/*
	 * The bound on edit steps per split: xdiff takes the square root of
	 * the sizes, at least 256; a fixed 256 keeps a paragraph of 100,000
	 * characters rewritten from end to end linear in its size, and is
	 * exact for any text with fewer edits than that.
	 */
	m.mxcost = 256;
	compare(&m, 0, (long)ta.n, 0, (long)tb.n);
	for (i = 0; i < ta.n && !differ; i++)
		differ = m.ca[i];
	for (i = 0; i < tb.n && !differ; i++)
		differ = m.cb[i];
	if (out)
		error = emit_runs(out, &ta, m.ca, &tb, m.cb, ra, rb);
done:
	free(ta.t);
	free(tb.t);
	free(m.ca);
	free(m.cb);
	free(kvd);
	return error < 0 ? error : differ;
}

int st_diff_text(st_diff_runs *out, const char *a, size_t alen, const char *b, size_t blen)
{
	return diff_tokens(out, a, alen, b, blen, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Units                                                                */

struct unit {
	xmlNode *node;
	size_t key;          /* offset of the NUL-terminated key in 'keys' */
	size_t parent;       /* NONE for the document */
	size_t end;          /* one past its last descendant unit */
	size_t position;     /* 1, 2 ... among its parent's units */
	size_t text, len;    /* its own text in 'text' */
	size_t match;        /* the same unit in the other version, or NONE */
	int has_id;
};

struct version {
	xmlDoc *doc;
	st_profile profile;
	st_numbering *nb;
	struct unit *units;
	size_t n, alloc;
	st_buf keys;
	st_buf text;
	xmlHashTablePtr by_key;   /* key -> unit index + 1 */
	xmlHashTablePtr ids;      /* id -> first element with it, for cross references */
	xmlHashTablePtr counters; /* "PARENT-KEY/NAME" -> units so named without an id */
	st_buf scratch;
};

#define NAME_IS(n, s) (strcmp((const char *)(n)->name, (s)) == 0)

static int ns_is(const xmlNode *n, const char *href)
{
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, href) == 0;
}

/* The element kinds compared as units even without an id. */
static int unit_kind(const xmlNode *n)
{
	static const char *const names[] = {
		"sec", "app", "term-sec", "ref", "table-wrap", "fig", "disp-formula", "fn",
		"non-normative-note", "non-normative-example", "std-meta", "iso-meta",
		"nat-meta", "reg-meta", "std-doc-meta", "boxed-text", "fig-group",
		"table-wrap-group",
	};
	size_t i;

	if (n->ns)
		return ns_is(n, NS_TBX) && NAME_IS(n, "termEntry");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (NAME_IS(n, names[i]))
			return 1;
	return 0;
}

static int is_unit(const xmlNode *n)
{
	xmlAttr *a;

	if (n->type != XML_ELEMENT_NODE || ns_is(n, NS_MATHML))
		return 0;
	if (unit_kind(n))
		return 1;
	for (a = n->properties; a; a = a->next)
		if (!a->ns && strcmp((const char *)a->name, "id") == 0 && a->children &&
		    a->children->content && *a->children->content)
			return 1;
	return 0;
}

/* The element's name as the report gives it: "sec", "tbx:termEntry". */
static void element_name(st_buf *out, const xmlNode *n)
{
	if (ns_is(n, NS_TBX))
		st_buf_puts(out, "tbx:");
	else if (ns_is(n, NS_MATHML))
		st_buf_puts(out, "mml:");
	else if (n->ns && n->ns->prefix)
		st_buf_printf(out, "%s:", (const char *)n->ns->prefix);
	st_buf_puts(out, (const char *)n->name);
}

static const char *unit_key(const struct version *v, size_t u)
{
	return v->keys.ptr + v->units[u].key;
}

/* Gives unit 'u' its key: its id, or PARENT-KEY/NAME[N]. */
static int make_key(struct version *v, size_t u)
{
	struct unit *un = &v->units[u];
	xmlChar *id = xmlGetNoNsProp(un->node, (const xmlChar *)"id");
	size_t start = v->keys.size;
	int error = 0;

	un->key = start;
	if (id && *id && !xmlHashLookup(v->by_key, id)) {
		st_buf_puts(&v->keys, (const char *)id);
		un->has_id = 1;
	} else {
		/* No id, or one used already: a key from where it stands. */
		size_t count;
		if (un->parent != NONE) {
			/* The parent's key lives in the same buffer: make room first. */
			size_t poff = v->units[un->parent].key;
			size_t plen = strlen(v->keys.ptr + poff);
			if (st_buf_grow(&v->keys, plen) < 0) {
				error = st_error_oom();
				goto done;
			}
			st_buf_put(&v->keys, v->keys.ptr + poff, plen);
		}
		st_buf_putc(&v->keys, '/');
		element_name(&v->keys, un->node);
		if ((error = st_buf_check(&v->keys)) < 0)
			goto done;
		count = (size_t)(uintptr_t)xmlHashLookup(v->counters, (const xmlChar *)v->keys.ptr + start) + 1;
		if (xmlHashUpdateEntry(v->counters, (const xmlChar *)v->keys.ptr + start,
				       (void *)(uintptr_t)count, NULL) < 0) {
			error = st_error_oom();
			goto done;
		}
		st_buf_printf(&v->keys, "[%zu]", count);
	}
	st_buf_putc(&v->keys, '\0');
	if ((error = st_buf_check(&v->keys)) < 0)
		goto done;
	/* A made key that an id happens to spell too: make it unique. */
	while (xmlHashLookup(v->by_key, (const xmlChar *)v->keys.ptr + start)) {
		v->keys.size--;
		st_buf_putc(&v->keys, '\'');
		st_buf_putc(&v->keys, '\0');
		if ((error = st_buf_check(&v->keys)) < 0)
			goto done;
	}
	if (xmlHashAddEntry(v->by_key, (const xmlChar *)v->keys.ptr + start,
			    (void *)(uintptr_t)(u + 1)) < 0)
		error = st_error_oom();
	if (!error && id && *id && !xmlHashLookup(v->ids, id) &&
	    xmlHashAddEntry(v->ids, id, un->node) < 0)
		error = st_error_oom();
done:
	xmlFree(id);
	return error;
}

static int add_unit(struct version *v, xmlNode *node, size_t parent, size_t position)
{
	struct unit *un;

	if (st_array_grow(&v->units, &v->alloc, v->n, sizeof(*v->units)) < 0)
		return st_error_oom();
	un = &v->units[v->n++];
	memset(un, 0, sizeof(*un));
	un->node = node;
	un->parent = parent;
	un->position = position;
	un->match = NONE;
	return make_key(v, v->n - 1);
}

/* Records every unit below 'node' (whose unit is 'parent'), in document order. */
static int collect(struct version *v, xmlNode *node, size_t parent, size_t *position)
{
	xmlNode *c;
	int error;

	for (c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_unit(c)) {
			size_t u = v->n, inner = 0;
			if ((error = add_unit(v, c, parent, ++*position)) < 0 ||
			    (error = collect(v, c, u, &inner)) < 0)
				return error;
			v->units[u].end = v->n;
		} else if ((error = collect(v, c, parent, position)) < 0) {
			return error;
		}
	}
	return 0;
}

/* ---- own text --------------------------------------------------------- */

/* Elements that flow within a line of text; all others are paragraphs. */
static int inline_element(const xmlNode *n)
{
	static const char *const names[] = {
		"abbrev", "bold", "email", "ext-link", "fn", "inline-formula", "inline-graphic",
		"italic", "monospace", "named-content", "overline", "private-char", "roman",
		"sans-serif", "sc", "std", "std-ref", "strike", "styled-content", "sub", "sup",
		"target", "underline", "uri", "x", "xref", "break", "tex-math",
	};
	size_t i;

	const xmlNode *up = n->parent;

	if (ns_is(n, NS_MATHML))
		return 1;
	/* The parts of a reference entry (number, title, authors, year) run on. */
	if (up && up->type == XML_ELEMENT_NODE && !up->ns &&
	    (NAME_IS(up, "std") || NAME_IS(up, "mixed-citation") || NAME_IS(up, "element-citation")))
		return 1;
	if (ns_is(n, NS_TBX))
		return NAME_IS(n, "entailedTerm") || NAME_IS(n, "hi");
	if (n->ns)
		return 0;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (NAME_IS(n, names[i]))
			return 1;
	return 0;
}

struct gather {
	struct version *v;
	st_buf *out;
	size_t start;         /* where this text starts in 'out' */
	size_t next;          /* the unit the next unit element met is */
	int folded;           /* take in units inside that have no match */
	int space, brk;       /* pending white space, pending paragraph break */
	int cells;            /* cells met so far in the current table row */
	int in_cell;          /* inside a table cell: its paragraphs run on */
	const char *prefix;   /* a number to write before the next text */
	st_buf prefix_buf;
};

static void g_start(struct gather *g)
{
	if (g->out->size > g->start && g->brk)
		st_buf_putc(g->out, '\n');
	else if (g->out->size > g->start && g->space && g->out->ptr[g->out->size - 1] != '\n')
		st_buf_putc(g->out, ' ');
	g->brk = g->space = 0;
	if (g->prefix) {
		st_buf_puts(g->out, g->prefix);
		st_buf_putc(g->out, ' ');
		g->prefix = NULL;
	}
}

static void g_text(struct gather *g, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		const unsigned char *q = p;
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			g->space = 1;
			p++;
			continue;
		}
		/* U+3000 IDEOGRAPHIC SPACE separates words too */
		if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
			g->space = 1;
			p += 3;
			continue;
		}
		g_start(g);
		while (*q && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r' &&
		       !(q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80))
			q++;
		st_buf_put(g->out, (const char *)p, (size_t)(q - p));
		p = q;
	}
}

/* The label a unit is shown with in a folded text: its number in the report. */
static void unit_display_label(st_buf *out, const struct version *v, size_t u);

/* Passes over the units inside 'skipped', an element whose text is left out. */
static void g_skip(struct gather *g, const xmlNode *skipped)
{
	while (g->next < g->v->n) {
		const xmlNode *n = g->v->units[g->next].node;
		while (n && n != skipped)
			n = n->parent;
		if (!n)
			return;
		g->next = g->v->units[g->next].end;
	}
}

static void g_walk(struct gather *g, xmlNode *parent)
{
	xmlNode *c;

	for (c = parent->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				g_text(g, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_unit(c)) {
			size_t u = g->next;
			const struct unit *un = &g->v->units[u];
			if (u >= g->v->n || un->node != c) {
				g->next = g->v->n; /* cannot happen: the walks agree */
				continue;
			}
			g->brk = 1;
			if (!g->folded || un->match != NONE) {
				g->next = un->end;
				continue;
			}
			g->next = u + 1;
			st_buf_clear(&g->prefix_buf);
			unit_display_label(&g->prefix_buf, g->v, u);
			g->prefix = g->prefix_buf.size && !st_buf_failed(&g->prefix_buf) ?
				    g->prefix_buf.ptr : NULL;
			g_walk(g, c);
			g->prefix = NULL;
			g->brk = 1;
			continue;
		}
		if (!c->ns && NAME_IS(c, "label")) {
			g_skip(g, c); /* numbers typed by hand: the computed ones count */
			continue;
		}
		if (!c->ns && NAME_IS(c, "xref") && !c->children) {
			xmlChar *rid = xmlGetNoNsProp(c, (const xmlChar *)"rid");
			if (rid && *rid) {
				g_start(g);
				st_buf_putc(g->out, '\x01');
				st_buf_puts(g->out, (const char *)rid);
				st_buf_putc(g->out, '\x02');
			}
			xmlFree(rid);
			continue;
		}
		if (!c->ns && (NAME_IS(c, "graphic") || NAME_IS(c, "inline-graphic"))) {
			xmlChar *href = xmlGetNsProp(c, (const xmlChar *)"href", (const xmlChar *)NS_XLINK);
			if (href && *href) {
				if (NAME_IS(c, "graphic"))
					g->brk = 1;
				g_start(g);
				st_buf_putc(g->out, '\x03');
				st_buf_puts(g->out, (const char *)href);
				st_buf_putc(g->out, '\x02');
			}
			xmlFree(href);
			g_skip(g, c);
			continue;
		}
		if (c->type == XML_ELEMENT_NODE && NAME_IS(c, "break") && !c->ns) {
			g->space = 1;
			continue;
		}
		if (!c->ns && (NAME_IS(c, "td") || NAME_IS(c, "th"))) {
			/* A row is one paragraph, its cells parted by " | ". */
			if (g->cells++ > 0) {
				g->space = 1;
				g_text(g, "|");
				g->space = 1;
			}
			g->in_cell++;
			g_walk(g, c);
			g->in_cell--;
		} else if (!c->ns && NAME_IS(c, "tr") && !g->in_cell) {
			int cells = g->cells;
			g->brk = 1;
			g->cells = 0;
			g_walk(g, c);
			g->cells = cells;
			g->brk = 1;
		} else if (inline_element(c)) {
			g_walk(g, c);
		} else if (g->in_cell) {
			g->space = 1;
			g_walk(g, c);
			g->space = 1;
		} else {
			g->brk = 1;
			g_walk(g, c);
			g->brk = 1;
		}
	}
}

/* Appends the own text of unit 'u' (with its new descendants when 'folded'). */
static int own_text(st_buf *out, struct version *v, size_t u, int folded)
{
	struct gather g;
	int error;

	memset(&g, 0, sizeof(g));
	g.v = v;
	g.out = out;
	g.start = out->size;
	g.next = u + 1;
	g.folded = folded;
	st_buf_init(&g.prefix_buf);
	g_walk(&g, v->units[u].node);
	error = st_buf_check(&g.prefix_buf);
	st_buf_dispose(&g.prefix_buf);
	return error < 0 ? error : st_buf_check(out);
}

static int version_load(struct version *v, xmlDoc *doc, st_profile profile)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	size_t i, position = 0;
	int error;

	memset(v, 0, sizeof(*v));
	st_buf_init(&v->keys);
	st_buf_init(&v->text);
	st_buf_init(&v->scratch);
	v->doc = doc;
	v->profile = profile != ST_PROFILE_NONE ? profile : st_draft_profile_of(doc);
	if (!root)
		return st_error_set(ST_EINVALID, _("the document has no root element"));
	v->by_key = xmlHashCreate(1024);
	v->ids = xmlHashCreate(1024);
	v->counters = xmlHashCreate(256);
	if (!v->by_key || !v->ids || !v->counters)
		return st_error_oom();
	if ((error = st_numbering_compute(&v->nb, doc, v->profile)) < 0)
		return error;
	/* The document itself is unit 0, whatever its root is called. */
	if (st_array_grow(&v->units, &v->alloc, 0, sizeof(*v->units)) < 0)
		return st_error_oom();
	memset(&v->units[0], 0, sizeof(v->units[0]));
	v->units[0].node = root;
	v->units[0].parent = NONE;
	v->units[0].match = NONE;
	v->n = 1;
	st_buf_putc(&v->keys, '\0');
	if ((error = st_buf_check(&v->keys)) < 0)
		return error;
	if ((error = collect(v, root, 0, &position)) < 0)
		return error;
	v->units[0].end = v->n;
	for (i = 0; i < v->n; i++) {
		v->units[i].text = v->text.size;
		if ((error = own_text(&v->text, v, i, 0)) < 0)
			return error;
		v->units[i].len = v->text.size - v->units[i].text;
	}
	return 0;
}

static void version_dispose(struct version *v)
{
	st_numbering_free(v->nb);
	free(v->units);
	st_buf_dispose(&v->keys);
	st_buf_dispose(&v->text);
	st_buf_dispose(&v->scratch);
	if (v->by_key)
		xmlHashFree(v->by_key, NULL);
	if (v->ids)
		xmlHashFree(v->ids, NULL);
	if (v->counters)
		xmlHashFree(v->counters, NULL);
}

/* ---- numbers and titles ----------------------------------------------- */

static const char *unit_number(const struct version *v, size_t u, enum st_num_kind *kind)
{
	const char *label;

	*kind = 0;
	label = st_numbering_label(v->nb, v->units[u].node, kind, NULL);
	/* A term entry is known by the number of its term-sec. */
	if (!label && ns_is(v->units[u].node, NS_TBX) && v->units[u].parent != NONE)
		label = st_numbering_label(v->nb, v->units[v->units[u].parent].node, kind, NULL);
	return label ? label : "";
}

static void unit_display_label(st_buf *out, const struct version *v, size_t u)
{
	enum st_num_kind kind;
	const char *number = unit_number(v, u, &kind);

	if (!*number && kind != ST_NUM_NOTE && kind != ST_NUM_EXAMPLE && kind != ST_NUM_NORMREF)
		return;
	/* A clause shows as its bare number, as in a heading. */
	if (kind == ST_NUM_CLAUSE)
		st_buf_puts(out, number);
	else
		st_numbering_words(out, v->profile, kind, number, v->units[u].node);
}

static xmlNode *first_child(const xmlNode *n, const char *name, const char *ns)
{
	xmlNode *c;

	for (c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && NAME_IS(c, name) &&
		    (ns ? ns_is(c, ns) : c->ns == NULL))
			return c;
	return NULL;
}

static xmlNode *first_descendant(const xmlNode *n, const char *name, const char *ns)
{
	xmlNode *c, *found;

	for (c = n ? n->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (NAME_IS(c, name) && (ns ? ns_is(c, ns) : c->ns == NULL))
			return c;
		if ((found = first_descendant(c, name, ns)))
			return found;
	}
	return NULL;
}

/* Copies at most TITLE_CHARS characters of 'text', placeholders shown as ids. */
static char *shorten(const char *text, size_t len)
{
	st_buf out = ST_BUF_INIT;
	size_t i = 0, chars = 0;

	while (i < len && chars < TITLE_CHARS) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n') {
			st_buf_putc(&out, ' ');
			i++;
		} else if (c == '\x01' || c == '\x03' || c == '\x02') {
			i++;
			continue;
		} else {
			size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
			if (i + n > len)
				break;
			st_buf_put(&out, text + i, n);
			i += n;
		}
		chars++;
	}
	while (i < len && (text[i] == '\x02'))
		i++;
	if (i < len)
		st_buf_puts(&out, "…");
	if (st_buf_check(&out) < 0) {
		st_buf_dispose(&out);
		return NULL;
	}
	if (!out.size) {
		st_buf_dispose(&out);
		return strdup("");
	}
	return st_buf_detach(&out);
}

static char *unit_title(struct version *v, size_t u)
{
	const xmlNode *n = v->units[u].node, *t = NULL;
	st_buf *s = &v->scratch;
	struct gather g;

	if (u == 0)
		return strdup("");
	if (!n->ns && (NAME_IS(n, "sec") || NAME_IS(n, "app") || NAME_IS(n, "ref-list") ||
		       NAME_IS(n, "boxed-text")))
		t = first_child(n, "title", NULL);
	else if (!n->ns && (NAME_IS(n, "table-wrap") || NAME_IS(n, "fig") ||
			    NAME_IS(n, "fig-group") || NAME_IS(n, "table-wrap-group"))) {
		const xmlNode *caption = first_child(n, "caption", NULL);
		t = first_child(caption, "title", NULL);
		if (!t)
			t = caption;
	} else if (!n->ns && NAME_IS(n, "term-sec"))
		t = first_descendant(n, "term", NS_TBX);
	else if (ns_is(n, NS_TBX))
		t = first_descendant(n, "term", NS_TBX);
	else if (!n->ns && (NAME_IS(n, "std-meta") || NAME_IS(n, "iso-meta") ||
			    NAME_IS(n, "nat-meta") || NAME_IS(n, "reg-meta") || NAME_IS(n, "std-doc-meta")))
		t = first_descendant(first_child(n, "title-wrap", NULL), "main", NULL);
	else if (!n->ns && NAME_IS(n, "ref")) {
		/* A normative reference is named by its std-ref already: its title. */
		enum st_num_kind kind = 0;
		if (st_numbering_label(v->nb, n, &kind, NULL) && kind == ST_NUM_NORMREF)
			t = first_descendant(first_descendant(n, "std", NULL), "title", NULL);
	}
	st_buf_clear(s);
	if (t) {
		memset(&g, 0, sizeof(g));
		g.v = v;
		g.out = s;
		g.start = s->size;
		g.next = v->n; /* units inside a title are read as text */
		st_buf_init(&g.prefix_buf);
		g_walk(&g, (xmlNode *)t);
		st_buf_dispose(&g.prefix_buf);
		if (st_buf_check(s) < 0)
			return NULL;
		return shorten(s->ptr, s->size);
	}
	/* Notes, examples, footnotes, references: their first words. */
	return shorten(v->text.ptr + v->units[u].text, v->units[u].len);
}

/* ---- cross references shown as the reader sees them ------------------- */

struct xref_ctx {
	struct version *v;
	st_buf shown;
	char id[512];
};

static const char *resolve_xref(const char *id, size_t len, void *payload)
{
	struct xref_ctx *x = payload;
	xmlNode *target;

	if (len >= sizeof(x->id))
		return NULL;
	memcpy(x->id, id, len);
	x->id[len] = '\0';
	if (!(target = xmlHashLookup(x->v->ids, (const xmlChar *)x->id)))
		return NULL;
	st_buf_clear(&x->shown);
	if (st_numbering_ref_text(&x->shown, x->v->nb, target) < 0 || !x->shown.size)
		return NULL;
	return x->shown.ptr;
}

/* ------------------------------------------------------------------ */
/* Comparing                                                            */

static void side_free(st_change_side *s)
{
	free(s->number);
	free(s->label);
	free(s->title);
	free(s->parent);
}

static void attrs_free(st_attr_change *attrs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(attrs[i].name);
		free(attrs[i].from);
		free(attrs[i].to);
	}
	free(attrs);
}

/* The attribute of 'n' named as 'like' is (same namespace, same name). */
static xmlAttr *same_attr(const xmlNode *n, const xmlAttr *like)
{
	xmlAttr *a;

	for (a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, (const char *)like->name) != 0)
			continue;
		if (!a->ns && !like->ns)
			return a;
		if (a->ns && like->ns && a->ns->href && like->ns->href &&
		    strcmp((const char *)a->ns->href, (const char *)like->ns->href) == 0)
			return a;
	}
	return NULL;
}

static int is_id_attr(const xmlAttr *a)
{
	return !a->ns && strcmp((const char *)a->name, "id") == 0;
}

static int add_attr_change(st_attr_change **out, size_t *n, size_t *alloc, const xmlAttr *from,
			   const xmlAttr *to)
{
	const xmlAttr *any = from ? from : to;
	st_attr_change *c;
	st_buf name = ST_BUF_INIT;
	xmlChar *f = from ? xmlNodeListGetString(from->doc, from->children, 1) : NULL;
	xmlChar *t = to ? xmlNodeListGetString(to->doc, to->children, 1) : NULL;
	int error = 0;

	if (f && t && strcmp((const char *)f, (const char *)t) == 0)
		goto done;
	if (any->ns && any->ns->prefix)
		st_buf_printf(&name, "%s:", (const char *)any->ns->prefix);
	st_buf_puts(&name, (const char *)any->name);
	if (st_buf_check(&name) < 0 || st_array_grow(out, alloc, *n, sizeof(**out)) < 0) {
		error = st_error_oom();
		goto done;
	}
	c = &(*out)[(*n)++];
	c->name = st_buf_detach(&name);
	c->from = f ? strdup((const char *)f) : NULL;
	c->to = t ? strdup((const char *)t) : NULL;
	if (!c->name || (f && !c->from) || (t && !c->to))
		error = st_error_oom();
done:
	st_buf_dispose(&name);
	xmlFree(f);
	xmlFree(t);
	return error;
}

/*
 * The attributes of 'a' and 'b' (the same element in two versions) that
 * differ, the id aside: those of 'a' in their order, then those new in 'b'.
 */
static int attr_changes(st_attr_change **out, size_t *n, const xmlNode *a, const xmlNode *b)
{
	const xmlAttr *x;
	size_t alloc = 0;
	int error = 0;

	*out = NULL;
	*n = 0;
	for (x = a->properties; x && !error; x = x->next)
		if (!is_id_attr(x))
			error = add_attr_change(out, n, &alloc, x, same_attr(b, x));
	for (x = b->properties; x && !error; x = x->next)
		if (!is_id_attr(x) && !same_attr(a, x))
			error = add_attr_change(out, n, &alloc, NULL, x);
	if (error) {
		attrs_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return error;
}

void st_draft_diff_free(st_draft_diff *diff)
{
	size_t i;

	if (!diff)
		return;
	for (i = 0; i < diff->n; i++) {
		st_change *c = &diff->changes[i];
		free(c->element);
		free(c->id);
		free(c->key);
		side_free(&c->from);
		side_free(&c->to);
		attrs_free(c->attrs, c->nattrs);
		st_diff_runs_dispose(&c->text);
	}
	free(diff->changes);
	free(diff);
}

static int fill_side(st_change_side *s, struct version *v, size_t u)
{
	st_buf label = ST_BUF_INIT;
	enum st_num_kind kind;
	const char *number = unit_number(v, u, &kind);

	s->present = 1;
	unit_display_label(&label, v, u);
	if (st_buf_check(&label) < 0)
		return st_error_oom();
	s->label = st_buf_detach(&label);
	s->number = strdup(number);
	s->title = unit_title(v, u);
	s->parent = strdup(v->units[u].parent == NONE ? "" : unit_key(v, v->units[u].parent));
	s->position = v->units[u].position;
	if (!s->label || !s->number || !s->title || !s->parent)
		return st_error_oom();
	return 0;
}

/* Orders the report: by place in TO, a deletion just after the unit it followed. */
struct slot {
	size_t rank;    /* 2 * TO index, + 1 for a deletion after it */
	size_t sub;     /* FROM index, to keep deletions in their order */
	size_t change;
};

static int slot_cmp(const void *x, const void *y)
{
	const struct slot *a = x, *b = y;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->sub < b->sub ? -1 : a->sub > b->sub;
}

static st_change *new_change(st_draft_diff *d, st_change_type type, struct version *v, size_t u)
{
	st_change *c;
	st_buf name = ST_BUF_INIT;
	xmlChar *id;

	if (st_array_grow(&d->changes, &d->alloc, d->n, sizeof(*d->changes)) < 0)
		return NULL;
	c = &d->changes[d->n];
	memset(c, 0, sizeof(*c));
	st_buf_init(&c->text.text);
	c->type = type;
	element_name(&name, v->units[u].node);
	if (st_buf_check(&name) < 0) {
		st_buf_dispose(&name);
		return NULL;
	}
	c->element = st_buf_detach(&name);
	c->key = strdup(unit_key(v, u));
	if (v->units[u].has_id) {
		id = xmlGetNoNsProp(v->units[u].node, (const xmlChar *)"id");
		c->id = id ? strdup((const char *)id) : NULL;
		xmlFree(id);
		if (!c->id) {
			free(c->element);
			free(c->key);
			return NULL;
		}
	}
	if (!c->element || !c->key) {
		free(c->element);
		free(c->key);
		free(c->id);
		return NULL;
	}
	d->n++;
	return c;
}

/* The whole text of a unit new (or gone) with what is new inside it, as one run. */
static int folded_text(st_change *c, struct version *v, size_t u, st_diff_op op)
{
	st_buf raw = ST_BUF_INIT;
	struct xref_ctx x;
	struct resolver r;
	struct toks t = { NULL, NULL, 0, 0 };
	size_t i;
	int error;

	memset(&x, 0, sizeof(x));
	x.v = v;
	st_buf_init(&x.shown);
	r.fn = resolve_xref;
	r.payload = &x;
	if ((error = own_text(&raw, v, u, 1)) < 0 || (error = tokenize(&t, raw.ptr, raw.size)) < 0)
		goto done;
	for (i = 0; i < t.n && !error; i++)
		error = put_token(&c->text, op, &t, i, i > 0, &r);
done:
	free(t.t);
	st_buf_dispose(&raw);
	st_buf_dispose(&x.shown);
	return error;
}

/* Marks in 'moved' the children of one parent that are out of order: those off an LIS. */
static int out_of_order(const size_t *from_pos, size_t n, char *moved)
{
	size_t *tails = NULL, *prev = NULL, len = 0, i, k;
	int error = 0;

	if (n < 2)
		return 0;
	tails = malloc(n * sizeof(*tails));
	prev = malloc(n * sizeof(*prev));
	if (!tails || !prev) {
		error = st_error_oom();
		goto done;
	}
	for (i = 0; i < n; i++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (from_pos[tails[mid]] < from_pos[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tails[lo - 1] : NONE;
		tails[lo] = i;
		if (lo == len)
			len++;
	}
	for (i = 0; i < n; i++)
		moved[i] = 1;
	for (k = len ? tails[len - 1] : NONE; k != NONE; k = prev[k])
		moved[k] = 0;
done:
	free(tails);
	free(prev);
	return error;
}

int st_draft_diff_compute(st_draft_diff **out, xmlDoc *from_doc, st_profile from_profile,
			  xmlDoc *to_doc, st_profile to_profile)
{
	struct version a, b;
	st_draft_diff *d = NULL;
	struct slot *slots = NULL;
	size_t *del_rank = NULL, *kids = NULL, *from_pos = NULL;
	char *reordered = NULL, *is_moved = NULL;
	struct xref_ctx xa, xb;
	struct resolver ra, rb;
	size_t i, j, u;
	int error;

	*out = NULL;
	memset(&xa, 0, sizeof(xa));
	memset(&xb, 0, sizeof(xb));
	st_buf_init(&xa.shown);
	st_buf_init(&xb.shown);
	if ((error = version_load(&a, from_doc, from_profile)) < 0) {
		memset(&b, 0, sizeof(b));
		goto done;
	}
	if ((error = version_load(&b, to_doc, to_profile)) < 0)
		goto done;
	xa.v = &a;
	xb.v = &b;
	ra.fn = rb.fn = resolve_xref;
	ra.payload = &xa;
	rb.payload = &xb;
	if (!(d = calloc(1, sizeof(*d)))) {
		error = st_error_oom();
		goto done;
	}
	d->units_from = a.n;
	d->units_to = b.n;

	/* Match by key; the documents always match. */
	a.units[0].match = 0;
	b.units[0].match = 0;
	for (u = 1; u < b.n; u++) {
		size_t hit = (size_t)(uintptr_t)xmlHashLookup(a.by_key, (const xmlChar *)unit_key(&b, u));
		if (hit > 1) {
			b.units[u].match = hit - 1;
			a.units[hit - 1].match = u;
		}
	}

	/* Out of order among siblings that stayed in the same parent: not on an LIS. */
	is_moved = calloc(b.n, 1);
	kids = malloc(b.n * sizeof(*kids));
	from_pos = malloc(b.n * sizeof(*from_pos));
	reordered = malloc(b.n);
	if (!is_moved || !kids || !from_pos || !reordered) {
		error = st_error_oom();
		goto done;
	}
	for (u = 0; u < b.n; u++) {
		size_t n = 0, c;
		if (b.units[u].match == NONE)
			continue;
		for (c = u + 1; c < b.units[u].end; c = b.units[c].end) {
			size_t m = b.units[c].match;
			if (m == NONE)
				continue;
			if (a.units[m].parent != b.units[u].match) {
				is_moved[c] = 2; /* another parent */
				continue;
			}
			kids[n] = c;
			from_pos[n] = m;
			n++;
		}
		if ((error = out_of_order(from_pos, n, reordered)) < 0)
			goto done;
		for (j = 0; n >= 2 && j < n; j++)
			if (reordered[j])
				is_moved[kids[j]] = 1;
	}
	/* Units whose parent is new were moved there (is_moved 2 above only sees matched parents). */
	for (u = 1; u < b.n; u++)
		if (b.units[u].match != NONE && b.units[b.units[u].parent].match == NONE)
			is_moved[u] = 2;

	/* The report, in TO's order. */
	slots = malloc((a.n + b.n) * sizeof(*slots));
	del_rank = malloc(a.n * sizeof(*del_rank));
	if (!slots || !del_rank) {
		error = st_error_oom();
		goto done;
	}
	for (u = 0; u < b.n; u++) {
		struct unit *t = &b.units[u];
		st_change *c = NULL;
		if (t->match == NONE) {
			if (b.units[t->parent].match == NONE)
				continue; /* inside a unit that is new as a whole */
			if (!(c = new_change(d, ST_CHANGE_INSERTED, &b, u))) {
				error = st_error_oom();
				goto done;
			}
			d->inserted++;
			if ((error = fill_side(&c->to, &b, u)) < 0 ||
			    (error = folded_text(c, &b, u, ST_DIFF_INSERTED)) < 0)
				goto done;
		} else {
			struct unit *f = &a.units[t->match];
			int text_changed = 0;
			st_diff_runs runs = ST_DIFF_RUNS_INIT;
			st_attr_change *attrs = NULL;
			size_t nattrs = 0;
			if (f->len != t->len || memcmp(a.text.ptr + f->text, b.text.ptr + t->text, t->len) != 0) {
				text_changed = diff_tokens(&runs, a.text.ptr + f->text, f->len,
							   b.text.ptr + t->text, t->len, &ra, &rb);
				if (text_changed < 0) {
					error = text_changed;
					st_diff_runs_dispose(&runs);
					goto done;
				}
			}
			if ((error = attr_changes(&attrs, &nattrs, f->node, t->node)) < 0) {
				st_diff_runs_dispose(&runs);
				goto done;
			}
			if (!text_changed && !nattrs && !is_moved[u]) {
				st_diff_runs_dispose(&runs);
				continue;
			}
			if (!(c = new_change(d, is_moved[u] ? ST_CHANGE_MOVED : ST_CHANGE_CHANGED, &b, u))) {
				st_diff_runs_dispose(&runs);
				attrs_free(attrs, nattrs);
				error = st_error_oom();
				goto done;
			}
			c->attrs = attrs;
			c->nattrs = nattrs;
			if (is_moved[u]) {
				d->moved++;
				c->text_changed = text_changed;
				c->parent_changed = is_moved[u] == 2;
			} else {
				d->changed++;
			}
			if (text_changed)
				c->text = runs;
			else
				st_diff_runs_dispose(&runs);
			if ((error = fill_side(&c->from, &a, t->match)) < 0 ||
			    (error = fill_side(&c->to, &b, u)) < 0)
				goto done;
		}
		slots[d->n - 1].rank = 2 * u;
		slots[d->n - 1].sub = 0;
		slots[d->n - 1].change = d->n - 1;
	}
	/*
	 * A deletion goes where it was: after the last sibling before it that
	 * kept its place (after all that is inside that one), else first in
	 * its parent.  One pass over each parent's children.
	 */
	for (u = 0; u < a.n; u++) {
		size_t c, rank;
		if (a.units[u].match == NONE)
			continue;
		rank = 2 * a.units[u].match + 1;
		for (c = u + 1; c < a.units[u].end; c = a.units[c].end) {
			size_t m = a.units[c].match;
			if (m == NONE)
				del_rank[c] = rank;
			else if (!is_moved[m])
				rank = 2 * (b.units[m].end - 1) + 1;
		}
	}
	for (u = 1; u < a.n; u++) {
		struct unit *f = &a.units[u];
		st_change *c;
		if (f->match != NONE || a.units[f->parent].match == NONE)
			continue;
		if (!(c = new_change(d, ST_CHANGE_DELETED, &a, u))) {
			error = st_error_oom();
			goto done;
		}
		d->deleted++;
		if ((error = fill_side(&c->from, &a, u)) < 0 ||
		    (error = folded_text(c, &a, u, ST_DIFF_DELETED)) < 0)
			goto done;
		slots[d->n - 1].rank = del_rank[u];
		slots[d->n - 1].sub = u;
		slots[d->n - 1].change = d->n - 1;
	}
	qsort(slots, d->n, sizeof(*slots), slot_cmp);
	{
		st_change *sorted = malloc((d->n ? d->n : 1) * sizeof(*sorted));
		if (!sorted) {
			error = st_error_oom();
			goto done;
		}
		for (i = 0; i < d->n; i++)
			sorted[i] = d->changes[slots[i].change];
		free(d->changes);
		d->changes = sorted;
		d->alloc = d->n ? d->n : 1;
	}
	*out = d;
	d = NULL;
done:
	st_draft_diff_free(d);
	free(slots);
	free(del_rank);
	free(kids);
	free(from_pos);
	free(reordered);
	free(is_moved);
	st_buf_dispose(&xa.shown);
	st_buf_dispose(&xb.shown);
	version_dispose(&a);
	version_dispose(&b);
	return error;
}

/* ------------------------------------------------------------------ */
/* XML                                                                  */

static void xml_text(st_buf *out, const char *s, size_t len, int attr)
{
	size_t i;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': st_buf_puts(out, "&amp;"); break;
		case '<': st_buf_puts(out, "&lt;"); break;
		case '>': st_buf_puts(out, "&gt;"); break;
		case '"':
			if (attr)
				st_buf_puts(out, "&quot;");
			else
				st_buf_putc(out, '"');
			break;
		default:
			/* control characters cannot be written in XML 1.0 */
			if ((unsigned char)s[i] >= 0x20 || s[i] == '\t' || s[i] == '\n')
				st_buf_putc(out, s[i]);
			break;
		}
	}
}

static void xml_attr(st_buf *out, const char *name, const char *value)
{
	if (!value)
		return;
	st_buf_printf(out, " %s=\"", name);
	xml_text(out, value, strlen(value), 1);
	st_buf_putc(out, '"');
}

static void xml_version(st_buf *out, const char *element, const st_diff_version *v)
{
	st_buf_printf(out, "  <%s", element);
	xml_attr(out, "source", v->source ? v->source : "file");
	xml_attr(out, "spec", v->spec);
	xml_attr(out, "tag", v->tag);
	xml_attr(out, "stage", v->stage);
	xml_attr(out, "commit", v->commit);
	xml_attr(out, "path", v->path);
	st_buf_puts(out, "/>\n");
}

static void xml_side(st_buf *out, const char *element, const st_change_side *s)
{
	char pos[32];

	if (!s->present)
		return;
	snprintf(pos, sizeof(pos), "%zu", s->position);
	st_buf_printf(out, "    <%s", element);
	xml_attr(out, "number", s->number);
	xml_attr(out, "label", s->label);
	xml_attr(out, "parent", s->parent);
	xml_attr(out, "position", pos);
	st_buf_puts(out, ">");
	xml_text(out, s->title, strlen(s->title), 0);
	st_buf_printf(out, "</%s>\n", element);
}

static void xml_paragraph(st_buf *out, st_buf *para, int *changed)
{
	if (!para->size)
		return;
	st_buf_puts(out, *changed ? "      <p changed=\"true\">" : "      <p>");
	st_buf_put(out, para->ptr, para->size);
	st_buf_puts(out, "</p>\n");
	st_buf_clear(para);
	*changed = 0;
}

/* The runs as paragraphs: <p> (changed="true" when it holds a change) of <same>, <del>, <ins>. */
static void xml_runs(st_buf *out, const st_diff_runs *r)
{
	static const char *const tags[] = { "same", "del", "ins" };
	st_buf para = ST_BUF_INIT;
	size_t i, k;
	int changed = 0;

	if (!r->n)
		return;
	st_buf_puts(out, "    <text>\n");
	for (i = 0; i < r->n; i++) {
		const st_diff_run *run = &r->runs[i];
		const char *s = r->text.ptr + run->off;
		size_t start = 0;
		for (k = 0; k <= run->len; k++) {
			if (k < run->len && s[k] != '\n')
				continue;
			if (k > start) {
				st_buf_printf(&para, "<%s>", tags[run->op]);
				xml_text(&para, s + start, k - start, 0);
				st_buf_printf(&para, "</%s>", tags[run->op]);
				if (run->op != ST_DIFF_SAME)
					changed = 1;
			}
			if (k < run->len)
				xml_paragraph(out, &para, &changed);
			start = k + 1;
		}
	}
	xml_paragraph(out, &para, &changed);
	if (st_buf_failed(&para))
		out->failed = 1;
	st_buf_dispose(&para);
	st_buf_puts(out, "    </text>\n");
}

int st_draft_diff_xml(st_buf *out, const st_draft_diff *d, const st_diff_header *h)
{
	static const char *const types[] = { "", "changed", "inserted", "deleted", "moved" };
	size_t i, j;

	st_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<draft-diff");
	xml_attr(out, "draft", h->draft);
	if (h->profile != ST_PROFILE_NONE)
		xml_attr(out, "profile", st_profile_name(h->profile));
	st_buf_printf(out, " changes=\"%zu\" changed=\"%zu\" inserted=\"%zu\" deleted=\"%zu\" moved=\"%zu\">\n",
		      d->n, d->changed, d->inserted, d->deleted, d->moved);
	xml_version(out, "from", &h->from);
	xml_version(out, "to", &h->to);
	for (i = 0; i < d->n; i++) {
		const st_change *c = &d->changes[i];
		st_buf_printf(out, "  <change type=\"%s\"", types[c->type]);
		if (c->type == ST_CHANGE_MOVED) {
			st_buf_printf(out, " move=\"%s\"", c->parent_changed ? "parent" : "order");
			if (c->text_changed)
				st_buf_puts(out, " text-changed=\"true\"");
		}
		xml_attr(out, "element", c->element);
		xml_attr(out, "id", c->id);
		xml_attr(out, "key", c->key);
		st_buf_puts(out, ">\n");
		xml_side(out, "from", &c->from);
		xml_side(out, "to", &c->to);
		for (j = 0; j < c->nattrs; j++) {
			st_buf_puts(out, "    <attribute-change");
			xml_attr(out, "name", c->attrs[j].name);
			xml_attr(out, "from", c->attrs[j].from);
			xml_attr(out, "to", c->attrs[j].to);
			st_buf_puts(out, "/>\n");
		}
		xml_runs(out, &c->text);
		st_buf_puts(out, "  </change>\n");
	}
	st_buf_puts(out, "</draft-diff>\n");
	return st_buf_check(out);
}

/* ------------------------------------------------------------------ */
/* Stages named on the command line                                     */

int st_diff_find_stage(const st_draft_stage **out, const st_draft_meta *meta, const char *spec)
{
	st_stage want;
	char code[6];
	size_t i, len = strlen(spec);
	int is_code = len == 5 && spec[2] == '.' && is_digit(spec[0]) && is_digit(spec[1]) &&
		      is_digit(spec[3]) && is_digit(spec[4]);
	int error;

	*out = NULL;
	if ((error = st_stage_parse(&want, spec)) < 0) {
		if (is_code)
			return error; /* 30.50: a stage code that is no stage */
		st_error_clear();
		return 0;
	}
	for (i = meta->nstages; i-- > 0;) {
		const st_draft_stage *s = &meta->stages[i];
		if (is_code) {
			if (s->stage.stage == want.stage && s->stage.sub == want.sub) {
				*out = s;
				return 1;
			}
		} else if (s->stage.stage == want.stage &&
			   (i == 0 || meta->stages[i - 1].stage.stage != want.stage ||
			    meta->stages[i - 1].stage.sub == 93)) {
			*out = s;
			return 1;
		}
	}
	st_stage_format(code, want);
	if (is_code)
		return st_error_set(ST_ENOTFOUND, _("the draft '%s' was never at stage %s"),
				    meta->id ? meta->id : "", code);
	return st_error_set(ST_ENOTFOUND, _("the draft '%s' never reached stage %.2s (%s)"),
			    meta->id ? meta->id : "", code, st_stage_name(want.stage));
}
