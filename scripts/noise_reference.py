#!/usr/bin/env python3
"""Prints the first standard normal numbers of the noise edit for a seed, from the recipe in
Sources/SegLensCore/Edits/GaussianNoiseEdit.swift, implemented independently: SplitMix64, 53-bit uniforms
u = (k + 1) / 2^53 and v = k / 2^53, Box-Muller sqrt(-2 ln u) * (cos 2 pi v, sin 2 pi v).

    python3 scripts/noise_reference.py 42 16
"""
import math
import sys

MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def normals(seed, count):
    random = splitmix64(seed)
    out = []
    while len(out) < count:
        u = ((next(random) >> 11) + 1) / 2.0**53
        v = (next(random) >> 11) / 2.0**53
        radius = math.sqrt(-2 * math.log(u))
        out += [radius * math.cos(2 * math.pi * v), radius * math.sin(2 * math.pi * v)]
    return out[:count]


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 42
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    print(",\n".join(repr(x) for x in normals(seed, count)))
