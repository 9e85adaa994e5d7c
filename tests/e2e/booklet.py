#!/usr/bin/env python3
"""booklet.py: checks of a built booklet for tests/e2e/test-booklet.sh (standard library only).

  booklet.py words PDF QPDF.json CORPUS.md...     every word, in reading order
  booklet.py notes QPDF.json                      every note mark on its note's page
  booklet.py contents PDF QPDF.json CORPUS.md...  the contents' page numbers are real
  booklet.py outline QPDF.json CORPUS.md...       one entry per text, subheadings nested
  booklet.py labels PDF QPDF.json                 the cover unnumbered; no folio on it or blanks

QPDF.json is `qpdf --json PDF`. Each command prints what is wrong and exits 1, or exits 0.
Words are compared as Unicode word characters (NFKC, case-folded): punctuation and the
typography around words (quotes, dashes, spacing) are the typesetter's to choose."""

import json
import re
import subprocess
import sys
import unicodedata

WORD = re.compile(r"\w+")
HYPHENS = "-\u2010"


def key(word):
    """The comparison form of a word: NFKC, case-folded, Turkish dotted/dotless i merged."""
    w = unicodedata.normalize("NFKC", word).casefold()
    return w.replace("\u0307", "").replace("ı", "i")


# ---- the corpus ---------------------------------------------------------------------------


class Doc:
    """A corpus file: its title, its body text and its notes' texts, Markdown removed."""

    def __init__(self, path):
        self.path = path
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        self.title = None
        body_start = 0
        if lines and lines[0].strip() == "---":
            for i in range(1, len(lines)):
                if lines[i].strip() in ("---", "..."):
                    body_start = i + 1
                    break
                m = re.match(r"title:\s*(.*)$", lines[i])
                if m:
                    self.title = yaml_scalar(m.group(1))
        body, notes, current = [], {}, None
        self.heading = None  # the first block, if it is a level-1 heading
        for line in lines[body_start:]:
            m = re.match(r"\[\^([^\]]+)\]:\s?(.*)$", line)
            if m:
                current = m.group(1)
                notes[current] = [m.group(2)]
                continue
            if current is not None and (line.startswith("    ") or line.startswith("\t")):
                notes[current].append(line)
                continue
            if current is not None and not line.strip():
                continue
            current = None
            body.append(line)
        first = next((l for l in body if l.strip()), "")
        m = re.match(r"#\s+(.*)$", first)
        if m:
            self.heading = m.group(1).strip()
        # Notes are numbered in order of first reference, as the reader does.
        self.numbers = {}
        for label in re.findall(r"\[\^([^\]]+)\]", "\n".join(body)):
            if label in notes and label not in self.numbers:
                self.numbers[label] = len(self.numbers) + 1
        self.body = plain("\n".join(body), self.numbers)
        self.notes = []  # (number, text), in number order
        for label, number in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            self.notes.append((number, "%d. %s" % (number, plain("\n".join(notes[label]), {}))))


def yaml_scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        inner = text[1:-1]
        if text[0] == '"':
            return re.sub(r'\\(.)', r"\1", inner)
        return inner.replace("''", "'")
    return text


def plain(md, numbers):
    """Markdown to the words a reader sees: note references as their numbers."""
    out = []
    for line in md.split("\n"):
        if re.match(r"\s*([-*_]\s*){3,}$", line):  # a thematic break
            continue
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"^(\s*>\s?)+", "", line)
        line = re.sub(r"^\s*[-*+]\s+", "", line)  # bullets; ordered lists keep their numbers
        out.append(line)
    text = "\n".join(out)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)  # images: a placeholder, not words
    text = re.sub(r"\[\^([^\]]+)\]", lambda m: str(numbers.get(m.group(1), "")), text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"(?<!\w)_|_(?!\w)", "", text)
    return text


def tokens(text):
    """Words of TEXT, each with whether a hyphen joins it to the next word."""
    out = []
    for m in WORD.finditer(text):
        e = m.end()
        hy = e + 1 < len(text) and text[e] in HYPHENS and (text[e + 1].isalnum())
        out.append((key(m.group(0)), hy))
    return out


# ---- the PDF ------------------------------------------------------------------------------


def pdf_pages(pdf):
    """The text of each page (pdftotext -layout), a list indexed from 0."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


class Tok:
    __slots__ = ("text", "page", "line", "hy", "raw")

    def __init__(self, text, page, line, hy, raw):
        self.text, self.page, self.line, self.hy, self.raw = text, page, line, hy, raw


def pdf_tokens(pages):
    """Every word of the PDF, with its page (from 1), its line, and whether it ends a line
    with a hyphen before a line starting with a letter (a break inside a word or a compound)."""
    toks = []
    for p, page in enumerate(pages, 1):
        lines = page.split("\n")
        for li, line in enumerate(lines):
            words = list(WORD.finditer(line))
            stripped = line.rstrip()
            for k, m in enumerate(words):
                hy = False
                if k == len(words) - 1 and m.end() == len(stripped) - 1 and stripped[-1] in HYPHENS:
                    hy = True  # whether a letter follows is settled when aligning
                toks.append(Tok(key(m.group(0)), p, li, hy, m.group(0)))
    return toks


def qpdf_model(path):
    with open(path, encoding="utf-8") as f:
        j = json.load(f)
    return j


def obj(objects, ref):
    v = objects.get("obj:" + ref) if isinstance(ref, str) else None
    return v.get("value") if isinstance(v, dict) and "value" in v else v


def catalog(j):
    objects = j["qpdf"][1]
    for v in objects.values():
        if isinstance(v, dict) and isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Catalog":
            return v["value"]
    raise SystemExit("no catalog in the PDF")


def page_numbers(j):
    """Page object reference -> page number from 1."""
    return {pg["object"]: i + 1 for i, pg in enumerate(j["pages"])}


def resolve(objects, v):
    while isinstance(v, str) and re.match(r"\d+ \d+ R$", v):
        v = obj(objects, v)
    return v


def named_dests(j):
    """Destination name -> page number (from 1), from the Dests name tree (and /Dests)."""
    objects = j["qpdf"][1]
    pages = page_numbers(j)
    cat = catalog(j)
    out = {}

    def dest_page(d):
        d = resolve(objects, d)
        if isinstance(d, dict):
            d = resolve(objects, d.get("/D"))
        if isinstance(d, list) and d:
            return pages.get(d[0])
        return None

    def walk(node):
        node = resolve(objects, node)
        if not isinstance(node, dict):
            return
        names = resolve(objects, node.get("/Names", []))
        for i in range(0, len(names) - 1, 2):
            out[name(names[i])] = dest_page(names[i + 1])
        for kid in resolve(objects, node.get("/Kids", [])):
            walk(kid)

    names = resolve(objects, cat.get("/Names"))
    if isinstance(names, dict) and "/Dests" in names:
        walk(names["/Dests"])
    old = resolve(objects, cat.get("/Dests"))
    if isinstance(old, dict):
        for k, v in old.items():
            out[k.lstrip("/")] = dest_page(v)
    return out


def name(s):
    """A PDF string or name from qpdf's JSON ("u:text", "b:hex", "/Name")."""
    if s.startswith("u:"):
        return s[2:]
    if s.startswith("b:"):
        return bytes.fromhex(s[2:]).decode("latin-1")
    return s.lstrip("/")


def links(j):
    """(page number, destination name) of every link annotation to a named destination."""
    objects = j["qpdf"][1]
    out = []
    for i, pg in enumerate(j["pages"], 1):
        page = obj(objects, pg["object"])
        for a in resolve(objects, page.get("/Annots", [])) or []:
            a = resolve(objects, a)
            if not isinstance(a, dict) or a.get("/Subtype") != "/Link":
                continue
            d = a.get("/Dest")
            act = resolve(objects, a.get("/A"))
            if d is None and isinstance(act, dict) and act.get("/S") == "/GoTo":
                d = act.get("/D")
            d = resolve(objects, d)
            if isinstance(d, str):
                out.append((i, name(d)))
    return out


# ---- checks -------------------------------------------------------------------------------


def section_ranges(j, docs):
    """(first page, last page) of each document's section, from the outline's top level:
    a text's entry (its title) to the page before the next top-level entry."""
    top = [(e["title"], e["destpageposfrom1"]) for e in j["outlines"]]
    n = len(j["pages"])
    ranges = []
    for d in docs:
        idx = next((i for i, (t, _) in enumerate(top) if t == d.title), None)
        if idx is None:
            raise SystemExit("%s: no outline entry titled %r" % (d.path, d.title))
        first = top[idx][1]
        last = top[idx + 1][1] - 1 if idx + 1 < len(top) else n
        ranges.append((first, last))
    return ranges


def align(src, toks, lo, hi):
    """Finds SRC (tokens of tokens()) in order in TOKS[lo:hi]: from the first place where
    all of it follows. Between two words on one page nothing may come in between; at a page
    break the rest of the page (notes, folio) and the next page's head may be skipped. A word
    may be split by a hyphen at a line end, unless the source has a compound there.
    Returns (True, None) or (False, (source index, pdf index)) of the attempt that got
    furthest."""
    best = (0, lo)
    for start in range(lo, hi):
        t = toks[start]
        if src and t.text != src[0][0] and not (t.hy and src[0][0].startswith(t.text)):
            continue
        i, p, ok = follow(src, toks, start, hi)
        if ok:
            return True, None
        if i > best[0]:
            best = (i, p)
    return False, best


def follow(src, toks, p, hi):
    """Matches SRC from TOKS[P] on; returns (words matched, pdf index, whether all)."""
    i = 0
    prev_page = None
    while i < len(src):
        found = None
        if prev_page is None:
            found = match_at(src, i, toks, p, hi)
        else:
            # Either the very next word, or, after a page break, a word that starts a line
            # of the next page with words (the first line of its body: the running head
            # may share words with the text, so the words after it must follow too).
            found = match_at(src, i, toks, p, hi) if toks[p].page == prev_page else None
            if not found:
                nxt = next((r for r in range(p, hi) if toks[r].page != prev_page), hi)
                first = None
                for q in range(nxt, hi):
                    if toks[q].page != toks[nxt].page:
                        break
                    if q > 0 and toks[q - 1].page == toks[q].page and toks[q - 1].line == toks[q].line:
                        continue
                    m = match_at(src, i, toks, q, hi)
                    if not m:
                        continue
                    first = first or m
                    n = min(3, len(src) - i)
                    if [t.text for t in toks[q:q + n]] == [w for w, _ in src[i:i + n]]:
                        found = m
                        break
                found = found or first
        if not found:
            return i, p, False
        used, after = found
        prev_page = toks[after - 1].page
        i += used
        p = after
    return i, p, True


def match_at(src, i, toks, q, hi):
    """Whether source word I matches at pdf token Q: directly, or as two halves of a word
    hyphenated at a line end (the second half on the next line, or after a page break)."""
    w, hy_src = src[i]
    t = toks[q]
    if t.text == w:
        if t.hy and not hy_src:
            # The line ends in a hyphen: it must be a compound of the source, or the hyphen
            # splits a word (then the word is W plus the next token, which did not match).
            return None
        return 1, q + 1
    if q + 1 < hi:
        # A note mark after a letter with a wide side bearing: pdftotext may see a gap.
        nt = toks[q + 1]
        if nt.page == t.page and nt.line == t.line and nt.text.isdigit() and t.text + nt.text == w:
            return 1, q + 2
    if t.hy and w.startswith(t.text) and q + 1 < hi:
        nt = toks[q + 1]
        if nt.page == t.page and t.text + nt.text == w:  # the rest starts the next line
            return 1, q + 2
        # At a page's last line: the rest is a word of the next page's body, after its head.
        nxt = next((r for r in range(q + 1, hi) if toks[r].page != t.page), hi)
        for r in range(nxt, hi):
            if toks[r].page != toks[nxt].page:
                break
            if t.text + toks[r].text == w:
                return 1, r + 1
    return None


def context(words, i, n=6):
    return " ".join(words[max(0, i - n):i]) + " [" + (words[i] if i < len(words) else "") + "] " + " ".join(words[i + 1:i + 1 + n])


def cmd_words(pdf, qjson, paths):
    docs = [Doc(p) for p in paths]
    j = qpdf_model(qjson)
    pages = pdf_pages(pdf)
    toks = pdf_tokens(pages)
    ranges = section_ranges(j, docs)
    bad = 0
    total = 0
    for d, (first, last) in zip(docs, ranges):
        lo = next(k for k, t in enumerate(toks) if t.page >= first)
        hi = next((k for k, t in enumerate(toks) if t.page > last), len(toks))
        parts = [("body", d.body)] + [("note %d" % n, text) for n, text in d.notes]
        for what, text in parts:
            src = tokens(text)
            total += len(src)
            ok, where = align(src, toks, lo, hi)
            if not ok:
                i, p = where
                bad += 1
                pdfwords = [t.raw for t in toks[max(lo, p - 8):p + 8]]
                pg = toks[p].page if p < len(toks) else "?"
                print("%s, %s: word %d of %d not found in order (pages %d-%d)" % (d.path, what, i + 1, len(src), first, last))
                print("  source: %s" % context([w for w, _ in src], i))
                print("  pdf, page %s: ... %s ..." % (pg, " ".join(pdfwords)))
    if bad == 0:
        print("%d words of %d files found in order" % (total, len(docs)))
    return 1 if bad else 0


def cmd_notes(qjson):
    j = qpdf_model(qjson)
    dests = named_dests(j)
    marks = [(pg, d) for pg, d in links(j) if d.startswith("note-")]
    backs = [(pg, d) for pg, d in links(j) if d.startswith("ref-")]
    bad = 0
    if not marks:
        print("no note marks link to a note-S-N destination")
        return 1
    for pg, d in marks:
        np = dests.get(d)
        if np is None:
            print("mark on page %d links to %s, which is not a destination" % (pg, d))
            bad += 1
        elif np != pg:
            print("mark on page %d: its note %s starts on page %d" % (pg, d, np))
            bad += 1
        ref = "ref-" + d[len("note-"):]
        if dests.get(ref) != pg:
            print("mark on page %d: destination %s is on page %s" % (pg, ref, dests.get(ref)))
            bad += 1
    if len(backs) != len(marks):
        print("%d note marks but %d note numbers linking back" % (len(marks), len(backs)))
        bad += 1
    for pg, d in backs:
        if dests.get(d) is None:
            print("note number on page %d links back to missing %s" % (pg, d))
            bad += 1
    if not bad:
        print("%d notes, each on the page of its mark" % len(marks))
    return 1 if bad else 0


def squash(s):
    return "".join(key(w) for w in WORD.findall(s))


def cmd_contents(pdf, qjson, paths):
    docs = [Doc(p) for p in paths]
    j = qpdf_model(qjson)
    pages = pdf_pages(pdf)
    top = [(e["title"], e["destpageposfrom1"]) for e in j["outlines"]]
    # The contents page: the first page where every title is followed by a number.
    cpage, entries = None, None
    for i, text in enumerate(pages[:max(1, top[0][1] if top else 1)]):
        words = WORD.findall(text)
        keys = [key(w) for w in words]
        found = []
        for d in docs:
            tk = [key(w) for w in WORD.findall(d.title)]
            k = next((s for s in range(len(keys) - len(tk)) if keys[s:s + len(tk)] == tk and words[s + len(tk)].isdigit()), None)
            if k is None:
                break
            found.append(int(words[k + len(tk)]))
        if len(found) == len(docs):
            cpage, entries = i, found
            break
    if cpage is None:
        print("no page before the texts lists every title with a page number")
        return 1
    bad = 0
    # Each entry's page number is led to by a row of dots (the style's leader).
    led = [ln for ln in pages[cpage].split("\n") if re.search(r"\.(\s*\.){4,}\s+\d+\s*$", ln)]
    if len(led) != len(docs):
        print("%d of %d contents entries have leader dots before their page number"
              % (len(led), len(docs)))
        bad += 1
    for d, printed in zip(docs, entries):
        # Where the heading really is: the first page after the contents with its words.
        head = d.heading if d.heading else d.title
        hk = squash(head)
        real = next((i + 1 for i in range(cpage + 1, len(pages)) if hk in squash(pages[i])), None)
        if real != printed:
            print("%s: the contents say page %d, the heading %r is on page %s" % (d.path, printed, head, real))
            bad += 1
    if not bad:
        print("%d contents entries point to their headings' pages" % len(docs))
    return 1 if bad else 0


def headings(doc_path):
    """The headings of a corpus file after its first line: (level, text)."""
    out = []
    d = Doc(doc_path)
    with open(doc_path, encoding="utf-8") as f:
        text = f.read()
    text = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    for line in text.split("\n"):
        m = re.match(r"(#{1,6})\s+(.*)$", line)
        if m:
            out.append((len(m.group(1)), plain(m.group(2), {}).strip()))
    # The section's own heading: the level-1 heading that reads the title (perhaps after a
    # preface), else a level-1 heading the text opens with.
    same = [i for i, (level, t) in enumerate(out)
            if level == 1 and key(" ".join(WORD.findall(t))) == key(" ".join(WORD.findall(d.title)))]
    if same:
        del out[same[0]]
    elif out and d.heading is not None and out[0][0] == 1:
        out = out[1:]
    return out


def cmd_outline(qjson, paths):
    docs = [Doc(p) for p in paths]
    j = qpdf_model(qjson)
    top = j["outlines"]
    titles = [d.title for d in docs]
    bad = 0
    text_entries = [e for e in top if e["title"] in titles]
    others = [e["title"] for e in top if e["title"] not in titles]
    if [e["title"] for e in text_entries] != titles:
        print("top-level entries %r, not one per text in order %r" % ([e["title"] for e in text_entries], titles))
        bad += 1
    if len(others) > 1:
        print("top-level entries that are not texts: %r (only the contents may be)" % others)
        bad += 1
    for d, e in zip(docs, text_entries):
        # Expected: each heading with its depth under the section's entry (a heading nests
        # under the nearest heading before it of a smaller level).
        want, stack = [], []
        for level, t in headings(d.path):
            while stack and stack[-1] >= level:
                stack.pop()
            want.append((len(stack) + 1, key(" ".join(WORD.findall(t)))))
            stack.append(level)
        got = []

        def walk(kids, depth):
            for k in kids:
                got.append((depth, key(" ".join(WORD.findall(k["title"])))))
                walk(k["kids"], depth + 1)
        walk(e["kids"], 1)
        if got != want:
            print("%s: outline under %r is %r, the headings are %r" % (d.path, d.title, got, want))
            bad += 1
    if not bad:
        print("%d texts in the outline with their subheadings" % len(docs))
    return 1 if bad else 0


def cmd_labels(pdf, qjson):
    j = qpdf_model(qjson)
    pages = pdf_pages(pdf)
    bad = 0
    labels = [pg.get("label") for pg in j["pages"]]
    if labels[0] is None or "/S" in labels[0] or "/P" in labels[0]:
        print("the cover's page label is %r; it should be unnumbered" % (labels[0],))
        bad += 1
    for i, l in enumerate(labels[1:-1], 2):
        if not l or l.get("/S") != "/D":
            print("page %d has label %r, not a number" % (i, l))
            bad += 1
        elif l.get("/St", 1) + 0 < 1:
            bad += 1
    # The printed folio of page I is I; the label says the same.
    for i, pg in enumerate(j["pages"][1:-1], 2):
        l = pg.get("label") or {}
        # /St is the number of the first page of its range; qpdf gives it per page.
        if l.get("/St") != i:
            print("page %d is labelled %r" % (i, l))
            bad += 1
    # A blank page (left so that a section starts on a right-hand page) has nothing but,
    # wrongly, a folio or a running head (a section's title): it must have no text at all.
    heads = {squash(e["title"]) for e in j["outlines"]}
    blank = []
    for i, t in enumerate(pages[1:-1], 1):
        rest = [l for l in t.split("\n") if l.strip() and not re.fullmatch(r"\d+", l.strip())
                and squash(l) not in heads]
        if not rest:
            blank.append(i)
            if t.strip():
                print("blank page %d has text: %r" % (i + 1, t.strip()))
                bad += 1
    for i in (0, len(pages) - 1):
        digits = [l.strip() for l in pages[i].split("\n") if re.fullmatch(r"\d+", l.strip())]
        if digits:
            print("the %s cover (page %d) has a folio %r" % ("front" if i == 0 else "back", i + 1, digits))
            bad += 1
    if not bad:
        print("cover unnumbered, %d pages numbered, %d blank pages without folio" % (len(pages) - 2, len(blank)))
    return 1 if bad else 0


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "words":
        return cmd_words(args[0], args[1], args[2:])
    if cmd == "notes":
        return cmd_notes(args[0])
    if cmd == "contents":
        return cmd_contents(args[0], args[1], args[2:])
    if cmd == "outline":
        return cmd_outline(args[0], args[1:])
    if cmd == "labels":
        return cmd_labels(args[0], args[1])
    print("unknown command " + cmd)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
