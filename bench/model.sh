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
# Environment: ROUNDS (2), TRAIN_WARMUP (1), TRAIN_REPS (1), INFER_WARMUP (1), INFER_REPS (2), B1_WARMUP (2),
# B1_REPS (5), BATCH (32; smaller only to try the script out), ALLOCATOR_PROBE (1: also one training step each
# with glibc's mmap threshold fixed, to tell memory in use from memory the allocator keeps).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-2}
TRAIN_WARMUP=${TRAIN_WARMUP:-1}; TRAIN_REPS=${TRAIN_REPS:-1}
INFER_WARMUP=${INFER_WARMUP:-1}; INFER_REPS=${INFER_REPS:-2}
B1_WARMUP=${B1_WARMUP:-2}; B1_REPS=${B1_REPS:-5}
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
      -cp "$CP" org.vavl.core.model.ModelBenchmark)

# One thread really: torch.set_num_threads / DJL's num_threads set the OpenMP and MKL pools, but Debian's torch
# multiplies with OpenBLAS, whose own pool would otherwise use every core (process CPU time above wall time).
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
raw="$work/raw.jsonl"
: > "$raw"
load_start=$(cut -d' ' -f1 /proc/loadavg)
run_djl() { "${JAVA[@]}" "$@" 2>"$work/djl.err" | grep '^{' | tee -a "$raw"; }
run_torch() { "$PY" bench/model_torch.py "$@" 2>"$work/torch.err" | grep '^{' | tee -a "$raw"; }
for round in $(seq 1 "$ROUNDS"); do
  for spec in "gemm 1 2 10" "train $BATCH $TRAIN_WARMUP $TRAIN_REPS" "infer $BATCH $INFER_WARMUP $INFER_REPS" "infer 1 $B1_WARMUP $B1_REPS"; do
    # shellcheck disable=SC2086
    if [ $((round % 2)) -eq 1 ]; then run_djl $spec; run_torch $spec; else run_torch $spec; run_djl $spec; fi
  done
done
# Allocator probe: one more training step each with glibc's mmap threshold fixed (MALLOC_MMAP_THRESHOLD_), so
# that freed large blocks go back to the system at once and the peak RSS follows the memory actually in use
# (slower: more page faults). Shows how much of a peak-RSS difference is allocator retention.
if [ "${ALLOCATOR_PROBE:-1}" = 1 ]; then
  run_djl_probe() { MALLOC_MMAP_THRESHOLD_=131072 "${JAVA[@]}" "$@" 2>"$work/djl.err" | grep '^{' | sed 's/"mode":"train"/"mode":"train-mmap"/' | tee -a "$raw"; }
  run_torch_probe() { MALLOC_MMAP_THRESHOLD_=131072 "$PY" bench/model_torch.py "$@" 2>"$work/torch.err" | grep '^{' | sed 's/"mode": "train"/"mode": "train-mmap"/' | tee -a "$raw"; }
  run_djl_probe train "$BATCH" 0 1
  run_torch_probe train "$BATCH" 0 1
fi
load_end=$(cut -d' ' -f1 /proc/loadavg)

"$PY" bench/model_report.py "$raw" bench/results/model.md bench/results/model.json \
  --rounds "$ROUNDS" --load "$load_start" "$load_end" --cpus "$(nproc)" \
  --cpu-model "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
cat bench/results/model.md
