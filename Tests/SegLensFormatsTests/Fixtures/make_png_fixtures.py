#!/usr/bin/env python3
"""Writes the PNG fixtures of SegLensFormatsTests into png/ next to this script, by hand (zlib + struct, no Pillow).

Values follow formulas the Swift tests recompute, with k the row-major pixel index:
  gray, b bits:      (7k + 1) mod 2^b        (16 bits: (7919k + 1) mod 65536)
  palette indices:   k mod (number of palette entries), except where noted
  rgb:               (40k, 255 - 40k, 10k + 5), alpha (rgba only) 255 - 50k
"""
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "png")
os.makedirs(OUT, exist_ok=True)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, bit_depth, color_type, rows, extra=b""):
    """rows: lists of samples per row (already interleaved per channel)."""
    raw = b""
    for row in rows:
        if bit_depth < 8:
            bits = "".join(format(v, f"0{bit_depth}b") for v in row)
            bits += "0" * (-len(bits) % 8)
            data = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
        elif bit_depth == 8:
            data = bytes(row)
        else:
            data = b"".join(struct.pack(">H", v) for v in row)
        raw += b"\0" + data
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def save(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def grid(width, height, value):
    return [[value(r * width + c) for c in range(width)] for r in range(height)]


W, H = 5, 3
for bits in (1, 2, 4, 8):
    save(f"gray{bits}_5x3.png", png(W, H, bits, 0, grid(W, H, lambda k: (7 * k + 1) % (1 << bits))))
save("gray16_5x3.png", png(W, H, 16, 0, grid(W, H, lambda k: (7919 * k + 1) % 65536)))


def plte(colors):
    return chunk(b"PLTE", b"".join(bytes(c) for c in colors))


# Palette with duplicate colours and fewer than 256 entries.
duplicates = [(0, 0, 0), (128, 0, 0), (0, 0, 0), (128, 0, 0), (255, 255, 255)]
save("palette_duplicates_4x4.png", png(4, 4, 8, 3, grid(4, 4, lambda k: k % 5), plte(duplicates)))
save("palette4bit_duplicates_5x3.png", png(W, H, 4, 3, grid(W, H, lambda k: k % 3), plte(duplicates[:3])))


# Pascal VOC colour map (256 entries); indices k mod 21, and 255 (void) on the last column.
def voc(i):
    r = g = b = 0
    for j in range(8):
        r |= ((i >> 0) & 1) << (7 - j)
        g |= ((i >> 1) & 1) << (7 - j)
        b |= ((i >> 2) & 1) << (7 - j)
        i >>= 3
    return (r, g, b)


save("palette_voc_5x3.png", png(W, H, 8, 3, grid(W, H, lambda k: 255 if k % W == W - 1 else k % 21),
                                 plte([voc(i) for i in range(256)])))

save("rgb_3x2.png", png(3, 2, 8, 2, [sum(([40 * k, 255 - 40 * k, 10 * k + 5] for k in range(r * 3, r * 3 + 3)), [])
                                     for r in range(2)]))
save("rgba_3x2.png", png(3, 2, 8, 6, [sum(([40 * k, 255 - 40 * k, 10 * k + 5, 255 - 50 * k] for k in range(r * 3, r * 3 + 3)), [])
                                      for r in range(2)]))

# Broken files.
good = png(W, H, 8, 0, grid(W, H, lambda k: k))
idat = good.index(b"IDAT")
crc_at = idat + 4 + struct.unpack(">I", good[idat - 4:idat])[0]
save("bad_crc.png", good[:crc_at] + bytes([good[crc_at] ^ 0xFF]) + good[crc_at + 1:])
save("truncated.png", good[:len(good) - 20])
# A valid header declaring 100000 × 100000 pixels, followed by one row of data (a decompression bomb's shape).
save("huge_100000x100000.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 0, 0, 0, 0))
     + chunk(b"IDAT", zlib.compress(bytes(100001))) + chunk(b"IEND", b""))
