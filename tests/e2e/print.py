# print.py: checks of print output for test-print.sh, one subcommand each; exits 1 with
# a message on stderr when a check fails. Reads pdftotext/pdftoppm output and PNG files
# itself (no PIL on the test machines).
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

MM = 72 / 25.4


def run(*args):
    return subprocess.run(args, capture_output=True, check=True).stdout


def fail(msg):
    print(msg, file=sys.stderr)
    sys.exit(1)


def read_pgm(path):
    """An 8-bit P5 file as (width, height, bytes)."""
    data = open(path, "rb").read()
    m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, data[m.end():m.end() + w * h]


def read_png(path):
    """An 8-bit RGB or RGBA PNG as (width, height, grey bytes)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                fail(f"{path}: depth {depth}, colour type {ctype}")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    grey = bytearray(w * h)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        grey[y * w:(y + 1) * w] = bytes(min(line[x * bpp:x * bpp + 3]) for x in range(w))
        prev = line
    return w, h, bytes(grey)


def png_size(path):
    data = open(path, "rb").read(24)
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        fail(f"{path}: not a PNG")
    return struct.unpack(">II", data[16:24])


def words(text):
    return " ".join(text.split())


def page_texts(pdf, *crop):
    """The text of every page of PDF (within the crop box x y W H in points, if given)."""
    args = ["pdftotext", "-q"]
    if crop:
        for k, v in zip(("-x", "-y", "-W", "-H"), crop):
            args += [k, str(round(v))]
    pages = run(*args, pdf, "-").decode().split("\f")
    return [words(p) for p in pages[:-1]]


def page_inks(pdf, dpi, *crop):
    """For every page of PDF (within the crop box in points), whether anything is drawn."""
    with tempfile.TemporaryDirectory() as d:
        args = ["pdftoppm", "-gray", "-r", str(dpi)]
        if crop:
            for k, v in zip(("-x", "-y", "-W", "-H"), crop):
                args += [k, str(round(v * dpi / 72))]
        run(*args, pdf, os.path.join(d, "p"))
        inks = []
        for name in sorted(os.listdir(d)):
            _, _, px = read_pgm(os.path.join(d, name))
            inks.append(min(px) < 200)
        return inks


def imposition(booklet, imposed):
    """Every half of every sheet side holds the booklet page the saddle-stitch order puts
    there: pages are told apart by their text, and pages without text by whether they are
    blank."""
    texts = page_texts(booklet)
    inks = page_inks(booklet, 10)
    n = len(texts)
    slots = (n + 3) // 4 * 4
    # Reading order, 1-based, the padding (None) just before the back cover.
    seq = list(range(1, n)) + [None] * (slots - n) + [n]
    order = []
    for s in range(slots // 4):
        order += [(seq[slots - 1 - 2 * s], seq[2 * s]), (seq[2 * s + 1], seq[slots - 2 - 2 * s])]
    info = run("pdfinfo", imposed).decode()
    sw, sh = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    half = sw / 2
    halves = [page_texts(imposed, 0, 0, half, sh), page_texts(imposed, half, 0, half, sh)]
    half_inks = [page_inks(imposed, 10, 2, 2, half - 4, sh - 4),
                 page_inks(imposed, 10, half + 2, 2, half - 4, sh - 4)]
    if len(halves[0]) != len(order):
        fail(f"{len(halves[0])} sheet sides for {n} pages, expected {len(order)}")
    by_text = {}
    for i, t in enumerate(texts):
        if t:
            by_text.setdefault(t, []).append(i + 1)
    found, identified = [], 0
    for side in range(len(order)):
        got = []
        for h in (0, 1):
            t = halves[h][side]
            if t:
                pages = by_text.get(t, [])
                if len(pages) != 1:
                    fail(f"side {side + 1} half {h}: text matches pages {pages}: {t[:80]}")
                got.append(pages[0])
                identified += 1
            else:
                # Without text: the expected page must be textless too, and blank or not alike.
                want = order[side][h]
                ok = (want is None and not half_inks[h][side]) or (
                    want is not None and not texts[want - 1]
                    and inks[want - 1] == half_inks[h][side])
                got.append(want if ok else f"?{'ink' if half_inks[h][side] else 'blank'}")
        found.append(tuple(got))
    if found != order:
        fail(f"imposition order\n  got:      {found}\n  expected: {order}")
    if identified < n // 2:
        fail(f"only {identified} halves identified by their text")
    print(f"{len(order)} sides, {identified} halves identified by text, "
          f"{slots - n} blank page(s) before the back cover")


def crop_marks(pdf, page, trim_w, trim_h, bleed, gap, length, dpi):
    """Crop marks on PAGE: dark along the eight marks, nothing between them and the trim
    corners (the bleed area there, on a page whose content stays inside the trim). Lengths
    in mm."""
    with tempfile.TemporaryDirectory() as d:
        run("pdftoppm", "-gray", "-aaVector", "no", "-r", str(dpi), "-f", str(page), "-l",
            str(page), pdf, os.path.join(d, "p"))
        w, h, px = read_pgm(os.path.join(d, os.listdir(d)[0]))
    k = dpi / 25.4  # pixels per mm
    margin = bleed + 2 * gap + length
    if abs(w - (trim_w + 2 * margin) * k) > 2 or abs(h - (trim_h + 2 * margin) * k) > 2:
        fail(f"page {w}x{h} px, expected trim + 2 x {margin} mm")

    def dark(x, y):  # any dark pixel within one pixel of (x, y) in mm
        cx, cy = round(x * k), round(y * k)
        return any(px[yy * w + xx] < 128 for yy in range(cy - 1, cy + 2)
                   for xx in range(cx - 1, cx + 2) if 0 <= xx < w and 0 <= yy < h)

    def any_dark(x0, y0, x1, y1):  # any dark pixel in the rectangle, in mm
        for yy in range(round(min(y0, y1) * k), round(max(y0, y1) * k) + 1):
            row = px[yy * w + round(min(x0, x1) * k):yy * w + round(max(x0, x1) * k) + 1]
            if row and min(row) < 128:
                return True
        return False

    near, far = bleed + gap, bleed + gap + length
    for cx in (margin, margin + trim_w):
        for cy in (margin, margin + trim_h):
            sx = -1 if cx == margin else 1
            sy = -1 if cy == margin else 1
            # Along each mark, at every half millimetre between its ends.
            steps = [near + 0.25 + 0.5 * i for i in range(int(length * 2))]
            for t in steps:
                if not dark(cx + sx * t, cy):
                    fail(f"no horizontal mark at {t} mm from the trim corner ({cx}, {cy}) mm")
                if not dark(cx, cy + sy * t):
                    fail(f"no vertical mark at {t} mm from the trim corner ({cx}, {cy}) mm")
            # The square between the trim corner and the marks' start: bleed and gap, empty.
            e = 1.5 / k
            if any_dark(cx + sx * e, cy + sy * e, cx + sx * (near - e), cy + sy * (near - e)):
                fail(f"ink in the bleed at the trim corner ({cx}, {cy}) mm")
            # Nothing drawn on the trim line itself between the corner and the mark.
            if any_dark(cx + sx * e, cy, cx + sx * (near - e), cy):
                fail(f"a mark inside the bleed at ({cx}, {cy}) mm")
    print("eight marks in place, the bleed corners empty")


def bleed_colour(pdf, page, trim_w, trim_h, bleed, margin, dpi):
    """The cover's band reaches through the bleed on PAGE: the pixels of the top bleed
    strip are as dark as the band just inside the trim, and white beyond the bleed."""
    with tempfile.TemporaryDirectory() as d:
        run("pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), pdf,
            os.path.join(d, "p"))
        w, h, px = read_pgm(os.path.join(d, os.listdir(d)[0]))
    k = dpi / 25.4
    x = round((margin + trim_w / 2) * k)
    inside = px[round((margin + 2) * k) * w + x]
    in_bleed = px[round((margin - bleed / 2) * k) * w + x]
    beyond = px[round((margin - bleed - 1) * k) * w + x]
    if inside > 200 or abs(in_bleed - inside) > 10 or beyond < 250:
        fail(f"band {inside}, bleed {in_bleed}, beyond the bleed {beyond}")
    print(f"band grey {inside}, in the bleed {in_bleed}, beyond {beyond}")


def pdfx(pdf):
    """PDF/X-3 markers, an output intent with a CMYK profile, boxes on every page."""
    j = json.loads(run("qpdf", "--json=1", pdf))
    objs = j["objects"]

    def deref(v):
        if isinstance(v, str) and v.endswith(" R"):
            v = objs[v]
        return v

    trailer = objs["trailer"]
    info = deref(trailer.get("/Info"))
    if not info or info.get("/GTS_PDFXVersion") != "PDF/X-3:2002":
        fail(f"Info: {info}")
    root = deref(trailer["/Root"])
    intents = deref(root.get("/OutputIntents")) or []
    good = []
    for i in intents:
        i = deref(i)
        if i.get("/S") != "/GTS_PDFX":
            continue
        ref = i.get("/DestOutputProfile")
        prof = deref(ref)
        if not prof or prof.get("/N") != 4:
            continue
        icc = run("qpdf", f"--show-object={ref.split()[0]}", "--filtered-stream-data", pdf)
        # An ICC profile: 'acsp' at byte 36, data colour space CMYK at byte 16.
        if icc[36:40] == b"acsp" and icc[16:20] == b"CMYK":
            good.append(i.get("/OutputConditionIdentifier"))
    if not good:
        fail(f"no GTS_PDFX output intent with a 4-component ICC profile: {intents}")
    pages = [o for o in objs.values() if isinstance(o, dict) and o.get("/Type") == "/Page"]
    if not pages:
        fail("no pages")
    for p in pages:
        t, b = deref(p.get("/TrimBox")), deref(p.get("/BleedBox"))
        if not t or not b:
            fail(f"a page without TrimBox or BleedBox: {sorted(p)}")
        if any(abs(abs(t[i] - b[i]) - 3 * MM) > 0.05 for i in range(4)):
            fail(f"BleedBox {b} is not 3 mm around TrimBox {t}")
    print(f"{len(pages)} pages, output intent {good[0]}")


def draft_bar(draft_png, plain_png, dpi, x_from, y0, y1):
    """A black bar in DRAFT_PNG right of X_FROM (points) across the line at Y0..Y1 (points):
    a column dark over the line's middle half that is not dark in PLAIN_PNG."""
    w, h, dpx = read_png(draft_png)
    pw, ph, ppx = read_png(plain_png)
    if (w, h) != (pw, ph):
        fail("draft and plain proofs differ in size")
    k = dpi / 72
    top, bottom = round((y0 + (y1 - y0) / 4) * k), round((y1 - (y1 - y0) / 4) * k)

    def solid(px, x):
        return all(px[y * w + x] < 100 for y in range(top, bottom + 1))

    cols = [x for x in range(round(x_from * k), w) if solid(dpx, x) and not solid(ppx, x)]
    if not cols:
        fail(f"no bar right of {x_from} pt at {y0}..{y1} pt")
    # Nothing marked on the rest of the page's height beside the measure: the bar is the
    # line's height only.
    x = cols[len(cols) // 2]
    above = round((y0 - (y1 - y0)) * k)
    if above > 0 and dpx[above * w + x] < 100:
        fail(f"the bar reaches above the line at x {x} px")
    print(f"bar {len(cols)} px wide at x {cols[0]}..{cols[-1]} px")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "imposition":
        imposition(*args)
    elif cmd == "crop-marks":
        crop_marks(args[0], int(args[1]), *map(float, args[2:7]), int(args[7]))
    elif cmd == "bleed-colour":
        bleed_colour(args[0], int(args[1]), *map(float, args[2:6]), int(args[6]))
    elif cmd == "pdfx":
        pdfx(args[0])
    elif cmd == "draft-bar":
        draft_bar(args[0], args[1], int(args[2]), *map(float, args[3:6]))
    elif cmd == "png-size":
        print("%d %d" % png_size(args[0]))
    else:
        fail(f"unknown check {cmd}")
