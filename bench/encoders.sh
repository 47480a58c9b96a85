#!/usr/bin/env bash
# Encoders benchmark (run from the repo root as: bench/run encoders).
#
# EfficientNet-B2 with random weights, exported to TorchScript by tools/export/export_face_model.py (through
# tools/export/make_fixtures.py --effnet-b2), run on the same 224x224 images by
#   - DJL (PyTorch engine, libtorch 2.5.1) through the Face Encoder's model path, one intra-op thread, and
#   - Debian's Python torch 1.13 (the same TorchScript file, and the eager torchvision model), one thread;
# plus the built-in encoders' frames per second (HOG face encoder, log-mel audio encoder).
# Python and Java alternate twice and the best round of each counts, to damp the noise of a shared machine.
# Writes bench/results/encoders.md and bench/results/encoders.json.
# Knobs (environment): IMAGES (default 32), BATCH (8), ROUNDS (3 timed passes per run).
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGES=${IMAGES:-32}
BATCH=${BATCH:-8}
ROUNDS=${ROUNDS:-3}
PY=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p bench/results

echo "[encoders] building the engine and its test classes (offline)"
mvn -B -o -q -pl org.vavl.core -am test-compile
mvn -B -o -q -pl org.vavl.core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
cp="org.vavl.core/target/classes:org.vavl.core/target/test-classes:$(cat "$work/cp.txt")"

echo "[encoders] exporting a random-weight EfficientNet-B2 with tools/export and writing $IMAGES test images"
"$PY" tools/export/make_fixtures.py --effnet-b2 "$work" --size 224 --images "$IMAGES"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for round in 1 2; do
  echo "[encoders] round $round: Python (torch, 1 thread)"
  OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$PY" bench/encoders_python.py "$work" "$BATCH" "$ROUNDS" > "$work/py$round.json"
  cat "$work/py$round.json"
  echo "[encoders] round $round: Java (DJL, 1 thread)"
  mode=all
  [ "$round" = 2 ] && mode=model-only
  OMP_NUM_THREADS=1 java -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -Dai.djl.pytorch.num_interop_threads=1 -Djava.awt.headless=true -cp "$cp" \
    org.vavl.core.features.EncoderBenchmark "$work" "$BATCH" "$ROUNDS" "$mode" 2>/dev/null | tail -1 > "$work/java$round.json"
  cat "$work/java$round.json"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

"$PY" - "$work" "$IMAGES" "$BATCH" "$ROUNDS" "$load_before" "$load_after" <<'PYEOF'
import json, os, platform, sys
work, images, batch, rounds, load_before, load_after = sys.argv[1:7]
figures = {}
for name in ("py1", "py2", "java1", "java2"):
    for k, v in json.load(open(os.path.join(work, name + ".json"))).items():
        if "diff" in k:
            figures[k] = max(figures.get(k, 0.0), v)
        else:
            figures[k] = max(figures.get(k, 0.0), v)
ratio = figures["efficientnet_b2 djl forward images/s"] / figures["efficientnet_b2 python torchscript forward images/s"]
figures["ratio djl / python torchscript forward"] = ratio
figures["ratio djl / python eager forward"] = (figures["efficientnet_b2 djl forward images/s"]
                                               / figures["efficientnet_b2 python eager forward images/s"])
figures["ratio djl / python encoder (normalise + forward)"] = (figures["efficientnet_b2 djl encoder images/s"]
                                                 / figures["efficientnet_b2 python torchscript encoder images/s"])
figures["images"] = float(images)
figures["batch"] = float(batch)
json.dump(figures, open("bench/results/encoders.json", "w"), indent=1, sort_keys=True)
cpu = "unknown"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
f = figures
md = f"""# Encoders benchmark

Command: `bench/run encoders` (script `bench/encoders.sh`). Machine: {os.cpu_count()} cores ({cpu}), load average
{load_before} before and {load_after} after the run (the machine is shared; Python and Java alternate twice and the
best round of each counts). One thread each: DJL `ai.djl.pytorch.num_threads=1`, `num_interop_threads=1`;
Python `torch.set_num_threads(1)`.

## EfficientNet-B2 (random weights), {images} images 224x224, batches of {batch}

The model: torchvision `efficientnet_b2` with an HSEmotion-like classifier, pickled whole, exported by
`tools/export/export_face_model.py` (classifier removed, TorchScript by tracing) - the same file in both.

| runtime | images/s |
|---|---|
| DJL 0.32 / libtorch 2.5.1, forward only | {f['efficientnet_b2 djl forward images/s']:.2f} |
| Python torch {f['python torch version']:.2f} (Debian), same TorchScript, forward only | {f['efficientnet_b2 python torchscript forward images/s']:.2f} |
| Python torch, eager torchvision model, forward only | {f['efficientnet_b2 python eager forward images/s']:.2f} |
| DJL Face Encoder from 8-bit images (normalise + forward) | {f['efficientnet_b2 djl encoder images/s']:.2f} |
| Python from 8-bit images (numpy normalise + TorchScript forward) | {f['efficientnet_b2 python torchscript encoder images/s']:.2f} |

**DJL / Python (same TorchScript, forward): {ratio:.2f}x** (goal: at least 1.0x); DJL / Python eager:
{f['ratio djl / python eager forward']:.2f}x; end to end: {f['ratio djl / python encoder (normalise + forward)']:.2f}x.
Largest difference between DJL's and Python's embeddings: {f['efficientnet_b2 max abs diff djl vs python']:.2e}.

## Built-in encoders (no weights)

| encoder | speed |
|---|---|
| HOG face encoder, 224x224 FFV1 face track (decode + grey + 64x64 + HOG) | {f['hog face track frames/s (decode + hog)']:.0f} frames/s |
| HOG face encoder, frames in memory | {f['hog frames/s (in memory)']:.0f} frames/s |
| log-mel (80 mels, 25/10 ms), 60 s WAV read + features | {f['log-mel frames/s (wav read + features)']:.0f} frames/s = {f['log-mel x real time']:.0f}x real time |

Figures: `bench/results/encoders.json`.
"""
open("bench/results/encoders.md", "w").write(md)
print(md)
PYEOF
