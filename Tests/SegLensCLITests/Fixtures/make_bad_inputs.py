#!/usr/bin/env python3
"""Writes the bad-input corpus of SegLensCLITests (BadInputCorpusTests) into bad/ next to this script.

Each file breaks one thing; BadInputCorpusTests.swift lists, per file, how it is given to `seglens eval`, the exit
code, the position and the words of the message. ok-truth.npy (4×4 labels) and ok-logits.npy (4×4 logits) are the
valid other half of a pair. Directories and unreadable paths are made by the test itself (git keeps neither).
Run from anywhere: python3 make_bad_inputs.py (needs numpy).
"""
import io
import os
import struct
import zipfile
import zlib

import numpy as np
from numpy.lib import format as npformat

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bad")
os.makedirs(OUT, exist_ok=True)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def npy_bytes(array):
    buffer = io.BytesIO()
    npformat.write_array(buffer, array, version=(1, 0))
    return buffer.getvalue()


def npy_with_header(header, data=b""):
    """A version-1.0 .npy file with the header literal `header` (padded to 64 bytes with spaces and a newline)."""
    text = header.encode("latin1")
    total = 10 + len(text) + 1
    padding = (64 - total % 64) % 64
    text += b" " * padding + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text + data


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, depth=8, color=0, rows=None, corrupt_crc=False):
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, 0))
    raw = rows if rows is not None else b"".join(b"\x00" + bytes(width) for _ in range(height))
    idat = png_chunk(b"IDAT", zlib.compress(raw))
    if corrupt_crc:
        idat = idat[:-1] + bytes([idat[-1] ^ 0xFF])
    return b"\x89PNG\r\n\x1a\n" + header + idat + png_chunk(b"IEND", b"")


MASK = "# seglens mask v1\ntruth:\n  ..#\n  .##\n\nprediction: logits\n  -4 -1.5 2\n  -3 0.5 6\n"

# The valid halves.
k = np.arange(16).reshape(4, 4)
np.save(os.path.join(OUT, "ok-truth.npy"), (k % 3 == 0).astype(np.int32))
np.save(os.path.join(OUT, "ok-logits.npy"), 0.5 * k - 4.0)

# .mask text
write("mask-empty.mask", b"")
write("mask-preset-duplicate.mask", MASK.replace("truth:", 'params 2 "a": loss=dice\nparams 2 "b": loss=focal gamma=5\ntruth:'))
write("mask-preset-no-loss.mask", MASK.replace("truth:", "params 1: gamma=5\ntruth:"))
write("mask-truncated.mask", MASK[: MASK.index("-1.5") + 2])
write("mask-version2.mask", MASK.replace("v1", "v2"))
write("mask-latin1.mask", MASK.replace("truth:", "title: caf\xe9\ntruth:").encode("latin1"))
write("mask-unequal-rows.mask", MASK.replace("  .##\n", "  .###\n"))
write("mask-tab-in-row.mask", MASK.replace("  .##\n", "  .\t##\n"))
write("mask-bad-glyph.mask", MASK.replace("  .##\n", "  .#7\n"))
write("mask-nan.mask", MASK.replace("0.5", "nan"))
write("mask-inf.mask", MASK.replace("6\n", "inf\n"))
write("mask-huge-number.mask", MASK.replace("0.5", "1e999"))
write("mask-prediction-rows.mask", MASK.replace("  -3 0.5 6\n", ""))
write("mask-no-truth.mask", "# seglens mask v1\nprediction: logits\n  1\n")
write("mask-probability-9.mask", MASK.replace("prediction: logits\n  -4 -1.5 2\n  -3 0.5 6",
                                              "prediction: probabilities\n  0.1 0.2 1.5\n  0 0 0"))
write("mask-escape-title.mask", MASK.replace("truth:", "title: x\ntruth: \x1b[2J"))
write("mask-nul.mask", MASK.replace("title", "").replace("truth:\n", "truth:\x00\n"))

# .npy
good = npy_bytes((k % 3 == 0).astype(np.int32))
write("npy-empty.npy", b"")
write("npy-magic-only.npy", b"\x93NUMPY")
write("npy-wrong-magic.npy", b"\x93NUMPZ" + good[6:])
write("npy-version9.npy", good[:6] + b"\x09\x00" + good[8:])
write("npy-header-past-end.npy", good[:8] + struct.pack("<H", 60000) + good[10:40])
write("npy-truncated-data.npy", good[:-10])
write("npy-trailing-bytes.npy", good + b"\x00" * 8)
write("npy-lying-shape.npy", npy_with_header("{'descr': '<i4', 'fortran_order': False, 'shape': (40, 40), }", good[128:]))
write("npy-giant-shape.npy", npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }"))
write("npy-complex.npy", npy_with_header("{'descr': '<c16', 'fortran_order': False, 'shape': (4, 4), }", bytes(256)))
write("npy-object.npy", npy_with_header("{'descr': '|O', 'fortran_order': False, 'shape': (4, 4), }", bytes(128)))
write("npy-structured.npy", npy_with_header("{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (4, 4), }", bytes(64)))
write("npy-not-a-dict.npy", npy_with_header("['descr', '<i4']"))
write("npy-fortran-string.npy", npy_with_header("{'descr': '<i4', 'fortran_order': 'no', 'shape': (4, 4), }", bytes(64)))
write("npy-negative-shape.npy", npy_with_header("{'descr': '<i4', 'fortran_order': False, 'shape': (-4, 4), }"))
write("npy-float-labels.npy", npy_bytes(0.5 * k))
write("npy-label-7.npy", npy_bytes(np.where(k == 5, 7, k % 2).astype(np.int64)))
logits = 0.5 * k - 4.0
write("npy-nan-logits.npy", npy_bytes(np.where(k == 9, np.nan, logits)))
write("npy-inf-logits.npy", npy_bytes(np.where(k == 2, np.inf, logits)))
write("npy-probs-above-1.npy", npy_bytes(np.where(k == 6, 1.25, 0.5)))
write("npy-shape-mismatch.npy", npy_bytes(np.zeros((4, 5))))
write("npy-rank5.npy", npy_bytes(np.zeros((1, 1, 1, 4, 4))))
write("npy-float16-logits.npy", npy_bytes(logits.astype(np.float16)))
write("npy-channels-last.npy", npy_bytes(np.zeros((4, 4, 3))))

# .npz
buffer = io.BytesIO()
np.savez_compressed(buffer, mask=(k % 3 == 0).astype(np.int32), logits=logits)
archive = buffer.getvalue()
write("npz-truncated.npz", archive[: len(archive) // 2])
crc_broken = bytearray(archive)
crc_broken[60] ^= 0x01
write("npz-corrupt.npz", bytes(crc_broken))
bz = io.BytesIO()
with zipfile.ZipFile(bz, "w", compression=zipfile.ZIP_BZIP2) as z:
    z.writestr("mask.npy", good)
write("npz-bzip2.npz", bz.getvalue())
text_member = io.BytesIO()
with zipfile.ZipFile(text_member, "w") as z:
    z.writestr("mask.npy", "0 1\n1 0\n")
write("npz-member-not-npy.npz", text_member.getvalue())

# PNG
write("png-signature-only.png", b"\x89PNG\r\n\x1a\n")
write("png-truncated.png", png(4, 4)[:45])
write("png-bad-crc.png", png(4, 4, corrupt_crc=True))
write("png-giant.png", png(100000, 100000, rows=b""))
write("png-zero-width.png", png(0, 4, rows=b""))
write("png-rgb-truth.png", png(4, 4, color=2, rows=b"".join(b"\x00" + bytes(12) for _ in range(4))))
write("png-wrong-magic.png", b"\x89PNX" + png(4, 4)[4:])

# PGM
write("pgm-maxval-0.pgm", b"P5\n4 4\n0\n" + bytes(16))
write("pgm-word.pgm", b"P2\n4 4\n255\n0 0 0 0\n0 x 0 0\n0 0 0 0\n0 0 0 0\n")
write("pgm-truncated.pgm", b"P5\n4 4\n255\n" + bytes(9))
write("pgm-giant.pgm", b"P5\n100000 100000\n255\n" + bytes(16))
write("pgm-above-maxval.pgm", b"P2\n4 4\n15\n0 0 0 0\n0 16 0 0\n0 0 0 0\n0 0 0 0\n")
write("pgm-no-dims.pgm", b"P5\n")

# Other kinds
write("jpeg-mask.png", bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + b"JFIF\x00" + bytes(32))
write("text-labels.npy", "0 1 1 0\n1 0 0 1\n")
write("gif-mask.png", b"GIF89a" + bytes(16))
