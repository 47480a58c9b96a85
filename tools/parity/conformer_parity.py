#!/usr/bin/python3
"""PyTorch twin of the engine's Conformer / VAVL network (org.vavl.core.model), for parity checks and benchmarks.

Written for this project from the architecture description (docs/model.md, Architectures) and the Java code's
documented behaviour; it shares no code with the reference implementation. Layout (batch, time, dim); masks
(batch, time) float, 1 = real frame. Pointwise convolutions are real nn.Conv1d(k=1) here (Linear layers in the
Java code: same arithmetic), and the relative shift is done by an explicit gather here (by the pad-and-reshape
trick in the Java code), so the check covers two independent formulations.

Usage (run with Debian's python3, which has torch 1.13):
  /usr/bin/python3 tools/parity/conformer_parity.py --npz export.npz --kind conformer \
      --in-dim 12 --model-dim 32 --blocks 2 --heads 4 --ff-dim 64 --kernel 7
  /usr/bin/python3 tools/parity/conformer_parity.py --npz export.npz --kind vavl \
      --audio-dim 12 --visual-dim 10 --projection-dim 8 --model-dim 32 --heads 4 --ff-dim 64 --kernel 7 \
      --branch-blocks 2 --shared-blocks 1 --outputs 4

The .npz (written by ConformerParityTest with DJL's NDList NPZ encoding) holds the Java parameters under
"param:<DJL parameter path>", the inputs under "input:*" and the Java outputs under "output:*". The script
loads the parameters into the PyTorch module (strict: every parameter on both sides used exactly once), runs
it in eval mode on the same padded input, and prints one JSON line {"max_abs_diff": ..., ...}. Exit status 0
when the maximum absolute difference over real frames is below --tolerance (default 1e-4), else 1.
"""
import argparse
import json
import math
import re
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MASKED_SCORE = -1e9


def relative_encoding(frames, dim):
    """(2T-1, d): row k encodes the distance (T-1)-k as [sin(r w_0), cos(r w_0), ...], w_m = 10000^(-2m/d)."""
    r = np.arange(frames - 1, -frames, -1, dtype=np.float64)[:, None]
    w = np.exp(-(2.0 * np.arange(0, (dim + 1) // 2)) * math.log(10000.0) / dim)[None, :]
    pe = np.zeros((2 * frames - 1, dim), dtype=np.float64)
    pe[:, 0::2] = np.sin(r * w)[:, : pe[:, 0::2].shape[1]]
    pe[:, 1::2] = np.cos(r * w)[:, : pe[:, 1::2].shape[1]]
    return torch.from_numpy(pe.astype(np.float32))


class FeedForward(nn.Module):
    def __init__(self, d, ff, dropout):
        super().__init__()
        self.norm = nn.LayerNorm(d)
        self.expand = nn.Linear(d, ff)
        self.contract = nn.Linear(ff, d)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        return self.dropout(self.contract(self.dropout(F.silu(self.expand(self.norm(x))))))


class RelativeAttention(nn.Module):
    def __init__(self, d, heads, dropout):
        super().__init__()
        self.d, self.h, self.dh = d, heads, d // heads
        self.query = nn.Linear(d, d)
        self.key = nn.Linear(d, d)
        self.value = nn.Linear(d, d)
        self.position = nn.Linear(d, d, bias=False)
        self.output = nn.Linear(d, d)
        self.biasU = nn.Parameter(torch.zeros(heads, self.dh))
        self.biasV = nn.Parameter(torch.zeros(heads, self.dh))
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, mask):
        b, t, _ = x.shape
        q = self.query(x).view(b, t, self.h, self.dh)
        k = self.key(x).view(b, t, self.h, self.dh).permute(0, 2, 3, 1)
        v = self.value(x).view(b, t, self.h, self.dh).transpose(1, 2)
        p = self.position(relative_encoding(t, self.d).to(x.device)).view(2 * t - 1, self.h, self.dh).permute(1, 2, 0)
        content = torch.matmul((q + self.biasU).transpose(1, 2), k)
        by_distance = torch.matmul((q + self.biasV).transpose(1, 2), p)  # (B,H,T,2T-1)
        i = torch.arange(t, device=x.device)[:, None]
        j = torch.arange(t, device=x.device)[None, :]
        index = (t - 1 - i + j).expand(b, self.h, t, t)  # column of the distance i - j
        position = torch.gather(by_distance, 3, index)
        scores = (content + position) / math.sqrt(self.d)
        scores = scores.masked_fill(mask[:, None, None, :] == 0, MASKED_SCORE)
        weights = self.dropout(torch.softmax(scores, dim=-1))
        return self.output(torch.matmul(weights, v).transpose(1, 2).reshape(b, t, self.d))


class SelfAttentionModule(nn.Module):
    def __init__(self, d, heads, dropout):
        super().__init__()
        self.norm = nn.LayerNorm(d)
        self.attention = RelativeAttention(d, heads, dropout)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, mask):
        return self.dropout(self.attention(self.norm(x), mask))


class MaskedBatchNorm(nn.Module):
    """BatchNorm1d over (B, T, C) whose batch statistics use real frames only; eval uses running statistics."""

    def __init__(self, c, eps=1e-5, momentum=0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(c))
        self.bias = nn.Parameter(torch.zeros(c))
        self.register_buffer("running_mean", torch.zeros(c))
        self.register_buffer("running_var", torch.ones(c))

    def forward(self, x, mask):
        if self.training:
            m = mask.unsqueeze(2)
            n = mask.sum()
            mean = (x * m).sum(dim=(0, 1)) / n.clamp(min=1)
            sq = (((x - mean) * m) ** 2).sum(dim=(0, 1))
            var = sq / n.clamp(min=1)
            with torch.no_grad():
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean)
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * sq / (n - 1).clamp(min=1))
        else:
            mean, var = self.running_mean, self.running_var
        return (x - mean) / torch.sqrt(var + self.eps) * self.weight + self.bias


class ConvolutionModule(nn.Module):
    def __init__(self, d, kernel, dropout):
        super().__init__()
        self.norm = nn.LayerNorm(d)
        self.pointwiseIn = nn.Conv1d(d, 2 * d, 1)
        self.depthwise = nn.Conv1d(d, d, kernel, padding=kernel // 2, groups=d, bias=False)
        self.batchNorm = MaskedBatchNorm(d)
        self.pointwiseOut = nn.Conv1d(d, d, 1)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, mask):
        y = self.pointwiseIn(self.norm(x).transpose(1, 2))  # (B, 2d, T)
        y = F.glu(y, dim=1) * mask[:, None, :]
        y = self.depthwise(y).transpose(1, 2)  # (B, T, d)
        y = F.silu(self.batchNorm(y, mask))
        return self.dropout(self.pointwiseOut(y.transpose(1, 2)).transpose(1, 2))


class ConformerBlock(nn.Module):
    def __init__(self, d, heads, ff, kernel, dropout):
        super().__init__()
        self.feedForwardA = FeedForward(d, ff, dropout)
        self.attention = SelfAttentionModule(d, heads, dropout)
        self.convolution = ConvolutionModule(d, kernel, dropout)
        self.feedForwardB = FeedForward(d, ff, dropout)
        self.norm = nn.LayerNorm(d)

    def forward(self, x, mask):
        x = x + 0.5 * self.feedForwardA(x)
        x = x + self.attention(x, mask)
        x = x + self.convolution(x, mask)
        x = x + 0.5 * self.feedForwardB(x)
        return self.norm(x)


class Conformer(nn.Module):
    def __init__(self, in_dim, d, blocks, heads, ff, kernel, dropout=0.1):
        super().__init__()
        self.inputProjection = nn.Linear(in_dim, d)
        self.inputDropout = nn.Dropout(dropout)
        self.blocks = blocks
        for i in range(blocks):
            setattr(self, "block%d" % i, ConformerBlock(d, heads, ff, kernel, dropout))

    def forward(self, x, mask):
        x = self.inputDropout(self.inputProjection(x))
        for i in range(self.blocks):
            x = getattr(self, "block%d" % i)(x, mask)
        return x


class MlpHead(nn.Module):
    def __init__(self, inputs, hidden, outputs, dropout):
        super().__init__()
        self.first = nn.Linear(inputs, hidden)
        self.dropout = nn.Dropout(dropout)
        self.second = nn.Linear(hidden, hidden // 2)
        self.output = nn.Linear(hidden // 2, outputs)

    def forward(self, x):
        return self.output(self.second(self.dropout(F.relu(self.first(x)))))


def masked_time_mean(x, mask):
    return (x * mask.unsqueeze(2)).sum(1) / mask.sum(1, keepdim=True).clamp(min=1)


class Vavl(nn.Module):
    """The VAVL network of the engine (AuxFormerNet, architecture VAVL)."""

    def __init__(self, audio_dim=1024, visual_dim=1408, projection_dim=50, d=512, heads=8, ff=2048, kernel=31,
                 branch_blocks=3, shared_blocks=2, outputs=6, dropout=0.1, head_dropout=0.2):
        super().__init__()
        self.audioProjection = nn.Conv1d(audio_dim, projection_dim, 1, bias=False)
        self.audioConformer = Conformer(projection_dim, d, branch_blocks, heads, ff, kernel, dropout)
        self.visualProjection = nn.Conv1d(visual_dim, projection_dim, 1, bias=False)
        self.visualConformer = Conformer(projection_dim, d, branch_blocks, heads, ff, kernel, dropout)
        self.sharedConformer = Conformer(d, d, shared_blocks, heads, ff, kernel, dropout)
        self.sharedNorm = nn.LayerNorm(d)
        self.headAudio = MlpHead(d, d, outputs, head_dropout)
        self.headVisual = MlpHead(d, d, outputs, head_dropout)
        self.reconAudio = MlpHead(d, d, audio_dim, head_dropout)
        self.reconVisual = MlpHead(d, d, visual_dim, head_dropout)
        self.fusion = MlpHead(2 * d, d, outputs, head_dropout)

    def shared(self, x, mask):
        return masked_time_mean(self.sharedNorm(self.sharedConformer(x, mask) + x), mask)

    def represent_audio(self, audio, mask):
        a = self.audioProjection(audio.transpose(1, 2)).transpose(1, 2)
        return self.shared(self.audioConformer(a, mask), mask)

    def represent_visual(self, visual, mask):
        v = self.visualProjection(visual.transpose(1, 2)).transpose(1, 2)
        return self.shared(self.visualConformer(v, mask), mask)

    def forward(self, audio, audio_mask, visual, visual_mask):
        ra = self.represent_audio(audio, audio_mask)
        rv = self.represent_visual(visual, visual_mask)
        return (self.fusion(torch.cat([ra, rv], 1)), self.headAudio(ra), self.headVisual(rv),
                self.reconAudio(ra), self.reconVisual(rv))


_RENAME = {"gamma": "weight", "beta": "bias", "runningMean": "running_mean", "runningVar": "running_var"}


def load_djl_parameters(module, arrays, strip_prefix=""):
    """Loads DJL parameters (names like 01vavl_02audioConformer_03block0_..._gamma) into the module, strictly."""
    state = module.state_dict()
    loaded = {}
    for name, value in arrays.items():
        parts = [re.sub(r"^\d\d", "", p) for p in name.split("_")]
        parts[-1] = _RENAME.get(parts[-1], parts[-1])
        key = ".".join(parts)
        if strip_prefix and key.startswith(strip_prefix):
            key = key[len(strip_prefix):]
        if key not in state:
            raise KeyError("DJL parameter %s -> %s has no PyTorch counterpart" % (name, key))
        t = torch.from_numpy(np.asarray(value, dtype=np.float32))
        if t.dim() + 1 == state[key].dim():  # Linear on the last axis -> Conv1d with k = 1
            t = t.unsqueeze(-1)
        if tuple(t.shape) != tuple(state[key].shape):
            raise ValueError("%s: shape %s from DJL, %s in PyTorch" % (key, tuple(t.shape), tuple(state[key].shape)))
        loaded[key] = t
    missing = [k for k in state if k not in loaded]
    if missing:
        raise KeyError("PyTorch parameters without a DJL value: %s" % missing)
    module.load_state_dict(loaded, strict=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--npz", required=True)
    ap.add_argument("--kind", choices=["conformer", "vavl"], required=True)
    ap.add_argument("--in-dim", type=int, default=50)
    ap.add_argument("--audio-dim", type=int, default=1024)
    ap.add_argument("--visual-dim", type=int, default=1408)
    ap.add_argument("--projection-dim", type=int, default=50)
    ap.add_argument("--model-dim", type=int, default=512)
    ap.add_argument("--blocks", type=int, default=3)
    ap.add_argument("--branch-blocks", type=int, default=3)
    ap.add_argument("--shared-blocks", type=int, default=2)
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--ff-dim", type=int, default=2048)
    ap.add_argument("--kernel", type=int, default=31)
    ap.add_argument("--outputs", type=int, default=6)
    ap.add_argument("--tolerance", type=float, default=1e-4)
    args = ap.parse_args()
    torch.set_num_threads(1)

    data = np.load(args.npz)
    params = {k[len("param:"):]: data[k] for k in data.files if k.startswith("param:")}
    inputs = {k[len("input:"):]: torch.from_numpy(data[k].astype(np.float32)) for k in data.files if k.startswith("input:")}
    expected = {k[len("output:"):]: data[k] for k in data.files if k.startswith("output:")}

    if args.kind == "conformer":
        model = Conformer(args.in_dim, args.model_dim, args.blocks, args.heads, args.ff_dim, args.kernel)
        load_djl_parameters(model, params)
        model.eval()
        with torch.no_grad():
            y = model(inputs["x"], inputs["mask"]).numpy()
        real = inputs["mask"].numpy() > 0
        diffs = {"y": float(np.abs(y - expected["y"])[real].max())}
    else:
        model = Vavl(args.audio_dim, args.visual_dim, args.projection_dim, args.model_dim, args.heads, args.ff_dim,
                     args.kernel, args.branch_blocks, args.shared_blocks, args.outputs)
        load_djl_parameters(model, params, strip_prefix="vavl.")
        model.eval()
        with torch.no_grad():
            outs = model(inputs["audio"], inputs["audioMask"], inputs["visual"], inputs["visualMask"])
        names = ["predAv", "predA", "predV", "reconA", "reconV"]
        diffs = {n: float(np.abs(o.numpy() - expected[n]).max()) for n, o in zip(names, outs)}
    worst = max(diffs.values())
    print(json.dumps({"kind": args.kind, "max_abs_diff": worst, "per_output": diffs,
                      "parameters": len(params), "tolerance": args.tolerance, "torch": torch.__version__}))
    return 0 if worst < args.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
