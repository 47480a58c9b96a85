#!/usr/bin/env bash
# Audio extraction benchmark (run from the repo root as: bench/run audio).
# 100 generated clips of 3 s (480x360 H.264 30 fps, AAC 48 kHz stereo); their audio is extracted to 16 kHz mono
# 16-bit WAV files by the engine (org.vavl.core.media.AudioExtractor, what the Audio Extractor node runs) and by
# Debian's ffmpeg, one process per file (ffmpeg -i X -ac 1 -ar 16000 Y.wav), alternately, three rounds each:
#   engine, 1 thread   vs   ffmpeg, one file after the other
#   engine, 2 threads  vs   ffmpeg, two processes at a time (xargs -P 2)
# Engine times are measured inside its JVM (as in a running KNIME) and as the whole process (JVM start included).
# Then the sample correlation between the two programs' WAV files. Writes bench/results/audio.md and .json.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$root/bench/work/audio"
rounds="${AUDIO_BENCH_ROUNDS:-3}"
mkdir -p "$work" bench/results

command -v ffmpeg >/dev/null || { echo "== installing ffmpeg"; apt-get install -y ffmpeg >/dev/null || { apt-get update >/dev/null && apt-get install -y ffmpeg >/dev/null; }; }

echo "== build (bench/java) and class path"
# the full runtime class path: the engine checks its natives (JavaCPP's and PyTorch's) before the first FFmpeg call
cp="$(bench/java/classpath)"
jvm=(java -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true -cp "$cp" org.vavl.core.media.AudioBench)
now() { date +%s.%N; }

echo "== generate 100 clips (cached in bench/work/audio/clips)"
"${jvm[@]}" generate "$work/clips" 100 | tee "$work/generate.log"
n=$(ls "$work/clips"/*.mp4 | wc -l)

cli_one() { ffmpeg -nostdin -v error -y -i "$1" -ac 1 -ar 16000 "$2/$(basename "$1" .mp4).wav"; }
export -f cli_one

: > "$work/times.txt"
for r in $(seq 1 "$rounds"); do
  for mode in engine1 cli1 engine2 cli2; do
    out="$work/out_$mode"; rm -rf "$out" "$work/$mode.log"; mkdir -p "$out"
    t0=$(now)
    case "$mode" in
      engine1) "${jvm[@]}" engine "$out" 1 "$work/clips" > "$work/$mode.log" ;;
      engine2) "${jvm[@]}" engine "$out" 2 "$work/clips" > "$work/$mode.log" ;;
      cli1) for f in "$work/clips"/*.mp4; do cli_one "$f" "$out"; done ;;
      cli2) ls "$work/clips"/*.mp4 | xargs -P 2 -I{} bash -c 'cli_one "$1" "$2"' _ {} "$out" ;;
    esac
    t1=$(now)
    inner=""; [ -f "$work/$mode.log" ] && inner=$(sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' "$work/$mode.log" | tail -1)
    echo "$r $mode $(awk "BEGIN{print $t1 - $t0}") ${inner:-}" | tee -a "$work/times.txt"
  done
done

echo "== correlation: engine vs ffmpeg command line"
"${jvm[@]}" compare "$work/out_engine1" "$work/out_cli1" | tee "$work/compare.log"

/usr/bin/python3 - "$work" "$n" <<'PY'
import json, os, re, statistics, sys, platform, datetime, subprocess
work, n = sys.argv[1], int(sys.argv[2])
rows = [l.split() for l in open(os.path.join(work, "times.txt")) if l.strip()]
def med(mode, col):
    return statistics.median(float(r[col]) for r in rows if r[1] == mode and len(r) > col)
wall = {m: med(m, 2) for m in ("engine1", "cli1", "engine2", "cli2")}
inner = {m: med(m, 3) for m in ("engine1", "engine2")}
cmp = dict(re.findall(r"(\w+)=(\S+)", [l for l in open(os.path.join(work, "compare.log")) if l.startswith("RESULT")][-1]))
fig = {
    "clips": n,
    "rounds": len([r for r in rows if r[1] == "cli1"]),
    "engine 1 thread clips/s (in JVM)": n / inner["engine1"],
    "engine 1 thread clips/s (process, JVM start included)": n / wall["engine1"],
    "ffmpeg CLI sequential clips/s": n / wall["cli1"],
    "ratio engine 1 thread (in JVM) / ffmpeg CLI sequential": wall["cli1"] / inner["engine1"],
    "ratio engine 1 thread (process) / ffmpeg CLI sequential": wall["cli1"] / wall["engine1"],
    "engine 2 threads clips/s (in JVM)": n / inner["engine2"],
    "engine 2 threads clips/s (process, JVM start included)": n / wall["engine2"],
    "ffmpeg CLI 2 processes clips/s": n / wall["cli2"],
    "ratio engine 2 threads (in JVM) / ffmpeg CLI 2 processes": wall["cli2"] / inner["engine2"],
    "ratio engine 2 threads (process) / ffmpeg CLI 2 processes": wall["cli2"] / wall["engine2"],
    "audio seconds per second, engine 1 thread (in JVM)": 3.0 * n / inner["engine1"],
    "mean sample correlation engine vs ffmpeg CLI": float(cmp["mean_correlation"]),
    "min sample correlation engine vs ffmpeg CLI": float(cmp["min_correlation"]),
    "max length difference (samples at 16 kHz)": float(cmp["max_length_difference_samples"]),
    "max sample difference (16-bit steps)": float(cmp["max_abs_difference_lsb"]),
}
json.dump(fig, open("bench/results/audio.json", "w"), indent=2)
ffv = subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout.splitlines()[0]
load = open("/proc/loadavg").read().split()[:3]
per_round = "\n".join(f"| {r[0]} | {r[1]} | {float(r[2]):.2f} | {float(r[3]):.2f} |" if len(r) > 3
                      else f"| {r[0]} | {r[1]} | {float(r[2]):.2f} | |" for r in rows)
md = f"""# Audio extraction benchmark

`bench/run audio`, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores
(load average at the end {' '.join(load)}: the machine is shared), {platform.platform()}, {ffv}.

Task: the audio of {n} generated clips of 3 s (480x360 H.264 30 fps, AAC 48 kHz stereo) to 16 kHz mono 16-bit
WAV. Engine: `org.vavl.core.media.AudioExtractor` (what the Audio Extractor node runs: FFmpeg decode, FFmpeg's
resampler, channel mean, `javax.sound.sampled` writer, temporary file + rename + settings record per clip).
Command line: Debian's `ffmpeg -i X -ac 1 -ar 16000 Y.wav`, one process per file. The programs ran alternately,
{fig['rounds']} rounds; figures are medians over the rounds. Engine times are given inside its JVM (as in a
running KNIME, where the JVM and FFmpeg's libraries are already loaded) and for the whole process (JVM start
and library loading included, about a second).

| | clips/s | ratio to the command line |
|---|---|---|
| engine, 1 thread, in JVM | {fig['engine 1 thread clips/s (in JVM)']:.1f} | **{fig['ratio engine 1 thread (in JVM) / ffmpeg CLI sequential']:.2f}x** |
| engine, 1 thread, whole process | {fig['engine 1 thread clips/s (process, JVM start included)']:.1f} | {fig['ratio engine 1 thread (process) / ffmpeg CLI sequential']:.2f}x |
| ffmpeg, one file after the other | {fig['ffmpeg CLI sequential clips/s']:.1f} | 1 |
| engine, 2 threads, in JVM | {fig['engine 2 threads clips/s (in JVM)']:.1f} | **{fig['ratio engine 2 threads (in JVM) / ffmpeg CLI 2 processes']:.2f}x** |
| engine, 2 threads, whole process | {fig['engine 2 threads clips/s (process, JVM start included)']:.1f} | {fig['ratio engine 2 threads (process) / ffmpeg CLI 2 processes']:.2f}x |
| ffmpeg, two processes at a time | {fig['ffmpeg CLI 2 processes clips/s']:.1f} | 1 |

Engine, 1 thread: {fig['audio seconds per second, engine 1 thread (in JVM)']:.0f} seconds of audio per second.

Agreement of the outputs (engine vs command line, per file, over the common length): mean sample correlation
**{fig['mean sample correlation engine vs ffmpeg CLI']:.9f}**, lowest {fig['min sample correlation engine vs ffmpeg CLI']:.9f}
(the engine's FFmpeg is JavaCV's 7.1.1, the command line Debian's; both resample with libswresample's defaults);
no sample differs by more than {fig['max sample difference (16-bit steps)']:.0f} step(s) of 16 bits;
lengths differ by at most {fig['max length difference (samples at 16 kHz)']:.0f} samples (the engine ends the
audio where the mp4 declares its length, which drops the AAC encoder's padding of the last frame; the command
line keeps it).

Goal: at least 2x the command line's throughput and a correlation above 0.999.

Per round (seconds for all {n} clips; "in JVM" only for the engine):

| round | program | wall s | in JVM s |
|---|---|---|---|
{per_round}
"""
open("bench/results/audio.md", "w").write(md)
print(md)
PY
