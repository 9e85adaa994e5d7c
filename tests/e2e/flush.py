"""flush.py PDF FIRST LAST MEASURE_PT INNER_PT OUTER_PT [MIN_LINES]: justified lines end flush.

Reads `pdftotext -bbox-layout` of pages FIRST..LAST of a booklet whose odd pages have the
text block at INNER_PT from the left edge, even pages at OUTER_PT, MEASURE_PT wide. Every
body-size line that reaches the right edge must end within 0.1 pt of it when its last
character is a letter or digit, and may hang past it only by a part of its last
character's width when that is punctuation (protrusion). Prints a summary; exit 1 on a
line out of place, or when fewer than MIN_LINES (100) lines could be checked."""
import re
import subprocess
import sys
from collections import Counter

pdf, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
measure, inner, outer = map(float, sys.argv[4:7])
min_lines = int(sys.argv[7]) if len(sys.argv) > 7 else 100
xml = subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), "-bbox-layout", pdf, "-"],
                     capture_output=True, text=True, check=True).stdout
pages = xml.split("<page ")[1:]
LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
lines = []  # (page, left, right, x0, x1, y, height, last word, first word)
for k, page in enumerate(pages):
    number = first + k
    left = inner if number % 2 else outer
    for m in LINE.finditer(page):
        words = WORD.findall(m.group(5))
        if words:
            height = round(float(words[-1][3]) - float(words[-1][1]), 1)
            lines.append((number, left, left + measure, float(m.group(1)), float(m.group(3)),
                          float(m.group(4)), height, words[-1][4], words[0][4]))
body = Counter(ln[6] for ln in lines).most_common(1)[0][0]
text = [ln for ln in lines if ln[6] == body]
checked = bad = 0
MARKER = re.compile(r"^([•–—-]|\d+[.)]|[a-z][.)])$")
for i, (number, left, right, x0, x1, y, height, word, _) in enumerate(text):
    # A paragraph's last line: the next body line starts indented or after a gap, or there
    # is none; those lines are not justified.
    nxt = text[i + 1] if i + 1 < len(text) else None
    # A list item's last line: the next line starts with the next item's marker.
    # A short line before the next page, or before a line that starts further left (the
    # text after a list), ends its paragraph too.
    short = x1 < right - 3
    # A nearly full line that ends a sentence may be a paragraph's (or list item's) last.
    if right - 3 <= x1 < right - 0.1 and word[-1] in ".!?…»":
        continue
    if (nxt is None or nxt[3] > nxt[1] + 2 or MARKER.match(nxt[8])
            or (nxt[0] == number and nxt[5] - y > 1.6 * body)
            or (short and (nxt[0] != number or nxt[3] < x0 - 2))):
        continue
    checked += 1
    tail = word[-1]
    if tail.isalnum():
        ok = abs(x1 - right) <= 0.1
    else:  # protrusion: at most the character's width (about half an em at body size)
        ok = right - 0.1 <= x1 <= right + 0.5 * body
    if not ok:
        bad += 1
        if bad <= 5:
            print("page %d: line ending %r at %.2f, the measure ends at %.2f" % (number, word, x1, right))
print("%d full lines checked, %d out of place" % (checked, bad))
sys.exit(1 if bad or checked < min_lines else 0)
