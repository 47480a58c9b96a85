#!/usr/bin/python3
"""Report of bench/encoders.sh: merges the rounds' JSON figures (best of each), adds the ratios, writes
bench/results/encoders.json and bench/results/encoders.md.

  encoders_report.py WORKDIR IMAGES BATCH LOAD_BEFORE LOAD_AFTER   (WORKDIR holds py1/py2/java1/java2.json)
  encoders_report.py --from-json bench/results/encoders.json LOAD_BEFORE LOAD_AFTER   (rewrite the report)
"""
import json
import os
import sys


def merge(work):
    figures = {}
    for name in ("py1", "py2", "java1", "java2"):
        path = os.path.join(work, name + ".json")
        if os.path.exists(path):
            for k, v in json.load(open(path)).items():
                figures[k] = max(figures.get(k, 0.0), v)
    return figures


def report(f, load_before, load_after):
    djl = f["efficientnet_b2 djl forward images/s"]
    py_ts = f["efficientnet_b2 python torchscript forward images/s"]
    py_eager = f["efficientnet_b2 python eager forward images/s"]
    py_enc = f["efficientnet_b2 python torchscript encoder images/s"]
    f["ratio djl / python torchscript forward"] = djl / py_ts
    f["ratio djl / python eager forward"] = djl / py_eager
    f["ratio djl / python encoder (normalise + forward)"] = f["efficientnet_b2 djl encoder images/s"] / py_enc
    # the most cautious reading: DJL's forward against Python's fastest figure of any kind (the Python encoder
    # figure includes a forward pass, so it bounds Python's forward speed from below)
    f["ratio djl forward / best python figure"] = djl / max(py_ts, py_eager, py_enc)
    cpu_keys = ("efficientnet_b2 djl forward images per cpu s", "efficientnet_b2 python torchscript forward images per cpu s",
                "efficientnet_b2 djl encoder images per cpu s", "efficientnet_b2 python torchscript encoder images per cpu s")
    if all(k in f for k in cpu_keys):
        f["ratio djl / python torchscript forward, per cpu second"] = f[cpu_keys[0]] / f[cpu_keys[1]]
        f["ratio djl / python encoder (normalise + forward), per cpu second"] = f[cpu_keys[2]] / f[cpu_keys[3]]
    load_max = float(os.environ.get("ENCODERS_LOAD_MAX", "nan"))
    if load_max != load_max:  # not recorded (older run): the loads before and after
        load_max = max(float(str(load_before).split()[0]), float(str(load_after).split()[0]))
    f["load average max"] = load_max
    quiet = load_max <= 1.5
    goals = [("forward on the same TorchScript >= 1.0x", f["ratio djl / python torchscript forward"]),
             ("end to end from 8-bit images >= 1.0x", f["ratio djl / python encoder (normalise + forward)"])]
    for text, v in goals:
        f["goal " + text] = (v >= 1.0) if quiet else "not judged (load)"
    if quiet:
        verdict = "; ".join("%s: %s (%.2f)" % (t, "met" if v >= 1.0 else "NOT met", v) for t, v in goals)
    else:
        verdict = ("not judged: the load average reached %.2f during the run (above 1.5); rerun `bench/run encoders` "
                   "on a quiet machine" % load_max)
    cpu_line = ""
    if "ratio djl / python torchscript forward, per cpu second" in f:
        cpu_line = ("Per CPU second of each process (steadier than wall time on a shared machine): DJL %.2f, Python "
                    "%.2f images, **%.2fx** (forward); end to end %.2fx." % (
                        f[cpu_keys[0]], f[cpu_keys[1]], f["ratio djl / python torchscript forward, per cpu second"],
                        f["ratio djl / python encoder (normalise + forward), per cpu second"]))
    json.dump(f, open("bench/results/encoders.json", "w"), indent=1, sort_keys=True)
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    images, batch = int(f["images"]), int(f["batch"])
    md = f"""# Encoders benchmark

Command: `bench/run encoders` (script `bench/encoders.sh`, report `bench/encoders_report.py`). Machine:
{os.cpu_count()} cores ({cpu}), load average {load_before} before and {load_after} after the run, {load_max:.2f} at
most (sampled before every process); above 1.5 the machine is shared and no goal is called met. Python and Java
alternate twice and the best round of each figure counts. One thread each: DJL `ai.djl.pytorch.num_threads=1`, `num_interop_threads=1`;
Python `torch.set_num_threads(1)`, `torch.set_num_interop_threads(1)`. Three warm-up calls before timing.

## EfficientNet-B2 (random weights), {images} images 224x224, batches of {batch}

The model: torchvision `efficientnet_b2` with an HSEmotion-like classifier (BatchNorm statistics from random
images so that activations are of normal size), pickled whole, exported by `tools/export/export_face_model.py`
(classifier removed, TorchScript by tracing): the same file in both runtimes, the same input tensors.

| runtime | images/s |
|---|---|
| DJL 0.32 / libtorch 2.5.1, forward only | {djl:.2f} |
| Python torch {f['python torch version']:.2f} (Debian), same TorchScript, forward only | {py_ts:.2f} |
| Python torch, eager torchvision model, forward only | {py_eager:.2f} |
| DJL Face Encoder from 8-bit images (resize/normalise + forward) | {f['efficientnet_b2 djl encoder images/s']:.2f} |
| Python from 8-bit images (numpy normalise + TorchScript forward) | {py_enc:.2f} |

**DJL / Python, same TorchScript, forward: {f['ratio djl / python torchscript forward']:.2f}x** (goal: at least
1.0x). DJL / Python eager: {f['ratio djl / python eager forward']:.2f}x; end to end from 8-bit images:
{f['ratio djl / python encoder (normalise + forward)']:.2f}x. Most cautious reading (DJL's forward against
Python's fastest figure of any kind, including the end-to-end one that also runs the forward pass):
**{f['ratio djl forward / best python figure']:.2f}x**.
{cpu_line}

Goals (issue 19): {verdict}.

Largest difference between DJL's and Python's embeddings: {f['efficientnet_b2 max abs diff djl vs python']:.2e}
(embeddings of order 0.1-1).

## Built-in encoders (no weights), one thread

| encoder | speed |
|---|---|
| HOG face encoder, 224x224 FFV1 face track of 250 frames (decode + grey + 64x64 + HOG) | {f['hog face track frames/s (decode + hog)']:.0f} frames/s |
| HOG face encoder, frames in memory | {f['hog frames/s (in memory)']:.0f} frames/s |
| log-mel (80 mels, 25/10 ms), 60 s WAV read + features | {f['log-mel frames/s (wav read + features)']:.0f} frames/s = {f['log-mel x real time']:.0f}x real time |

Figures: `bench/results/encoders.json`.
"""
    open("bench/results/encoders.md", "w").write(md)
    print(md)


def main(argv):
    if argv[0] == "--from-json":
        f = json.load(open(argv[1]))
        report(f, argv[2], argv[3])
        return 0
    work, images, batch, load_before, load_after = argv[:5]
    f = merge(work)
    f["images"] = float(images)
    f["batch"] = float(batch)
    report(f, load_before, load_after)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
