#!/usr/bin/env python3
"""Writes the .npz fixtures of SegLensFormatsTests and SegLensCLITests into npz/ next to this script.

Values follow formulas the Swift tests recompute independently, with k the C-order element index of an (H, W) or
(C, H, W) array:  mask: (3k + 1) % 5 == 0 → 1 else 0 (int64)     logits: 0.25k − 3 (float64)
Also written: channels-last (H, W, C) logits, float16 logits, a multi-class pair, a JPEG's first bytes.
Run from anywhere: python3 make_npz_fixtures.py (needs numpy).
"""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "npz")
os.makedirs(OUT, exist_ok=True)
H, W, C = 6, 8, 3


def mask(shape):
    k = np.arange(int(np.prod(shape))).reshape(shape)
    return ((3 * k + 1) % 5 == 0).astype(np.int64)


def logits(shape):
    k = np.arange(int(np.prod(shape))).reshape(shape)
    return 0.25 * k - 3.0


def path(name):
    return os.path.join(OUT, name)


# A binary pair, stored and deflated (numpy writes ZIP64 local headers for both).
np.savez(path("pair_stored.npz"), mask=mask((H, W)), logits=logits((H, W)))
np.savez_compressed(path("pair_deflate.npz"), mask=mask((H, W)), logits=logits((H, W)))
# One array only: no name needed. Positional arrays get numpy's names arr_0, arr_1.
np.savez_compressed(path("only_mask.npz"), mask=mask((H, W)))
np.savez(path("positional.npz"), mask((H, W)), logits((H, W)))
# Multi-class: labels 0..2 and (C, H, W) logits.
k = np.arange(H * W).reshape(H, W)
np.savez_compressed(path("multiclass.npz"), mask=(k % 3).astype(np.int32), logits=logits((C, H, W)))
# What people have: channels-last logits, float16 logits.
np.savez_compressed(path("channels_last.npz"), mask=(k % 3).astype(np.int32),
                    logits=np.ascontiguousarray(np.transpose(logits((C, H, W)), (1, 2, 0))))
np.savez(path("float16.npz"), mask=mask((H, W)), logits=logits((H, W)).astype(np.float16))
# A JPEG's first bytes (SOI and an APP0 marker), for the refusal by magic bytes.
with open(path("photo.jpg"), "wb") as f:
    f.write(bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + b"JFIF\x00" + bytes(64))
