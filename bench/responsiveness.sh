#!/usr/bin/env bash
# Responsiveness benchmark (run from the repo root as: bench/run responsiveness).
# What unit tests must not assert with a clock: how long a probe of one clip takes, and how soon the Audio
# Extractor (2 threads) and the Face Aligner's face-track extraction stop after a cancellation. Five rounds each;
# the probe figure is the median, the cancellation figures the worst round. Writes bench/results/responsiveness.md
# and .json.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$root/bench/work/responsiveness"
mkdir -p "$work" bench/results

echo "== build (the benchmark programs of bench/java and their class path)"
cp="$(bench/java/classpath)"
load_before=$(cut -d' ' -f1 /proc/loadavg)
java -Xmx1g -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  org.vavl.core.face.ResponsivenessBench "$work/media" | tee "$work/run.log"
load_after=$(cut -d' ' -f1 /proc/loadavg)

/usr/bin/python3 - "$work/run.log" "$load_before" "$load_after" <<'PY'
import datetime, json, os, platform, re, sys
log, before, after = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
r = dict((k, float(v)) for k, v in re.findall(r"(\w+)=(\S+)", [l for l in open(log) if l.startswith("RESULT")][-1]))
fig = {
    "probe ms per clip (median of 5 rounds of 20)": r["probe_ms"],
    "Audio Extractor ms from cancellation to return (worst of 5, 2 threads)": r["audio_cancel_ms"],
    "face track ms from cancellation to return (worst of 5)": r["face_cancel_ms"],
    "ratio probe ms / goal 100 ms": r["probe_ms"] / 100,
    "ratio audio cancel ms / goal 1000 ms": r["audio_cancel_ms"] / 1000,
    "ratio face cancel ms / goal 1000 ms": r["face_cancel_ms"] / 1000,
    "load average before": before,
    "load average after": after,
}
json.dump(fig, open("bench/results/responsiveness.json", "w"), indent=2)
ok = lambda v, g: "met" if v <= g else "**not met**"
md = f"""# Responsiveness benchmark

`bench/run responsiveness`, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores,
{platform.platform()}; load average {before:.2f} before and {after:.2f} after the run (the machine may be shared:
read the figures with the load).

These were wall-clock assertions in unit tests (flaky on a busy 2-core CI machine); the tests now check the same
behaviour by counts (frames decoded after a cancellation, clips left unmade) and the seconds are measured here.

| what | measured | goal | |
|---|---|---|---|
| probe of one 2 s clip (mp4 and flv alternately; median of 5 rounds of 20) | {r['probe_ms']:.1f} ms | 100 ms | {ok(r['probe_ms'], 100)} |
| Audio Extractor, 6 clips on 2 threads: cancellation to return (worst of 5) | {r['audio_cancel_ms']:.0f} ms | 1 s | {ok(r['audio_cancel_ms'], 1000)} |
| face track extraction: cancellation at frame 12 to return (worst of 5) | {r['face_cancel_ms']:.0f} ms | 1 s | {ok(r['face_cancel_ms'], 1000)} |
"""
open("bench/results/responsiveness.md", "w").write(md)
print(md)
PY
