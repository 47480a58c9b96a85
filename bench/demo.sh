#!/usr/bin/env bash
# bench/run demo: wall time and peak resident memory of the demo run (./vavl demo) and of each stage,
# starting from no data (the demo dataset is generated too). Writes bench/results/demo.md and .json.
set -euo pipefail
cd "$(dirname "$0")/.."
wf="workflows/Demo — train and evaluate"
log=$(mktemp)
rm -rf "$wf/vavl-data"
./vavl run /dev/null >/dev/null 2>&1 || true   # build the runner's class path first, outside the timing
load_start=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s.%N)
./vavl demo -memory 2>&1 | tee "$log"
end=$(date +%s.%N)
load_end=$(cut -d' ' -f1 /proc/loadavg)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
python3 - "$log" "$start" "$end" "$wf/vavl-data/tables" "$load_start" "$load_end" "$cpu" <<'PY'
import csv, glob, json, os, re, sys
log, start, end, tables = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
load_start, load_end, cpu = float(sys.argv[5]), float(sys.argv[6]), sys.argv[7]
stages = []
for line in open(log, encoding="utf-8", errors="replace"):
    m = re.match(r"EXECUTED (.+?) \(#\d+\) in ([\d.]+) s, peak RSS (\d+) MiB", line)
    if m:
        stages.append((m.group(1), float(m.group(2)), int(m.group(3))))
figures = {"demo wall time (s)": round(end - start, 1),
           "demo peak RSS (MiB)": max(s[2] for s in stages) if stages else -1}
for name, secs, rss in stages:
    figures[f"{name} time (s)"] = secs
    figures[f"{name} peak RSS (MiB)"] = rss
metrics = glob.glob(os.path.join(tables, "Evaluator (#*) port 1.csv"))
acc = {}
if metrics:
    for row in csv.DictReader(open(metrics[0], encoding="utf-8")):
        if row["Metric"] in ("Accuracy", "F1 macro") and not row["Class or attribute"]:
            acc[f"{row['Modality']} {row['Metric']}"] = round(float(row["Value"]), 4)
figures.update(acc)
figures["load average at start"] = load_start
figures["load average at end"] = load_end
goals = [("whole demo under 600 s", figures["demo wall time (s)"] < 600),
         ("audiovisual accuracy >= 0.8", acc.get("audiovisual Accuracy", 0) >= 0.8),
         ("audio-only accuracy well above chance (>= 0.4, chance 1/6)", acc.get("audio-only Accuracy", 0) >= 0.4),
         ("visual-only accuracy well above chance (>= 0.4, chance 1/6)", acc.get("visual-only Accuracy", 0) >= 0.4)]
os.makedirs("bench/results", exist_ok=True)
json.dump(figures, open("bench/results/demo.json", "w"), indent=1)
with open("bench/results/demo.md", "w") as md:
    md.write("# Demo benchmark (`bench/run demo`)\n\n")
    md.write("The whole demo from no data: `./vavl demo` (Demo Dataset generation included), on this machine "
             f"({os.cpu_count()} cores, {cpu}; load average {load_start} at the start, {load_end} at the end). "
             "Peak RSS per stage is the process's VmHWM, reset before each node. The wall time of the whole demo "
             "includes the JVM start and the runner loading the workflow.\n\n")
    md.write("| stage | wall time (s) | peak RSS (MiB) |\n|---|---:|---:|\n")
    for name, secs, rss in stages:
        md.write(f"| {name} | {secs:.1f} | {rss} |\n")
    md.write(f"| **whole demo** | **{figures['demo wall time (s)']:.1f}** | **{figures['demo peak RSS (MiB)']}** |\n\n")
    md.write("Results on the Test speakers:\n\n| figure | value |\n|---|---:|\n")
    for k, v in acc.items():
        md.write(f"| {k} | {v:.3f} |\n")
    md.write("\nGoals (issue 8):\n\n")
    for g, ok in goals:
        md.write(f"- {g}: {'met' if ok else 'NOT met'}\n")
print(json.dumps(figures, indent=1))
PY
rm -f "$log"
