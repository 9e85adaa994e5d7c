"""broken_words.py PDF SOURCE.md: no word is broken at a line's end without a hyphen.

Reads the PDF's lines (pdftotext -bbox-layout) in order; a line whose last word is not a
word of SOURCE but, joined to the next line's first word, is one, was broken inside a word
and lost its hyphen. Prints them; exit 1 if there is one."""
import re
import subprocess
import sys

pdf, src = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f:
    vocab = set(w.lower() for w in re.findall(r"\w+", f.read()))
xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True,
                     check=True).stdout
lines = []
for m in re.finditer(r"<line[^>]*>(.*?)</line>", xml, re.S):
    words = re.findall(r">([^<]*)</word>", m.group(1))
    if words:
        lines.append(words)
bad = []
for a, b in zip(lines, lines[1:]):
    last, first = a[-1], re.match(r"\w*", b[0]).group(0)
    if re.fullmatch(r"\w+", last) and first and last.lower() not in vocab \
            and (last + first).lower() in vocab:
        bad.append(last + "|" + first)
print("%d words broken without a hyphen%s" % (len(bad), (": " + " ".join(bad[:10])) if bad else ""))
sys.exit(1 if bad else 0)
