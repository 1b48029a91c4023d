#!/usr/bin/env python3
"""Writes the .npy fixtures of SegLensFormatsTests into npy/ next to this script.

Values follow formulas the Swift tests recompute independently, with k the C-order element index:
  bool: k % 3 == 0     signed: 37k - 100     unsigned: 37k + 3     float: 0.5k - 1.25
Run from anywhere: python3 make_npy_fixtures.py (needs numpy).
"""
import os
import numpy as np
from numpy.lib import format as npformat

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "npy")
os.makedirs(OUT, exist_ok=True)


def formula(kind, shape):
    k = np.arange(int(np.prod(shape))).reshape(shape)
    return {"b": k % 3 == 0, "i": 37 * k - 100, "u": 37 * k + 3, "f": 0.5 * k - 1.25}[kind]


def save(name, array, version=None):
    with open(os.path.join(OUT, name), "wb") as f:
        npformat.write_array(f, array, version=version)


# Every dtype, shape (2, 3), little endian; multi-byte dtypes also big endian.
for code in ["b1", "u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f2", "f4", "f8"]:
    kind = code[0]
    values = formula(kind, (2, 3))
    save(f"dtype_{code}.npy", values.astype("?" if kind == "b" else "<" + code))
    if code[1] != "1":
        save(f"dtype_{code}_be.npy", values.astype(">" + code))

# Fortran order (numpy writes the data first axis fastest).
save("fortran_f8_2x3x4.npy", np.asfortranarray(formula("f", (2, 3, 4))))
save("fortran_i4_3x5.npy", np.asfortranarray(formula("i", (3, 5)).astype("<i4")))
# Header versions 2.0 and 3.0.
save("version2_f4_2x3.npy", formula("f", (2, 3)).astype("<f4"), version=(2, 0))
save("version3_i2_2x3.npy", formula("i", (2, 3)).astype("<i2"), version=(3, 0))
# Ranks 0, 1 and 4.
save("scalar_f8.npy", np.array(2.5))
save("vector_i8_5.npy", formula("i", (5,)))
save("rank4_u2_1x2x2x3.npy", formula("u", (1, 2, 2, 3)).astype("<u2"))

# What NPYWriter must reproduce byte for byte (numpy.save).
np.save(os.path.join(OUT, "writer_f8_3x4.npy"), formula("f", (3, 4)))
np.save(os.path.join(OUT, "writer_f8_scalar.npy"), np.array(-1.25))
np.save(os.path.join(OUT, "writer_f8_2x1x3x2.npy"), formula("f", (2, 1, 3, 2)))
np.save(os.path.join(OUT, "writer_i8_7.npy"), formula("i", (7,)).astype("<i8"))
np.save(os.path.join(OUT, "writer_labels_i4_2x3.npy"), formula("i", (2, 3)).astype("<i4"))
