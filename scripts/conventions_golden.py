#!/usr/bin/env python3
"""Golden values for seglens's library conventions (`seglens eval --convention ...`).

Builds the small inputs of the shared loss notes (B=2 images of 4x4; binary and 3-class; the ABSENT, IGN, EMPTY0 and
ALLEMPTY variants) plus a few of seglens's own (extreme logits, an absent class, large |z|), runs every library call
that seglens reproduces with whichever of smp, MONAI, kornia, Keras 3 and torch/torchvision are installed, and prints
one JSON object in the layout of Tests/SegLensCoreTests/Fixtures/conventions.json:

    python3 scripts/conventions_golden.py                 # print the JSON
    python3 scripts/conventions_golden.py --write PATH    # write it

A case whose library is not installed keeps the value printed in the shared notes (losses.md section 9, computed
with smp 0.6.0, MONAI 1.6.1, kornia 0.9.0, Keras 3.15.1, torch 2.15, float32) and says so in "source". Keras runs on
any backend (KERAS_BACKEND=numpy needs only numpy, scipy and jax); the other libraries need torch.
Not part of CI.
"""
import argparse
import json
import math
import os
import sys

import numpy as np

os.environ.setdefault("KERAS_BACKEND", "numpy")

# ----------------------------------------------------------------------------------------------------------------
# Inputs: lists of images; binary logits (B, H, W), multi-class logits (B, C, H, W), labels (B, H, W).


def notes_inputs():
    b, c, h, w = np.meshgrid(range(2), range(3), range(4), range(4), indexing="ij")
    logits_mc = np.float32(3 * np.sin(1 + 0.5 * b + 1.1 * c + 0.37 * h + 0.23 * w))
    bb, hh, ww = np.meshgrid(range(2), range(4), range(4), indexing="ij")
    target_mc = (bb + 2 * hh + 3 * ww) % 3
    logits_bin = np.float32(2.5 * np.cos(0.3 + 0.9 * bb + 0.41 * hh + 0.77 * ww))
    target_bin = np.where(((4 * hh + ww) * 7 + bb) % 5 < 2, 1, 0)
    absent = target_mc.copy()
    absent[0][absent[0] == 2] = 0
    ignored = target_mc.copy()
    ignored[0, 0, :] = 255
    empty0 = target_bin.copy()
    empty0[0] = 0
    return {
        "bin": ("binary", logits_bin, target_bin, None),
        "bin-empty0": ("binary", logits_bin, empty0, None),
        "bin-allempty": ("binary", logits_bin, np.zeros_like(target_bin), None),
        "mc": ("multiclass", logits_mc, target_mc, None),
        "mc-absent": ("multiclass", logits_mc, absent, None),
        "mc-ign": ("multiclass", logits_mc, ignored, 255),
        # an ignore_index that no pixel carries (MONAI's focal then divides by pixels, not pixels x C)
        "mc-index99": ("multiclass", logits_mc, target_mc, 99),
        # seglens's own: logits beyond the float32 clip of Keras and the article (|z| > 16), and an absent class.
        "bin-extreme": ("binary", np.float32([[[30.0, -30.0]]]), np.array([[[0, 1]]]), None),
        "own-bin": (
            "binary",
            np.float32(18 * np.sin(0.7 + 1.3 * np.arange(35).reshape(1, 5, 7)) ** 3),
            (np.arange(35).reshape(1, 5, 7) % 4 == 1).astype(int),
            None,
        ),
        "own-mc": (
            "multiclass",
            np.float32(9 * np.cos(0.4 + 0.9 * np.arange(4 * 30).reshape(1, 4, 5, 6) ** 1.1)),
            (np.arange(30).reshape(1, 5, 6) * 7 % 3),  # class 3 of 4 never occurs
            None,
        ),
    }


# ----------------------------------------------------------------------------------------------------------------
# Cases: (input, library, seglens loss, params, value printed in the notes or None, the library call[, variant]).

CASES = [
    # binary
    ("bin", "smp", "dice", {"smooth": 0}, 0.6142415, 'smp DiceLoss("binary")'),
    ("bin", "smp", "dice", {"smooth": 1}, 0.5661278, 'smp DiceLoss("binary", smooth=1)'),
    ("bin", "smp", "iou", {"smooth": 0}, 0.7610280, 'smp JaccardLoss("binary")'),
    ("bin", "smp", "tversky", {"beta": 0.3, "smooth": 0}, 0.6414646, 'smp TverskyLoss("binary", .3, .7)'),
    ("bin", "smp", "focal-tversky", {"beta": 0.3, "gamma": 0.75, "smooth": 0}, 0.7167695, "smp TverskyLoss(.3, .7, gamma=.75)"),
    ("bin", "smp", "focal", {"alpha": None, "gamma": 2}, 0.5670447, 'smp FocalLoss("binary")'),
    ("bin", "smp", "focal", {"alpha": 0.25, "gamma": 2}, 0.1874286, 'smp FocalLoss("binary", alpha=.25)'),
    ("bin", "smp", "lovasz-hinge", {}, 2.1863656, 'smp LovaszLoss("binary")'),
    ("bin", "smp", "bce", {}, 0.8974308, "smp SoftBCEWithLogitsLoss()"),
    ("bin", "monai", "dice", {"smooth": 1e-5}, 0.6179128, "MONAI DiceLoss(sigmoid=True)"),
    ("bin", "monai", "dice-squared", {"smooth": 1e-5}, 0.5265110, "MONAI DiceLoss(sigmoid, squared_pred)"),
    ("bin", "monai", "iou", {"smooth": 1e-5}, 0.7631944, "MONAI DiceLoss(sigmoid, jaccard)"),
    ("bin", "monai", "tversky", {"beta": 0.3, "smooth": 1e-5}, 0.6442298, "MONAI TverskyLoss(sigmoid, .3, .7)"),
    ("bin", "monai", "focal", {"alpha": None, "gamma": 2}, 0.5670447, "MONAI FocalLoss()"),
    ("bin", "monai", "focal", {"alpha": 0.25, "gamma": 2}, 0.1874286, "MONAI FocalLoss(alpha=.25)"),
    ("bin", "kornia", "focal", {"alpha": 0.25, "gamma": 2}, 0.1874286, "kornia binary_focal_loss_with_logits(mean)"),
    ("bin", "kornia", "lovasz-hinge", {}, 2.1975503, "kornia lovasz_hinge_loss"),
    ("bin", "keras", "dice", {}, 0.6142416, "Keras Dice()"),
    ("bin", "keras", "tversky", {"beta": 0.3}, 0.5825448, "Keras Tversky(alpha=.3, beta=.7), 3.15.1 swap"),
    ("bin", "keras", "tversky", {"beta": 0.7}, 0.6414647, "Keras Tversky(alpha=.7, beta=.3), 3.15.1 swap"),
    ("bin", "keras", "focal", {"alpha": None, "gamma": 2}, 0.5670447, "Keras BinaryFocalCrossentropy(from_logits)"),
    ("bin", "keras", "focal", {"alpha": 0.25, "gamma": 2}, 0.1874286, "Keras BinaryFocalCrossentropy(class balancing)"),
    ("bin", "keras", "bce", {}, None, "Keras BinaryCrossentropy(from_logits)"),
    ("bin", "torchvision", "focal", {"alpha": 0.25, "gamma": 2}, 0.1874286, "torchvision sigmoid_focal_loss(mean)"),
    ("bin", "torchvision", "bce", {}, 0.8974308, "torch binary_cross_entropy_with_logits"),
    ("bin-empty0", "smp", "dice", {"smooth": 0}, 0.7787755, 'smp DiceLoss("binary"), image 0 empty'),
    ("bin-empty0", "monai", "dice", {"smooth": 1e-5}, 0.8274296, "MONAI DiceLoss(sigmoid), image 0 empty"),
    ("bin-empty0", "kornia", "lovasz-hinge", {}, 2.8509028, "kornia lovasz_hinge_loss, image 0 empty"),
    ("bin-empty0", "keras", "dice", {}, None, "Keras Dice(), image 0 empty"),
    ("bin-allempty", "smp", "dice", {"smooth": 0}, 0.0, 'smp DiceLoss("binary"), all empty'),
    ("bin-allempty", "smp", "iou", {"smooth": 0}, 0.0, 'smp JaccardLoss("binary"), all empty'),
    ("bin-allempty", "monai", "dice", {"smooth": 1e-5}, 0.9999977, "MONAI DiceLoss(sigmoid), all empty"),
    ("bin-allempty", "keras", "dice", {}, 1.0, "Keras Dice(), all empty"),
    ("bin-extreme", "keras", "focal", {"alpha": None, "gamma": 0}, 16.030239, "Keras BFCE(from_logits, gamma=0), torch backend"),
    ("own-bin", "keras", "dice", {}, None, "Keras Dice()"),
    ("own-bin", "keras", "tversky", {"beta": 0.2}, None, "Keras Tversky(alpha=.2, beta=.8)"),
    ("own-bin", "keras", "focal", {"alpha": 0.4, "gamma": 1.5}, None, "Keras BinaryFocalCrossentropy(class balancing)"),
    ("own-bin", "keras", "focal", {"alpha": None, "gamma": 3}, None, "Keras BinaryFocalCrossentropy()"),
    # (no own-bin Keras bce: from_logits=True is exact on the torch/TF/JAX backends, but the numpy backend clips p)
    # multi-class
    ("mc", "smp", "dice", {"smooth": 0}, 0.7827516, 'smp DiceLoss("multiclass")'),
    ("mc", "smp", "iou", {"smooth": 0}, 0.8608203, 'smp JaccardLoss("multiclass")'),
    ("mc", "smp", "tversky", {"beta": 0.3, "smooth": 0}, 0.7591910, 'smp TverskyLoss("multiclass", .3, .7)'),
    ("mc", "smp", "focal", {"alpha": None, "gamma": 2}, 0.7703481, 'smp FocalLoss("multiclass")'),
    ("mc", "smp", "lovasz-softmax", {}, 0.8477173, 'smp LovaszLoss("multiclass")'),
    ("mc", "smp", "ce", {}, 2.2632933, "smp SoftCrossEntropyLoss(smooth_factor=0)"),
    ("mc", "monai", "dice", {"smooth": 1e-5}, 0.7869685, "MONAI DiceLoss(softmax, to_onehot_y)"),
    ("mc", "monai", "dice", {"smooth": 0}, 0.7869697, "MONAI DiceLoss(softmax, onehot, smooth 0, 0)"),
    ("mc", "monai", "tversky", {"beta": 0.3, "smooth": 1e-5}, 0.7642312, "MONAI TverskyLoss(softmax, onehot, .3, .7)"),
    ("mc", "monai", "focal", {"alpha": None, "gamma": 2}, 0.7703481, "MONAI FocalLoss(to_onehot_y) (sigmoid)"),
    ("mc", "monai", "focal", {"alpha": None, "gamma": 2}, 0.6833931, "MONAI FocalLoss(onehot, use_softmax)", "softmax"),
    ("mc", "monai", "focal", {"alpha": 0.25, "gamma": 2}, 0.1723299, "MONAI FocalLoss(onehot, use_softmax, alpha=.25)",
     "softmax"),
    ("mc-index99", "monai", "focal", {"alpha": None, "gamma": 2}, 2.0501792,
     "MONAI FocalLoss(onehot, use_softmax, ignore_index=99 never present)", "softmax"),
    ("mc-ign", "monai", "focal", {"alpha": None, "gamma": 2}, 2.3329778, "MONAI FocalLoss(use_softmax, ignore_index=255)",
     "softmax"),
    ("mc", "kornia", "dice", {}, 0.6471538, "kornia dice_loss (micro)"),
    ("mc", "kornia", "tversky", {"beta": 0.3}, 0.7642332, "kornia tversky_loss(.3, .7)"),
    ("mc", "kornia", "tversky", {"beta": 0.7}, 0.7929804, "kornia tversky_loss(.7, .3)"),
    ("mc", "kornia", "focal", {"alpha": 0.25, "gamma": 2}, 0.1723299, "kornia focal_loss(alpha=.25, mean)"),
    ("mc", "kornia", "focal", {"alpha": None, "gamma": 2}, 0.6833931, "kornia focal_loss(alpha=None, mean)"),
    ("mc", "kornia", "lovasz-softmax", {}, 0.8484311, "kornia lovasz_softmax_loss"),
    ("mc", "kornia", "lovasz-softmax", {}, 0.5887878, "kornia lovasz_softmax_loss before the fix (label-sort bug)",
     "sort bug"),
    ("mc", "keras", "focal", {"alpha": 0.25, "gamma": 2}, 0.5125448, "Keras CategoricalFocalCrossentropy(alpha=.25)"),
    ("mc", "keras", "focal", {"alpha": None, "gamma": 2}, 2.0501792, "Keras CategoricalFocalCrossentropy(alpha=1)"),
    ("mc", "keras", "dice", {}, 0.6471538, "Keras Dice()(onehot, softmax)"),
    ("mc", "keras", "tversky", {"beta": 0.3}, None, "Keras Tversky(.3, .7)(onehot, softmax)"),
    ("mc", "keras", "ce", {}, 2.2632933, "Keras CategoricalCrossentropy(from_logits)"),
    ("mc", "torchvision", "ce", {}, 2.2632933, "torch cross_entropy"),
    ("mc", "torchvision", "focal", {"alpha": None, "gamma": 2}, 0.7703481, "sigmoid_focal_loss(one_hot, alpha=-1) = smp"),
    ("mc-absent", "smp", "dice", {"smooth": 0}, 0.7448255, 'smp DiceLoss("multiclass"), class 2 absent in image 0'),
    ("mc-absent", "monai", "dice", {"smooth": 1e-5}, 0.7604861, "MONAI DiceLoss(softmax, onehot), absent"),
    ("mc-absent", "kornia", "dice", {}, 0.5413207, "kornia dice_loss (micro), absent"),
    ("mc-absent", "kornia", "tversky", {"beta": 0.5}, 0.6883171, "kornia tversky_loss(.5, .5), absent"),
    ("mc-absent", "kornia", "lovasz-softmax", {}, 0.6571274, "kornia lovasz_softmax_loss, absent"),
    ("mc-absent", "keras", "dice", {}, None, "Keras Dice()(onehot, softmax), absent"),
    ("mc-absent", "keras", "focal", {"alpha": 0.25, "gamma": 2}, None, "Keras CategoricalFocalCrossentropy, absent"),
    ("mc-ign", "smp", "dice", {"smooth": 0}, 0.8000627, 'smp DiceLoss("multiclass", ignore_index=255)'),
    ("mc-ign", "smp", "iou", {"smooth": 0}, 0.8768190, 'smp JaccardLoss("multiclass", ignore_index=255)'),
    ("mc-ign", "smp", "focal", {"alpha": None, "gamma": 2}, 0.8051167, 'smp FocalLoss("multiclass", ignore_index=255)'),
    ("mc-ign", "smp", "lovasz-softmax", {}, 0.8642530, 'smp LovaszLoss("multiclass", ignore_index=255)'),
    ("mc-ign", "smp", "ce", {}, 2.2140236, "smp SoftCrossEntropyLoss(0, ignore_index=255)"),
    ("mc-ign", "torchvision", "ce", {}, 2.5303128, "torch CrossEntropyLoss(ignore_index=255)"),
    ("mc-ign", "monai", "dice", {"smooth": 1e-5}, 0.7996669, "MONAI DiceLoss(softmax, onehot, ignore_index=255)"),
    ("mc-ign", "monai", "tversky", {"beta": 0.5, "smooth": 1e-5}, 0.7996656, "MONAI TverskyLoss(.5, .5, ignore_index=255)"),
    ("mc-ign", "kornia", "dice", {}, 0.6912083, "kornia dice_loss (micro), ignore_index"),
    ("mc-ign", "kornia", "focal", {"alpha": None, "gamma": 2}, 0.6804519, "kornia focal_loss(None, mean), ignore_index"),
    ("mc-ign", "kornia", "tversky", {"beta": 0.3}, 0.7714933, "kornia tversky_loss(.3, .7), ignore_index"),
    ("mc-ign", "keras", "ce", {}, None, "Keras SparseCategoricalCrossentropy(from_logits, ignore_class=255)"),
    ("own-mc", "keras", "dice", {}, None, "Keras Dice()(onehot, softmax), class 3 absent"),
    ("own-mc", "keras", "tversky", {"beta": 0.2}, None, "Keras Tversky(.2, .8)(onehot, softmax)"),
    ("own-mc", "keras", "focal", {"alpha": 0.4, "gamma": 1.5}, None, "Keras CategoricalFocalCrossentropy(alpha=.4)"),
    ("own-mc", "keras", "focal", {"alpha": None, "gamma": 0.5}, None, "Keras CategoricalFocalCrossentropy(alpha=1)"),
    ("own-mc", "keras", "ce", {}, None, "Keras CategoricalCrossentropy(from_logits)"),
]

# ----------------------------------------------------------------------------------------------------------------
# Library runners: each returns a float, or raises ImportError when the library is missing.


def sigmoid(x):
    return 1 / (1 + np.exp(-np.float64(x)))


def keras_value(mode, logits, labels, ignore, loss, params):
    import keras

    def f32(a):
        return np.asarray(a, dtype=np.float32)

    if mode == "binary":
        y = f32(labels)[..., None]
        z = f32(logits)[..., None]
        p = f32(sigmoid(logits))[..., None]
    else:
        classes = logits.shape[1]
        z = np.moveaxis(f32(logits), 1, -1)
        safe = np.where(labels == ignore, 0, labels) if ignore is not None else labels
        y = f32(np.eye(classes)[safe])
        e = np.exp(z - z.max(-1, keepdims=True))
        p = f32(e / e.sum(-1, keepdims=True))
    beta = params.get("beta", 0.3)
    alpha = params.get("alpha", 0.25)
    gamma = params.get("gamma", 2)
    if loss == "dice":
        return keras.losses.Dice()(y, p)
    if loss == "tversky":
        return keras.losses.Tversky(alpha=beta, beta=1 - beta)(y, p)
    if loss == "focal" and mode == "binary":
        return keras.losses.BinaryFocalCrossentropy(
            apply_class_balancing=alpha is not None, alpha=alpha if alpha is not None else 0.25, gamma=gamma,
            from_logits=True)(y, z)
    if loss == "focal":
        return keras.losses.CategoricalFocalCrossentropy(
            alpha=alpha if alpha is not None else 1.0, gamma=gamma, from_logits=True)(y, z)
    if loss == "bce":
        return keras.losses.BinaryCrossentropy(from_logits=True)(y, z)
    if loss == "ce" and ignore is not None:
        return keras.losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=ignore)(labels, z)
    if loss == "ce":
        return keras.losses.CategoricalCrossentropy(from_logits=True)(y, z)
    raise KeyError(loss)


def torch_inputs(mode, logits, labels):
    import torch

    z = torch.tensor(np.asarray(logits, dtype=np.float32))
    if mode == "binary":
        z = z[:, None]
    return z, torch.tensor(np.asarray(labels, dtype=np.int64))


def smp_value(mode, logits, labels, ignore, loss, params):
    import segmentation_models_pytorch.losses as L

    z, y = torch_inputs(mode, logits, labels)
    m = "binary" if mode == "binary" else "multiclass"
    s = params.get("smooth", 1e-5)
    beta = params.get("beta", 0.3)
    yy = y[:, None].float() if mode == "binary" else y
    if loss == "dice":
        return L.DiceLoss(m, smooth=s, ignore_index=ignore)(z, yy)
    if loss == "iou":
        return L.JaccardLoss(m, smooth=s, ignore_index=ignore)(z, yy)
    if loss in ("tversky", "focal-tversky"):
        g = params.get("gamma", 0.75) if loss == "focal-tversky" else 1.0
        return L.TverskyLoss(m, alpha=beta, beta=1 - beta, gamma=g, smooth=s, ignore_index=ignore)(z, yy)
    if loss == "focal":
        return L.FocalLoss(m, alpha=params.get("alpha"), gamma=params.get("gamma", 2), ignore_index=ignore)(z, yy)
    if loss in ("lovasz-hinge", "lovasz-softmax"):
        return L.LovaszLoss(m, ignore_index=ignore)(z, y)
    if loss == "bce":
        return L.SoftBCEWithLogitsLoss(ignore_index=ignore if ignore is not None else -100)(z, y[:, None].float())
    if loss == "ce":
        return L.SoftCrossEntropyLoss(smooth_factor=0.0, ignore_index=ignore if ignore is not None else -100)(z, y)
    raise KeyError(loss)


def monai_value(mode, logits, labels, ignore, loss, params, variant=None):
    import monai.losses as M

    z, y = torch_inputs(mode, logits, labels)
    s = params.get("smooth", 1e-5)
    beta = params.get("beta", 0.3)
    act = {"sigmoid": True} if mode == "binary" else {"softmax": True, "to_onehot_y": True}
    extra = {} if ignore is None else {"ignore_index": ignore}
    yy = y[:, None]
    if loss in ("dice", "dice-squared", "iou"):
        return M.DiceLoss(squared_pred=loss == "dice-squared", jaccard=loss == "iou", smooth_nr=s, smooth_dr=s,
                          **act, **extra)(z, yy)
    if loss == "tversky":
        return M.TverskyLoss(alpha=beta, beta=1 - beta, smooth_nr=s, smooth_dr=s, **act, **extra)(z, yy)
    if loss == "focal":
        onehot = {} if mode == "binary" else {"to_onehot_y": True}
        return M.FocalLoss(alpha=params.get("alpha"), gamma=params.get("gamma", 2), use_softmax=variant == "softmax",
                           **onehot, **extra)(
            z, yy.float() if mode == "binary" else yy)
    raise KeyError(loss)


def kornia_value(mode, logits, labels, ignore, loss, params):
    import kornia.losses as K

    z, y = torch_inputs(mode, logits, labels)
    beta = params.get("beta", 0.3)
    extra = {} if ignore is None else {"ignore_index": ignore}
    if loss == "dice":
        return K.dice_loss(z, y, **extra)
    if loss == "tversky":
        return K.tversky_loss(z, y, alpha=beta, beta=1 - beta, **extra)
    if loss == "focal" and mode == "binary":
        return K.binary_focal_loss_with_logits(z, y[:, None].float(), alpha=params.get("alpha"),
                                               gamma=params.get("gamma", 2), reduction="mean", **extra)
    if loss == "focal":
        return K.focal_loss(z, y, alpha=params.get("alpha"), gamma=params.get("gamma", 2), reduction="mean", **extra)
    if loss == "lovasz-hinge":
        return K.lovasz_hinge_loss(z, y)
    if loss == "lovasz-softmax":
        return K.lovasz_softmax_loss(z, y)
    raise KeyError(loss)


def torchvision_value(mode, logits, labels, ignore, loss, params):
    import torch
    import torch.nn.functional as F

    z, y = torch_inputs(mode, logits, labels)
    if loss == "ce":
        return F.cross_entropy(z, y, ignore_index=ignore if ignore is not None else -100)
    if loss == "bce":
        return F.binary_cross_entropy_with_logits(z, y[:, None].float())
    if loss == "focal":
        from torchvision.ops import sigmoid_focal_loss

        alpha = params.get("alpha")
        target = y[:, None].float() if mode == "binary" else torch.moveaxis(F.one_hot(y, z.shape[1]), -1, 1).float()
        return sigmoid_focal_loss(z, target, alpha=-1 if alpha is None else alpha, gamma=params.get("gamma", 2),
                                  reduction="mean")
    raise KeyError(loss)


RUNNERS = {"keras": keras_value, "smp": smp_value, "monai": monai_value, "kornia": kornia_value,
           "torchvision": torchvision_value}
VERSIONS = {"keras": "keras", "smp": "segmentation_models_pytorch", "monai": "monai", "kornia": "kornia",
            "torchvision": "torchvision"}


def version_of(library):
    try:
        module = __import__(VERSIONS[library])
        backend = ""
        if library == "keras":
            backend = f", {module.backend.backend()} backend"
        return f"{module.__version__}{backend}"
    except ImportError:
        return None


def plain(array):
    return np.asarray(array).tolist()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", metavar="PATH", help="write the JSON to PATH instead of printing it")
    arguments = parser.parse_args()
    inputs = notes_inputs()
    versions = {library: version_of(library) for library in RUNNERS}
    cases = []
    for name, library, loss, params, notes_value, description, *rest in CASES:
        variant = rest[0] if rest else None
        mode, logits, labels, ignore = inputs[name]
        value, source = notes_value, "losses.md section 9"
        # Only the pre-fix kornia source prints the sort-bug value: keep the notes' value for it.
        if versions[library] is not None and variant != "sort bug":
            try:
                extra = {"variant": variant} if variant else {}
                value = float(RUNNERS[library](mode, logits, labels, ignore, loss, params, **extra))
                source = f"{library} {versions[library]} via scripts/conventions_golden.py"
            except Exception as error:  # a library call that raises: record it instead of a number
                value, source = None, f"{library} {versions[library]} raised {type(error).__name__}: {error}"
        if value is None:
            print(f"skipped (no value): {name} {library} {loss} {params}", file=sys.stderr)
            continue
        case = {"input": name, "library": library, "variant": variant, "loss": loss, "params": params, "value": value,
                "call": description, "source": source}
        if notes_value is not None and source != "losses.md section 9":
            case["notes_value"] = notes_value
        cases.append(case)
    document = {
        "about": "seglens conventions golden values: each library's value of a seglens loss; see "
                 "scripts/conventions_golden.py and docs/conventions.md",
        "inputs": {
            name: {"mode": mode, "ignore_index": ignore, "logits": plain(logits), "labels": plain(labels)}
            for name, (mode, logits, labels, ignore) in inputs.items()
        },
        "cases": cases,
    }
    text = json.dumps(document, indent=1)
    if arguments.write:
        with open(arguments.write, "w") as file:
            file.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
