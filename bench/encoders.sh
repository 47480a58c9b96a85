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

echo "[encoders] building the benchmark programs (bench/java)"
cp="$(bench/java/classpath)"

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

"$PY" bench/encoders_report.py "$work" "$IMAGES" "$BATCH" "$load_before" "$load_after"
