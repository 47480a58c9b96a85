#!/usr/bin/env bash
# Face aligner benchmark (run from the repo root as: bench/run face).
# On generated 480x360 30 fps clips (astronaut.png moving, rolling -15..15 degrees, zooming), one thread each,
# in the same run: frames per second of the face aligner with default settings and of decode-only on the same
# files. Then peak RSS (VmHWM) of the aligner on a 10-minute 720p clip and on a 3-second 720p clip, each in its
# own JVM with the same options. Writes bench/results/face.md and bench/results/face.json.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$root/bench/work/face"
mkdir -p "$work" bench/results

echo "== build (offline)"
mvn -B -o -q test-compile -pl org.vavl.core -am

prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
m2="${MAVEN_REPO:-$HOME/.m2/repository}/org/bytedeco"
jcpp="$(prop javacpp.version)"; ff="$(prop ffmpeg.version)"; cv="$(prop opencv.version)"; ob="$(prop openblas.version)"
plat="$(prop native.classifier)"
cp="$root/org.vavl.core/target/classes:$root/org.vavl.core/target/test-classes"
for j in "javacv/$jcpp/javacv-$jcpp.jar" "javacpp/$jcpp/javacpp-$jcpp.jar" "javacpp/$jcpp/javacpp-$jcpp-$plat.jar" \
         "ffmpeg/$ff/ffmpeg-$ff.jar" "ffmpeg/$ff/ffmpeg-$ff-$plat.jar" "opencv/$cv/opencv-$cv.jar" \
         "opencv/$cv/opencv-$cv-$plat.jar" "openblas/$ob/openblas-$ob.jar" "openblas/$ob/openblas-$ob-$plat.jar"; do
  [ -f "$m2/$j" ] || { echo "missing $m2/$j: run 'mvn -B verify' once online" >&2; exit 1; }
  cp="$cp:$m2/$j"
done
shared="${VAVL_SHARED_DIR:-$root/../shared}"
jvm=(java -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=4 -Djava.awt.headless=true "-Dvavl.shared.dir=$shared" -cp "$cp")
bench() { "${jvm[@]}" org.vavl.core.face.FaceBench "$@"; }

echo "== generate clips (cached in bench/work/face)"
small=()
for i in 1 2 3; do
  f="$work/small_$i.mp4"; [ -s "$f" ] || bench generate "$f" 480 360 10
  small+=("$f")
done
[ -s "$work/hd_3s.mp4" ] || bench generate "$work/hd_3s.mp4" 1280 720 3
[ -s "$work/hd_10min.mp4" ] || bench generate "$work/hd_10min.mp4" 1280 720 600

result() { grep '^RESULT' "$1" | tail -1; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

echo "== decode-only and aligner, 480x360, one thread each (two rounds, alternating; best of two)"
for round in 1 2; do
  bench decode "${small[@]}" | tee "$work/decode_$round.log"
  bench align "$work/out_small" "${small[@]}" | tee "$work/align_$round.log"
done
echo "== peak RSS, 720p: 3 s and 10 min, separate JVMs"
bench align "$work/out_hd3" "$work/hd_3s.mp4" | tee "$work/rss_3s.log"
bench align "$work/out_hd600" "$work/hd_10min.mp4" | tee "$work/rss_10min.log"

/usr/bin/env python3 - "$work" <<'PY'
import json, re, sys, os, platform, datetime
work = sys.argv[1]
def res(name):
    line = [l for l in open(os.path.join(work, name)) if l.startswith("RESULT")][-1]
    return {k: (float(v) if re.fullmatch(r"-?[0-9.]+", v) else v) for k, v in re.findall(r"(\w+)=(\S+)", line)}
dec = [res(f"decode_{r}.log") for r in (1, 2)]
ali = [res(f"align_{r}.log") for r in (1, 2)]
r3, r600 = res("rss_3s.log"), res("rss_10min.log")
best = lambda rs, k: max(r[k] for r in rs)
fig = {
    "decode-only fps (480x360, 1 thread, wall)": best(dec, "fps_wall"),
    "decode-only fps (480x360, per CPU second)": best(dec, "fps_cpu"),
    "aligner fps (480x360, default settings, 1 thread, wall)": best(ali, "fps_wall"),
    "aligner fps (480x360, per CPU second)": best(ali, "fps_cpu"),
    "frames per clip set (480x360)": ali[0]["frames"],
    "frames with face (480x360)": ali[0]["with_face"],
    "detector runs (480x360)": ali[0]["detector_runs"],
}
fig["aligner / decode-only (wall)"] = fig["aligner fps (480x360, default settings, 1 thread, wall)"] / fig["decode-only fps (480x360, 1 thread, wall)"]
fig["aligner / decode-only (CPU)"] = fig["aligner fps (480x360, per CPU second)"] / fig["decode-only fps (480x360, per CPU second)"]
fig["aligner x real time per core (30 fps, wall)"] = fig["aligner fps (480x360, default settings, 1 thread, wall)"] / 30
fig["aligner x real time per core (30 fps, CPU)"] = fig["aligner fps (480x360, per CPU second)"] / 30
fig["peak RSS MB (720p, 3 s)"] = r3["vmhwm_kb"] / 1024
fig["peak RSS MB (720p, 10 min)"] = r600["vmhwm_kb"] / 1024
fig["peak RSS 10 min / 3 s"] = r600["vmhwm_kb"] / r3["vmhwm_kb"]
fig["aligner fps (720p, 10 min, wall)"] = r600["fps_wall"]
fig["aligner fps (720p, 10 min, per CPU second)"] = r600["fps_cpu"]
fig["frames (720p, 10 min)"] = r600["frames"]
fig["face ratio (720p, 10 min)"] = r600["with_face"] / r600["frames"]
fig = {k: round(v, 4) for k, v in fig.items()}
json.dump(fig, open("bench/results/face.json", "w"), indent=2)
ok = lambda c: "yes" if c else "NO"
load = os.getloadavg()
md = f"""# Face aligner benchmark

Command: `bench/run face` (script `bench/face.sh`). Run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC on
{platform.machine()}, {os.cpu_count()} cores, load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}
(the machine is shared: wall-clock figures suffer from other processes; figures per CPU second do not).
JVM: `-Xmx1g -XX:+UseSerialGC`, one JVM per measurement; FFmpeg and OpenCV limited to one thread.

Clips: generated, 30 fps, H.264 (OpenH264) in MP4: `astronaut.png` moving, zooming (+-10 %) and rolling
(-15..15 degrees), the face about a third of the frame height. 480x360: three 10-second clips
({int(fig['frames per clip set (480x360)'])} frames). 720p: one 3-second and one 10-minute clip.

## Throughput, 480x360, one thread each, same run (best of two alternating rounds; each JVM first warms up on the first clip, untimed)

| | frames/s (wall) | frames/s per CPU second |
|---|---|---|
| decode-only (every frame to BGR) | {fig['decode-only fps (480x360, 1 thread, wall)']:.0f} | {fig['decode-only fps (480x360, per CPU second)']:.0f} |
| face aligner, default settings | {fig['aligner fps (480x360, default settings, 1 thread, wall)']:.0f} | {fig['aligner fps (480x360, per CPU second)']:.0f} |
| aligner / decode-only | {fig['aligner / decode-only (wall)']:.2f} | {fig['aligner / decode-only (CPU)']:.2f} |
| aligner, times real time (30 fps) per core | {fig['aligner x real time per core (30 fps, wall)']:.1f} | {fig['aligner x real time per core (30 fps, CPU)']:.1f} |

Default settings: Haar frontal-face cascade, detector every 30 frames, eye-template tracking between, crop 1.25,
224x224, MJPEG face tracks. Faces found in {int(fig['frames with face (480x360)'])} of
{int(fig['frames per clip set (480x360)'])} frames, detector runs {int(fig['detector runs (480x360)'])}.

Goals: aligner >= 0.1 of decode-only: {ok(fig['aligner / decode-only (wall)'] >= 0.1)} (wall), {ok(fig['aligner / decode-only (CPU)'] >= 0.1)} (CPU);
>= 10x real time per core: {ok(fig['aligner x real time per core (30 fps, wall)'] >= 10)} (wall), {ok(fig['aligner x real time per core (30 fps, CPU)'] >= 10)} (CPU).

## Peak memory (VmHWM), 720p, separate JVMs

| clip | frames | peak RSS (MB) | aligner frames/s (wall / per CPU s) |
|---|---|---|---|
| 3 s | {int(r3['frames'])} | {fig['peak RSS MB (720p, 3 s)']:.0f} | {r3['fps_wall']:.0f} / {r3['fps_cpu']:.0f} |
| 10 min | {int(r600['frames'])} | {fig['peak RSS MB (720p, 10 min)']:.0f} | {r600['fps_wall']:.0f} / {r600['fps_cpu']:.0f} |

10 min / 3 s = {fig['peak RSS 10 min / 3 s']:.3f}. Goals: RSS < 1.5 GB: {ok(max(fig['peak RSS MB (720p, 3 s)'], fig['peak RSS MB (720p, 10 min)']) < 1536)};
within 10 %: {ok(abs(fig['peak RSS 10 min / 3 s'] - 1) <= 0.10)}. Face ratio of the 10-minute clip: {fig['face ratio (720p, 10 min)']:.3f}.

All figures: `bench/results/face.json`.
"""
open("bench/results/face.md", "w").write(md)
print(md)
PY
