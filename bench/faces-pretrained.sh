#!/usr/bin/env bash
# bench/run faces-pretrained: frames per CPU second of face-api's expression and 68-landmark networks and of its tiny
# face detector (DETECTOR_FRAMES of the faces, default 64, at input side DETECTOR_SIZE, default 416) in DJL
# (org.vavl.core.faceapi, one PyTorch intra-op thread, preprocessing included) and in face-api's own JavaScript on
# TensorFlow.js in Node.js (its WASM backend with one thread and its plain-JavaScript CPU backend), on the same
# random 112x112 faces, side by side in one run, best of ROUNDS passes each.
# Needs Node.js and npm (tools/faceapi/install-oracle installs face-api and tfjs into ~/.cache/vavl-faceapi-oracle).
# Writes bench/results/faces-pretrained.md and .json. Knobs: FACES (default 256), BATCH (16), ROUNDS (3).
set -euo pipefail
cd "$(dirname "$0")/.."
FACES=${FACES:-256}
BATCH=${BATCH:-16}
ROUNDS=${ROUNDS:-3}
DETECTOR_FRAMES=${DETECTOR_FRAMES:-64}
DETECTOR_SIZE=${DETECTOR_SIZE:-416}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p bench/results

echo "[faces-pretrained] installing face-api's oracle (npm, outside the repository)"
oracle=$(tools/faceapi/install-oracle | tail -1)
echo "[faces-pretrained] building the benchmark programs (bench/java)"
cp="$(bench/java/classpath)"

python3 - "$work/faces.bin" "$FACES" <<'PY'
import random, struct, sys
random.seed(18)
with open(sys.argv[1], "wb") as f:
    n = int(sys.argv[2])
    f.write(struct.pack("<i", n))
    for _ in range(n):
        f.write(struct.pack("<ii", 112, 112))
        f.write(bytes(random.getrandbits(8) for _ in range(112 * 112 * 3)))
PY

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "[faces-pretrained] DJL (PyTorch, 1 thread)"
OMP_NUM_THREADS=1 java -Xmx2g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
  -cp "$cp" org.vavl.core.faceapi.FaceApiBenchmark "$work/faces.bin" "$BATCH" "$ROUNDS" "$DETECTOR_FRAMES" "$DETECTOR_SIZE" 2>/dev/null | tail -1 > "$work/djl.json"
cat "$work/djl.json"
for backend in wasm cpu; do
  echo "[faces-pretrained] face-api on tfjs, $backend backend (1 thread)"
  rounds=$ROUNDS
  frames=$DETECTOR_FRAMES
  [ "$backend" = cpu ] && rounds=1 && frames=$BATCH   # the plain-JavaScript backend is slow; one pass is enough
  node tools/faceapi/oracle/bench.js "$oracle" "$work/faces.bin" "$BATCH" "$rounds" "$backend" "$frames" "$DETECTOR_SIZE" 2>/dev/null | tail -1 > "$work/$backend.json"
  cat "$work/$backend.json"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$work" "$FACES" "$BATCH" "$load_before" "$load_after" "$DETECTOR_FRAMES" <<'PY'
import json, sys
work, faces, batch, lb, la = sys.argv[1:6]
djl = json.load(open(f"{work}/djl.json"))
wasm = json.load(open(f"{work}/wasm.json"))
cpu = json.load(open(f"{work}/cpu.json"))
fig = {}
rows = []
for net in ("expression", "landmarks", "detector"):
    k = f"{net} frames per CPU s"
    d, w, c = djl[k], wasm[k], cpu[k]
    fig[f"DJL {k}"] = round(d, 1)
    fig[f"tfjs-wasm {k}"] = round(w, 1)
    fig[f"tfjs-cpu {k}"] = round(c, 1)
    fig[f"{net} DJL / tfjs-wasm"] = round(d / w, 2)
    name = f"tiny face detector ({djl['detector size']}x{djl['detector size']})" if net == "detector" else f"{net} (112x112)"
    rows.append(f"| {name} | {d:.1f} | {w:.1f} | {c:.1f} | {d / w:.2f}x |")
ratios = [fig[f"{net} DJL / tfjs-wasm"] for net in ("expression", "landmarks", "detector")]
# the 1-minute load average before and after; above 1.5 the two sides may not have run under the same conditions
load = max(float(lb.split()[0]), float(la.split()[0]))
if load > 1.5:
    verdict = f"not judged (load average {load:.2f} above 1.5: rerun on a quiet machine)"
else:
    verdict = ("met" if min(ratios) >= 3 else "NOT met") + f" (lowest {min(ratios):.2f}x)"
fig["load average (1 min, highest of before / after)"] = load
json.dump(fig, open("bench/results/faces-pretrained.json", "w"), indent=2)
md = f"""# face-api's networks: DJL against face-api on TensorFlow.js (`bench/run faces-pretrained`)

{faces} random 112x112 faces (seed 18) in batches of {batch}, preprocessing included, best of the passes (the tiny face
detector: the first {sys.argv[6]} faces, each padded and resized to its input side); frames per
CPU second of the process (one PyTorch intra-op thread for DJL; TensorFlow.js's WASM backend with one thread, and its
plain-JavaScript CPU backend, in Node.js). Load average {lb} before, {la} after (a shared 2-core machine: per CPU
second, as wall-clock figures depend on other work).

| network | DJL | tfjs WASM | tfjs CPU | DJL / tfjs WASM |
|---|---:|---:|---:|---:|
""" + "\n".join(rows) + f"""

Goal (issue 18): DJL at least 3x face-api's throughput on its fastest backend that installs here (WASM): {verdict}.
The issue's other goal, the Face Aligner with landmarks at 0.3 of decode-only FFmpeg speed on 480x360 clips, is
measured by `bench/run face` (bench/results/face.md, section "Detectors and alignments").
"""
open("bench/results/faces-pretrained.md", "w").write(md)
print(md)
PY
