#!/usr/bin/env python3
"""Writes styles/pdfx/pamphlet-fogra39.icc: an ICC v2 CMYK output profile that
approximates printing on coated paper to FOGRA39 (ISO 12647-2:2004/Amd 1).

It is not the FOGRA39 characterisation data set nor ECI's ISO Coated v2 profile (neither
may be redistributed freely): it is a printer model built here from published
approximate colours of the FOGRA39 solids and overprints, Yule-Nielsen modified
Neugebauer mixing and the FOGRA39 tone value increase (about 14% for CMY and 17% for K
at 50%), inverted with grey-component replacement and a 330% total ink limit. Good
enough for the output intent of a PDF/X-3 pamphlet and soft proofing; a print shop that
asks for the real FOGRA39 profile substitutes it with the edition's icc-profile option.

Pure Python 3, no modules beyond the standard library; deterministic output.
Usage: tools/make-cmyk-profile.py [OUTPUT]   (default styles/pdfx/pamphlet-fogra39.icc)
"""
import math
import struct
import sys

D50 = (0.9642, 1.0, 0.8249)

# Approximate CIELAB (D50, 2 degrees) of the FOGRA39 paper and solids, from the values
# ISO 12647-2 publishes for paper type 1/2 on a white backing.
PAPER = (95.0, 0.0, -2.0)
SOLIDS = {
    "": PAPER,
    "c": (55.0, -37.0, -50.0),
    "m": (48.0, 74.0, -3.0),
    "y": (89.0, -5.0, 93.0),
    "k": (16.0, 0.0, 0.0),
    "cm": (24.0, 22.0, -46.0),
    "cy": (50.0, -65.0, 27.0),
    "my": (47.0, 68.0, 48.0),
    "cmy": (23.0, 0.0, 0.0),
}
YN = 2.0  # Yule-Nielsen n
TVI_CMY = 0.14  # tone value increase at 50%
TVI_K = 0.17
INK_LIMIT = 3.3


def lab_to_xyz(lab):
    L, a, b = lab
    fy = (L + 16) / 116
    fx = fy + a / 500
    fz = fy - b / 200

    def finv(t):
        return t ** 3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)

    return (D50[0] * finv(fx), D50[1] * finv(fy), D50[2] * finv(fz))


def xyz_to_lab(xyz):
    def f(t):
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(xyz[i] / D50[i]) for i in range(3))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def primaries():
    """The 16 Neugebauer primaries as XYZ ** (1/n): black over-printed on the 8 CMY
    combinations darkens them by black's own ratio to paper, channel by channel, but no
    further than the darkest black offset reaches (about L 9 at the ink limit)."""
    paper = lab_to_xyz(PAPER)
    black = lab_to_xyz(SOLIDS["k"])
    floor = lab_to_xyz((9.0, 0.0, 0.0))
    out = {}
    for key, lab in SOLIDS.items():
        if key == "k":
            continue
        xyz = lab_to_xyz(lab)
        out[key] = xyz
        out[key + "k"] = tuple(max(xyz[i] * black[i] / paper[i], min(floor[i], black[i]))
                               for i in range(3))
    return {k: tuple(v ** (1 / YN) for v in xyz) for k, xyz in out.items()}


PRIMARIES = primaries()
PAPER_XYZ = lab_to_xyz(PAPER)


def effective(v, tvi):
    # A parabola through 0, 1 and 0.5 + tvi: the usual shape of dot gain.
    return v + 4 * tvi * v * (1 - v)


def cmyk_to_xyz(c, m, y, k):
    c, m, y = (effective(v, TVI_CMY) for v in (c, m, y))
    k = effective(k, TVI_K)
    acc = [0.0, 0.0, 0.0]
    for key, p in PRIMARIES.items():
        w = 1.0
        for ch, v in (("c", c), ("m", m), ("y", y), ("k", k)):
            w *= v if ch in key else 1 - v
        if w:
            for i in range(3):
                acc[i] += w * p[i]
    return tuple(v ** YN for v in acc)


def cmyk_to_lab_relative(c, m, y, k):
    """Lab relative to the paper (paper = L 100), as the colorimetric tables need."""
    xyz = cmyk_to_xyz(c, m, y, k)
    return xyz_to_lab(tuple(xyz[i] / PAPER_XYZ[i] * D50[i] for i in range(3)))


def gcr_black(L, a, b):
    """How much black a colour gets: none in light colours, more as it darkens and the
    less chromatic it is (medium grey-component replacement)."""
    chroma = math.hypot(a, b)
    t = max(0.0, min(1.0, (80.0 - L) / 75.0))
    return max(0.0, min(1.0, t ** 1.3 * max(0.0, 1 - chroma / 70.0) * 1.05))


def clamp01(v):
    return 0.0 if v < 0 else 1.0 if v > 1 else v


def de2(p, q):
    return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2


def invert(target, k, start):
    """CMY for TARGET Lab with black fixed at K: damped Gauss-Newton from START,
    staying in [0, 1] and under the ink limit."""
    x = list(start)
    cur = cmyk_to_lab_relative(*x, k)
    err = de2(cur, target)
    h = 1e-3
    for _ in range(12):
        jac = []
        for i in range(3):
            xp = list(x)
            xp[i] = xp[i] + h if xp[i] + h <= 1 else xp[i] - h
            lp = cmyk_to_lab_relative(*xp, k)
            step = xp[i] - x[i]
            jac.append([(lp[j] - cur[j]) / step for j in range(3)])
        # Solve J^T dx = target - cur (3x3), with Levenberg damping.
        r = [target[j] - cur[j] for j in range(3)]
        A = [[sum(jac[i][j] * jac[l][j] for j in range(3)) for l in range(3)] for i in range(3)]
        g = [sum(jac[i][j] * r[j] for j in range(3)) for i in range(3)]
        lam = 1e-2 * max(A[i][i] for i in range(3)) + 1e-9
        for i in range(3):
            A[i][i] += lam
        dx = solve3(A, g)
        if dx is None:
            break
        nx = [clamp01(x[i] + dx[i]) for i in range(3)]
        total = sum(nx) + k
        if total > INK_LIMIT:
            over = (total - INK_LIMIT) / 3
            nx = [clamp01(v - over) for v in nx]
        nl = cmyk_to_lab_relative(*nx, k)
        ne = de2(nl, target)
        if ne >= err:
            break
        x, cur, err = nx, nl, ne
        if err < 1e-4:
            break
    return x, err


def solve3(A, b):
    det = (A[0][0] * (A[1][1] * A[2][2] - A[1][2] * A[2][1])
           - A[0][1] * (A[1][0] * A[2][2] - A[1][2] * A[2][0])
           + A[0][2] * (A[1][0] * A[2][1] - A[1][1] * A[2][0]))
    if abs(det) < 1e-12:
        return None
    out = []
    for col in range(3):
        M = [row[:] for row in A]
        for r in range(3):
            M[r][col] = b[r]
        out.append((M[0][0] * (M[1][1] * M[2][2] - M[1][2] * M[2][1])
                    - M[0][1] * (M[1][0] * M[2][2] - M[1][2] * M[2][0])
                    + M[0][2] * (M[1][0] * M[2][1] - M[1][1] * M[2][0])) / det)
    return out


def u16(v):
    return max(0, min(65535, int(round(v))))


def lab_to_u16(lab):
    # ICC v2 16-bit Lab: L 0..100 -> 0..0xFF00, a/b -128..127.996 -> 0..0xFFFF.
    L, a, b = lab
    return (u16(L * 652.80), u16((a + 128) * 256), u16((b + 128) * 256))


def s15f16(v):
    return struct.pack(">i", int(round(v * 65536)))


LAB_INPUT = 256


def lab_input_tables():
    """Input curves for Lab tables: L stretched so that L 100 (0xFF00) falls on the last
    grid node (the paper white exactly on a node, no ink interpolated into it); a and b
    as they are."""
    L = [u16(min(1.0, i / (LAB_INPUT - 1) * 65535 / 65280) * 65535) for i in range(LAB_INPUT)]
    ident = [u16(i / (LAB_INPUT - 1) * 65535) for i in range(LAB_INPUT)]
    return [L, ident, ident]


def lut16(in_ch, out_ch, grid, clut, inputs=None):
    data = b"mft2" + b"\0" * 4 + struct.pack(">BBBx", in_ch, out_ch, grid)
    for i in range(3):
        for j in range(3):
            data += s15f16(1.0 if i == j else 0.0)
    if inputs is None:
        inputs = [[0, 65535]] * in_ch
    data += struct.pack(">HH", len(inputs[0]), 2)
    for table in inputs:
        data += struct.pack(">" + "H" * len(table), *table)
    data += b"".join(struct.pack(">" + "H" * out_ch, *entry) for entry in clut)
    data += struct.pack(">HH", 0, 65535) * out_ch
    return data


def desc(text):
    ascii_ = text.encode("ascii") + b"\0"
    return (b"desc" + b"\0" * 4 + struct.pack(">I", len(ascii_)) + ascii_
            + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67)


def text(s):
    return b"text" + b"\0" * 4 + s.encode("ascii") + b"\0"


def xyz_tag(xyz):
    return b"XYZ " + b"\0" * 4 + b"".join(s15f16(v) for v in xyz)


def a2b_table(grid):
    clut = []
    n = grid - 1
    for ci in range(grid):
        for mi in range(grid):
            for yi in range(grid):
                for ki in range(grid):
                    clut.append(lab_to_u16(cmyk_to_lab_relative(ci / n, mi / n, yi / n, ki / n)))
    return clut


def b2a_tables(grid):
    """CMYK for every Lab node, and the gamut tag: 0 in gamut, 0xFFFF out of it."""
    n = grid - 1
    # A coarse forward table per black level gives each node a good start.
    steps = 8
    coarse = {}
    for ki in range(steps + 1):
        k = ki / steps
        coarse[ki] = [((c / steps, m / steps, y / steps),
                       cmyk_to_lab_relative(c / steps, m / steps, y / steps, k))
                      for c in range(steps + 1) for m in range(steps + 1)
                      for y in range(steps + 1) if (c + m + y) / steps + k <= INK_LIMIT]
    clut, gamut = [], []
    for Li in range(grid):
        for ai in range(grid):
            for bi in range(grid):
                lab = (Li / n * 100.0, ai / n * 255.0 * 65535 / 65280 - 128,
                       bi / n * 255.0 * 65535 / 65280 - 128)
                k = gcr_black(*lab)
                # The black of the darkest colours cannot be less than what reaching them needs.
                ks = min(steps, int(round(k * steps)))
                start = min(coarse[ks], key=lambda e: de2(e[1], lab))[0]
                cmy, err = invert(lab, ks / steps, start)
                # Traces of ink below half a percent are noise of the solver: none.
                cmy = [0.0 if v < 0.005 else v for v in cmy]
                clut.append(tuple(u16(v * 65535) for v in (*cmy, ks / steps)))
                gamut.append((0 if err < 9.0 else 65535,))
    return clut, gamut


def profile():
    a2b = lut16(4, 3, 9, a2b_table(9))
    b2a_clut, gamut_clut = b2a_tables(17)
    b2a = lut16(3, 4, 17, b2a_clut, lab_input_tables())
    gamt = lut16(3, 1, 17, gamut_clut, lab_input_tables())
    tags = [
        (b"desc", desc("pamphlet FOGRA39-like coated CMYK")),
        (b"cprt", text("No copyright, use freely (CC0 1.0). Generated by pamphlet's "
                       "tools/make-cmyk-profile.py.")),
        (b"wtpt", xyz_tag(PAPER_XYZ)),
        (b"A2B0", a2b), (b"A2B1", a2b), (b"A2B2", a2b),
        (b"B2A0", b2a), (b"B2A1", b2a), (b"B2A2", b2a),
        (b"gamt", gamt),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body, placed = b"", b"", {}
    for sig, data in tags:
        key = id(data)
        if key not in placed:
            pad = (-(offset + len(body))) % 4
            body += b"\0" * pad
            placed[key] = offset + len(body)
            body += data
        table += sig + struct.pack(">II", placed[key], len(data))
    size = offset + len(body)
    header = struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000)
    header += b"prtr" + b"CMYK" + b"Lab "
    header += struct.pack(">HHHHHH", 2024, 1, 1, 0, 0, 0)
    header += b"acsp" + b"\0" * 4 + struct.pack(">I", 0) + b"\0" * 4 + b"\0" * 4
    header += b"\0" * 8 + struct.pack(">I", 0)  # attributes, rendering intent
    header += b"".join(s15f16(v) for v in D50)
    header += b"\0" * 4  # creator
    header += b"\0" * (128 - len(header))
    return header + struct.pack(">I", len(tags)) + table + body


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "styles/pdfx/pamphlet-fogra39.icc"
    data = profile()
    with open(out, "wb") as f:
        f.write(data)
    print("%s: %d bytes" % (out, len(data)))


if __name__ == "__main__":
    main()
