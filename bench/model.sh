#!/usr/bin/env bash
# Benchmark of the VAVL model (issue 6, item 7): bench/run model   (from the repository root)
#
# The VAVL network at the reference's sizes (batch 32, audio 150 x 1024, visual 90 x 1408, 6 classes) in
#   - DJL 0.32 (libtorch 2.5.1 natives from Maven Central), CPU, one thread: org.vavl.core.model.ModelBenchmark
#     (bench/java, compiled by the build and never run by it);
#   - PyTorch on Debian's /usr/bin/python3 (torch 1.13), CPU, torch.set_num_threads(1): bench/model_torch.py with
#     the PyTorch twin of tools/parity/conformer_parity.py (the module the parity test checks against DJL).
# Figures: the training step = the reference's three optimisation steps (visual, acoustic, fusion; Adam per
# module), inference per clip at batch 1 and at batch 32 (evaluation forward, all five outputs), peak RSS of each
# process. DJL and PyTorch run as separate processes, alternately, ROUNDS times (order swapped every round); every
# figure is the median of the timed repetitions over all rounds. Wall time and process CPU time are both reported:
# on a busy machine the CPU time is the steadier comparison.
#
# Per timed repetition both sides also report the minor page faults of the process (DJL: /proc/self/stat; Python:
# getrusage) and the resident set after it; peak RSS per process. The load average (1 minute) is sampled before
# every process and the highest value is reported: above 1.5 no goal is called met (rerun on a quiet machine).
#
# Environment: ROUNDS (2), TRAIN_WARMUP (1), TRAIN_REPS (2), INFER_WARMUP (1), INFER_REPS (2), B1_WARMUP (25: the JVM
# compiles hot code during the first calls, and its compiler threads count in the process CPU time; measured
# 2026-12-07, DJL's CPU time per clip settles after about 20 calls, 0.19-0.22 s before, 0.17-0.18 s after),
# B1_REPS (15), BATCH (32; smaller only to try the script out), ALLOCATOR_PROBE (1: also DJL's training steps with
# glibc's default malloc settings, -Dvavl.bench.allocator=default, to show what NativeAllocator changes).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-2}
TRAIN_WARMUP=${TRAIN_WARMUP:-1}; TRAIN_REPS=${TRAIN_REPS:-2}
INFER_WARMUP=${INFER_WARMUP:-1}; INFER_REPS=${INFER_REPS:-2}
B1_WARMUP=${B1_WARMUP:-25}; B1_REPS=${B1_REPS:-15}
BATCH=${BATCH:-32}
PY=/usr/bin/python3
work=bench/work/model
mkdir -p "$work" bench/results

if ! "$PY" -c "import torch" 2>/dev/null; then
  echo "bench/model.sh: $PY cannot import torch (install Debian's python3-torch)" >&2
  exit 1
fi

echo "[model] building the benchmark programs (bench/java)"
CP="$(bench/java/classpath)"
JAVA=(java -Xmx2g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1
      -cp "$CP")
MAIN=org.vavl.core.model.ModelBenchmark

# One thread really: torch.set_num_threads / DJL's num_threads set the OpenMP and MKL pools, but Debian's torch
# multiplies with OpenBLAS, whose own pool would otherwise use every core (process CPU time above wall time).
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
raw="$work/raw.jsonl"
: > "$raw"
load_start=$(cut -d' ' -f1 /proc/loadavg)
loads="$work/loads.txt"
cut -d' ' -f1 /proc/loadavg > "$loads"
sample_load() { cut -d' ' -f1 /proc/loadavg >> "$loads"; }
run_djl() { sample_load; "${JAVA[@]}" "$MAIN" "$@" 2>"$work/djl.err" | grep '^{' | tee -a "$raw"; }
run_torch() { sample_load; "$PY" bench/model_torch.py "$@" 2>"$work/torch.err" | grep '^{' | tee -a "$raw"; }
for round in $(seq 1 "$ROUNDS"); do
  for spec in "gemm 1 2 10" "train $BATCH $TRAIN_WARMUP $TRAIN_REPS" "infer $BATCH $INFER_WARMUP $INFER_REPS" "infer 1 $B1_WARMUP $B1_REPS"; do
    # shellcheck disable=SC2086
    if [ $((round % 2)) -eq 1 ]; then run_djl $spec; run_torch $spec; else run_torch $spec; run_djl $spec; fi
  done
done
# Allocator probe: DJL's training steps once more with glibc's default malloc settings (NativeAllocator not
# applied), to show what the in-process mallopt changes: minor faults per step, CPU time, peak RSS.
if [ "${ALLOCATOR_PROBE:-1}" = 1 ]; then
  sample_load
  "${JAVA[@]}" -Dvavl.bench.allocator=default "$MAIN" train "$BATCH" "$TRAIN_WARMUP" "$TRAIN_REPS" \
    2>"$work/djl.err" | grep '^{' | sed 's/"mode":"train"/"mode":"train-glibc-defaults"/' | tee -a "$raw"
fi
sample_load
load_end=$(cut -d' ' -f1 /proc/loadavg)

"$PY" bench/model_report.py "$raw" bench/results/model.md bench/results/model.json \
  --rounds "$ROUNDS" --load "$load_start" "$load_end" --load-max "$(sort -g "$loads" | tail -1)" --cpus "$(getconf _NPROCESSORS_ONLN)" \
  --cpu-model "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
cat bench/results/model.md
