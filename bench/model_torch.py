#!/usr/bin/python3
"""PyTorch side of bench/model.sh: the VAVL network of tools/parity/conformer_parity.py at the reference's sizes.

Usage: /usr/bin/python3 bench/model_torch.py <train|infer> <batch> <warmup> <reps>
Prints one JSON line like ModelBenchmark.java. One thread (torch.set_num_threads(1)).

train: the reference's three optimisation steps (visual, acoustic, fusion), each module with its own Adam
(lr 5e-5, betas (0.95, 0.999), weight decay 5e-7); fusion with the branches in eval mode under no_grad.
infer: eval forward of the whole network under no_grad (all five outputs).
"""
import json
import os
import resource
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "parity"))
import conformer_parity as cp  # noqa: E402

AUDIO_FRAMES, VISUAL_FRAMES, CLASSES = 150, 90, 6


def minor_faults():
    """Minor page faults of the whole process so far (getrusage), as ModelBenchmark reads /proc/self/stat."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def rss_mb():
    """The resident set now, MB (VmRSS)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024.0)
    return 0


def adam(module):
    return torch.optim.Adam(module.parameters(), lr=5e-5, betas=(0.95, 0.999), weight_decay=5e-7)


def main():
    mode, batch, warmup, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(0)
    if mode == "gemm":  # one 4800x512 by 512x2048 product, as ModelBenchmark.java
        a, b = torch.randn(4800, 512), torch.randn(512, 2048)
        times, cpu, faults = [], [], []
        for i in range(warmup + reps):
            f0 = minor_faults()
            t0, c0 = time.perf_counter(), time.process_time()
            a @ b
            if i >= warmup:
                times.append(round((time.perf_counter() - t0) * 1000, 2))
                cpu.append(round((time.process_time() - c0) * 1000, 2))
                faults.append(minor_faults() - f0)
        print(json.dumps({"framework": "pytorch", "mode": mode, "batch": batch, "times_ms": times, "cpu_ms": cpu,
                          "minor_faults": faults, "peak_rss_mb": 0, "engine": "PyTorch " + torch.__version__,
                          "threads": 1, "allocator": "glibc defaults"}))
        return
    net = cp.Vavl(outputs=CLASSES)
    audio = torch.randn(batch, AUDIO_FRAMES, 1024)
    audio_mask = torch.ones(batch, AUDIO_FRAMES)
    visual = torch.randn(batch, VISUAL_FRAMES, 1408)
    visual_mask = torch.ones(batch, VISUAL_FRAMES)
    labels = torch.randint(0, CLASSES, (batch,))
    modules = {
        "audio": torch.nn.ModuleList([net.audioProjection, net.audioConformer]),
        "visual": torch.nn.ModuleList([net.visualProjection, net.visualConformer]),
        "shared": torch.nn.ModuleList([net.sharedConformer, net.sharedNorm]),
        "headAudio": net.headAudio, "headVisual": net.headVisual, "reconAudio": net.reconAudio,
        "reconVisual": net.reconVisual, "fusion": net.fusion,
    }
    opt = {k: adam(v) for k, v in modules.items()}
    times, cpu, faults, rss = [], [], [], []
    for i in range(warmup + reps):
        f0 = minor_faults()
        t0 = time.perf_counter()
        c0 = time.process_time()
        if mode == "train":
            net.train()
            target_v = cp.masked_time_mean(visual, visual_mask)
            target_a = cp.masked_time_mean(audio, audio_mask)
            # 1. visual
            for k in ("visual", "shared", "headVisual", "reconVisual"):
                opt[k].zero_grad()
            rep = net.represent_visual(visual, visual_mask)
            loss = F.cross_entropy(net.headVisual(rep), labels) + 2 * F.mse_loss(net.reconVisual(rep), target_v)
            loss.backward()
            for k in ("visual", "shared", "headVisual", "reconVisual"):
                opt[k].step()
            # 2. acoustic
            for k in ("audio", "shared", "headAudio", "reconAudio"):
                opt[k].zero_grad()
            rep = net.represent_audio(audio, audio_mask)
            loss = F.cross_entropy(net.headAudio(rep), labels) + 2 * F.mse_loss(net.reconAudio(rep), target_a)
            loss.backward()
            for k in ("audio", "shared", "headAudio", "reconAudio"):
                opt[k].step()
            # 3. fusion, branches in eval mode
            net.eval()
            with torch.no_grad():
                ra = net.represent_audio(audio, audio_mask)
                rv = net.represent_visual(visual, visual_mask)
            net.fusion.train()
            opt["fusion"].zero_grad()
            F.cross_entropy(net.fusion(torch.cat([ra, rv], 1)), labels).backward()
            opt["fusion"].step()
        else:
            net.eval()
            with torch.no_grad():
                out = net(audio, audio_mask, visual, visual_mask)
                out[0].numpy()
        ms = (time.perf_counter() - t0) * 1000
        cpu_ms = (time.process_time() - c0) * 1000
        if i >= warmup:
            times.append(round(ms, 1))
            cpu.append(round(cpu_ms, 1))
            faults.append(minor_faults() - f0)
            rss.append(rss_mb())
    print(json.dumps({"framework": "pytorch", "mode": mode, "batch": batch, "times_ms": times, "cpu_ms": cpu,
                      "minor_faults": faults, "rss_after_mb": rss, "allocator": "glibc defaults",
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1),
                      "engine": "PyTorch " + torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
