#!/usr/bin/env python3
"""Times the losses of `seglens bench` in PyTorch on the same saved inputs: value + backward, 2 threads.

Optional, not part of CI. Needs numpy; the timings need torch (without it, only the inputs are loaded and checked).

    seglens bench --size 1024 --save-inputs /tmp/b --json > /tmp/b/seglens.json
    python3 Benchmarks/torch_peer.py /tmp/b --seglens /tmp/b/seglens.json

prints one row per loss and precision: the PyTorch median in float64 and in float32 (PyTorch's usual training
precision), seglens's warm median from its JSON in the same precision (`warm_ms` in Doubles; `warm_float_ms`, the
Float kernel, where the loss has one, else `warm_ms`) and their ratio (torch / seglens).
The losses follow seglens's conventions (docs/losses.md) with their default parameters, written here from their
formulas: mean over pixels, region losses over the whole image with smoothing 1e-5, Lovász per image.
"""
import argparse
import json
import os
import statistics
import sys
import time

import numpy as np

SMOOTH = 1e-5


def load_inputs(directory):
    """truth (H, W) int32 and logits (C, H, W) float64, as `seglens bench --save-inputs` writes them."""
    truth = np.load(os.path.join(directory, "truth.npy"))
    logits = np.load(os.path.join(directory, "logits.npy"))
    if truth.ndim != 2 or logits.ndim != 3 or logits.shape[1:] != truth.shape:
        raise SystemExit(f"{directory}: truth {truth.shape} and logits {logits.shape} do not match (H, W) and (C, H, W)")
    classes = logits.shape[0]
    if truth.min() < 0 or truth.max() >= max(classes, 2):
        raise SystemExit(f"{directory}/truth.npy: labels outside 0..{max(classes, 2) - 1}")
    return truth, logits


def binary_losses(torch):
    F = torch.nn.functional

    def weighted(z, y, positive, negative):
        return (positive * y * F.softplus(-z) + negative * (1 - y) * F.softplus(z)).mean()

    def focal(z, y, alpha=0.25, gamma=2.0):
        p = torch.sigmoid(z)
        bce = F.binary_cross_entropy_with_logits(z, y, reduction="none")
        p_t = p * y + (1 - p) * (1 - y)
        alpha_t = alpha * y + (1 - alpha) * (1 - y)
        return (alpha_t * (1 - p_t) ** gamma * bce).mean()

    def counts(z, y):
        p = torch.sigmoid(z)
        return p, (p * y).sum(), p.sum(), y.sum()

    def dice(z, y):
        p, tp, sp, sy = counts(z, y)
        return 1 - (2 * tp + SMOOTH) / (sy + sp + SMOOTH)

    def dice_squared(z, y):
        p, tp, _, sy = counts(z, y)
        return 1 - (2 * tp + SMOOTH) / (sy + (p * p).sum() + SMOOTH)

    def iou(z, y):
        _, tp, sp, sy = counts(z, y)
        return 1 - (tp + SMOOTH) / (sy + sp - tp + SMOOTH)

    def tversky_index(z, y, beta=0.3):
        _, tp, sp, sy = counts(z, y)
        return (tp + SMOOTH) / (tp + beta * (sp - tp) + (1 - beta) * (sy - tp) + SMOOTH)

    def lovasz_hinge(z, y):
        errors = 1 - z * (2 * y - 1)
        errors_sorted, order = torch.sort(errors, descending=True)
        g = y[order]
        total = g.sum()
        intersection = total - g.cumsum(0)
        union = total + (1 - g).cumsum(0)
        jaccard = 1 - intersection / union
        jaccard = torch.cat([jaccard[:1], jaccard[1:] - jaccard[:-1]])
        return torch.dot(F.relu(errors_sorted), jaccard)

    return {
        "bce": lambda z, y: F.binary_cross_entropy_with_logits(z, y),
        "weighted-bce": lambda z, y: weighted(z, y, 1.0, 1.0),
        "balanced-bce": lambda z, y: weighted(z, y, 0.5, 0.5),
        "focal": focal,
        "dice": dice,
        "dice-squared": dice_squared,
        "iou": iou,
        "tversky": lambda z, y: 1 - tversky_index(z, y),
        "focal-tversky": lambda z, y: (1 - tversky_index(z, y)) ** 0.75,
        "lovasz-hinge": lambda z, y: lovasz_hinge(z.flatten(), y.flatten()),
    }


def multiclass_losses(torch):
    F = torch.nn.functional

    def focal(z, y, gamma=2.0):
        log_p = F.log_softmax(z, dim=0).gather(0, y[None]).squeeze(0)
        return (-(1 - log_p.exp()) ** gamma * log_p).mean()

    def per_class(z, y, score):
        p = F.softmax(z, dim=0).flatten(1)
        onehot = F.one_hot(y.flatten(), z.shape[0]).T.to(p.dtype)
        tp = (p * onehot).sum(1)
        return (1 - score(tp, p.sum(1), onehot.sum(1))).mean()

    def lovasz_softmax(z, y):
        p = F.softmax(z, dim=0).flatten(1)
        labels = y.flatten()
        losses = []
        for c in range(z.shape[0]):
            g = (labels == c).to(p.dtype)
            if g.sum() == 0:
                continue
            errors_sorted, order = torch.sort((g - p[c]).abs(), descending=True)
            g_sorted = g[order]
            total = g_sorted.sum()
            jaccard = 1 - (total - g_sorted.cumsum(0)) / (total + (1 - g_sorted).cumsum(0))
            jaccard = torch.cat([jaccard[:1], jaccard[1:] - jaccard[:-1]])
            losses.append(torch.dot(errors_sorted, jaccard))
        return torch.stack(losses).mean()

    return {
        "ce": lambda z, y: F.cross_entropy(z[None], y[None]),
        "focal": focal,
        "dice": lambda z, y: per_class(z, y, lambda tp, sp, sy: (2 * tp + SMOOTH) / (sy + sp + SMOOTH)),
        "tversky": lambda z, y: per_class(
            z, y, lambda tp, sp, sy: (tp + SMOOTH) / (tp + 0.3 * (sp - tp) + 0.7 * (sy - tp) + SMOOTH)),
        "lovasz-softmax": lovasz_softmax,
    }


def time_torch(torch, loss, logits, truth, repeats, dtype):
    """Median ms of value + backward in `dtype`, the gradient buffer reused (PyTorch's caching allocator)."""
    z = torch.tensor(logits, dtype=dtype, requires_grad=True)
    if truth.is_floating_point():
        truth = truth.to(dtype)
    times = []
    for run in range(repeats + 1):
        start = time.perf_counter()
        value = loss(z, truth)
        value.backward()
        elapsed = (time.perf_counter() - start) * 1e3
        z.grad = None
        if run > 0:
            times.append(elapsed)
    return statistics.median(times), float(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", help="where `seglens bench --save-inputs` wrote truth.npy and logits.npy")
    parser.add_argument("--seglens", help="`seglens bench --json` output of the same input, for the ratio column")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--threads", type=int, default=2)
    arguments = parser.parse_args()
    truth, logits = load_inputs(arguments.directory)
    classes = logits.shape[0]
    seglens = {}
    if arguments.seglens:
        with open(arguments.seglens) as file:
            for row in json.load(file)["results"]:
                seglens[row["loss"], "float64"] = row["warm_ms"]
                seglens[row["loss"], "float32"] = row.get("warm_float_ms") or row["warm_ms"]
    try:
        import torch
    except ImportError:
        print(f"{arguments.directory}: truth {truth.shape}, logits {logits.shape}: loaded; torch is not installed, "
              "no timings", file=sys.stderr)
        return 0
    torch.set_num_threads(arguments.threads)
    if classes == 1:
        losses, z, y = binary_losses(torch), logits[0], torch.tensor(truth == 1, dtype=torch.float64)
    else:
        losses, z, y = multiclass_losses(torch), logits, torch.tensor(truth, dtype=torch.int64)
    print(f"torch {torch.__version__}, {arguments.threads} threads, {truth.shape[0]}×{truth.shape[1]}, "
          f"{'binary' if classes == 1 else f'{classes} classes'}: median of {arguments.repeat} runs, value + backward")
    print(f"{'loss':<16}{'dtype':<9}{'torch ms':>10}{'seglens ms':>12}{'torch/seglens':>15}")
    for name, loss in losses.items():
        for dtype in ("float64", "float32"):
            median, _ = time_torch(torch, loss, z, y, arguments.repeat, getattr(torch, dtype))
            ours = seglens.get((name, dtype))
            ratio = f"{median / ours:15.2f}" if ours else f"{'':>15}"
            print(f"{name:<16}{dtype:<9}{median:10.3f}{(ours or float('nan')):12.3f}{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
