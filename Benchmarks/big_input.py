#!/usr/bin/env python3
"""Writes a big binary input in every format seglens reads, for measuring time and peak memory of the readers.

    python3 Benchmarks/big_input.py OUTDIR [WIDTH HEIGHT]      # default 6250 × 4000 (25 M pixels)
    python3 Benchmarks/big_input.py OUTDIR WIDTH HEIGHT C      # a multi-class input of C classes instead

OUTDIR/big.mask         truth grid (. and #) and a digit-grid prediction (digit d = probability d/9): ~50 MB
OUTDIR/truth.npy        uint8 labels 0/1, (H, W)
OUTDIR/probs.npy        float32 probabilities d/9, (H, W)
OUTDIR/logits.npy       float64 logits, (H, W)
OUTDIR/big.npz          np.savez_compressed(mask=truth, logits=logits)
OUTDIR/truth.png        8-bit gray 0/255
OUTDIR/truth.pgm        binary PGM (P5) 0/255

The picture: discs of foreground on background, and a prediction that is right inside the discs, unsure near
their edges and has a few false blobs; deterministic (no random numbers).

With C, the multi-class files (C×H×W predictions, channels first):

OUTDIR/mc-truth.npy     uint8 labels 0…C−1, (H, W): squares of 64 pixels, class (i + 3j) mod C
OUTDIR/mc-truth.png     8-bit gray, the labels as values
OUTDIR/mc-logits.npy    float32 logits, (C, H, W): 4 on the true class fading to 0 near the squares' edges,
                        plus a ripple of ±1 that differs by class
OUTDIR/mc-logits64.npy  the same logits in float64
OUTDIR/mc-probs.npy     float32 softmax of the logits, (C, H, W)
"""
import os
import struct
import sys
import zlib

import numpy as np


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 6250
    height = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
    os.makedirs(out, exist_ok=True)
    if len(sys.argv) > 4:
        write_multiclass(out, width, height, int(sys.argv[4]))
        return
    rows = np.arange(height, dtype=np.float64)[:, None]
    cols = np.arange(width, dtype=np.float64)[None, :]
    # a lattice of discs of radius 40 every 125 pixels
    dy = (rows % 125) - 62.0
    dx = (cols % 125) - 62.0
    distance = np.sqrt(dx * dx + dy * dy) - 40.0
    truth = (distance < 0).astype(np.uint8)
    # prediction: a soft edge shifted by a few pixels, plus false blobs every 7th disc position
    soft = 1.0 / (1.0 + np.exp((distance - 3.0) / 4.0))
    false_blob = ((np.floor(rows / 125) + np.floor(cols / 125)) % 7 == 0) & (np.abs(distance + 45) < 10)
    probability = np.where(false_blob, 0.6, soft)
    digits = np.clip(np.rint(probability * 9), 0, 9).astype(np.uint8)
    probs = (digits.astype(np.float64) / 9).astype(np.float32)
    clamped = np.clip(digits.astype(np.float64) / 9, 1e-3, 1 - 1e-3)
    logits = np.log(clamped) - np.log1p(-clamped)

    with open(os.path.join(out, "big.mask"), "wb") as f:
        f.write(b"# seglens mask v1\ntitle: big input %dx%d\ntruth:\n" % (width, height))
        glyphs = np.frombuffer(b".#", dtype=np.uint8)[truth]
        block = np.empty((height, width + 3), dtype=np.uint8)
        block[:, 0:2] = ord(" ")
        block[:, -1] = ord("\n")
        block[:, 2:-1] = glyphs
        f.write(block.tobytes())
        f.write(b"\nprediction: probabilities\n")
        block[:, 2:-1] = digits + ord("0")
        f.write(block.tobytes())
    np.save(os.path.join(out, "truth.npy"), truth)
    np.save(os.path.join(out, "probs.npy"), probs)
    np.save(os.path.join(out, "logits.npy"), logits)
    np.savez_compressed(os.path.join(out, "big.npz"), mask=truth, logits=logits)
    with open(os.path.join(out, "truth.pgm"), "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (width, height))
        f.write((truth * 255).tobytes())
    write_gray_png(os.path.join(out, "truth.png"), truth * 255)


def write_multiclass(out: str, width: int, height: int, classes: int) -> None:
    """The multi-class files (see the module's text), written one class plane at a time."""
    rows = np.arange(height)[:, None]
    cols = np.arange(width)[None, :]
    truth = ((rows // 64 + 3 * (cols // 64)) % classes).astype(np.uint8)
    # 1 in the middle of a square, 0 on its edge
    edge = np.minimum(np.minimum(rows % 64, 63 - rows % 64), np.minimum(cols % 64, 63 - cols % 64))
    sure = np.minimum(edge / 8.0, 1.0)
    np.save(os.path.join(out, "mc-truth.npy"), truth)
    write_gray_png(os.path.join(out, "mc-truth.png"), truth)
    shape = (classes, height, width)
    logits32 = np.lib.format.open_memmap(os.path.join(out, "mc-logits.npy"), mode="w+", dtype=np.float32, shape=shape)
    logits64 = np.lib.format.open_memmap(os.path.join(out, "mc-logits64.npy"), mode="w+", dtype=np.float64, shape=shape)
    total = np.zeros((height, width))
    for c in range(classes):
        plane = 4.0 * sure * (truth == c) + np.sin((rows + 7 * c) / 9.0) * np.cos((cols - 5 * c) / 13.0)
        logits64[c] = plane
        logits32[c] = plane
        total += np.exp(plane)
    probs = np.lib.format.open_memmap(os.path.join(out, "mc-probs.npy"), mode="w+", dtype=np.float32, shape=shape)
    for c in range(classes):
        probs[c] = np.exp(logits64[c]) / total
    for array in (logits32, logits64, probs):
        array.flush()


def write_gray_png(path: str, image: np.ndarray) -> None:
    """An 8-bit grayscale PNG, filter 0 on every row, through zlib."""
    height, width = image.shape
    raw = np.zeros((height, width + 1), dtype=np.uint8)
    raw[:, 1:] = image

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw.tobytes(), 6)))
        f.write(chunk(b"IEND", b""))


if __name__ == "__main__":
    main()
