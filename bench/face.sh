#!/usr/bin/env bash
# Face aligner benchmark (run from the repo root as: bench/run face). Needs Java, Maven and Maven's ~/.m2 (or the
# network once); nothing else: the clips are generated from astronaut.png in the engine's resources.
# On generated 480x360 30 fps clips (astronaut.png moving, rolling -15..15 degrees, zooming), one thread each,
# in the same run: frames per second of the face aligner with default settings, with the landmark alignment, and of
# decode-only on the same files (two alternating rounds), and where the aligner's time goes; the tiny face detector on
# the same clips (frames per second and accuracy). Then peak RSS (VmHWM) of the aligner on a
# 3-second and a 10-minute 720p clip, each in its own JVM with the same options.
# Writes bench/results/face.md and bench/results/face.json. Clips are cached in bench/work/face (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$root/bench/work/face"
mkdir -p "$work" bench/results
rm -f "$work"/*.log   # logs of an earlier run must not count in this one

echo "== build and class path (bench/java, Maven offline first)"
cp="$(bench/java/classpath)"
jvm=(java -Xmx1g -XX:+UseSerialGC -Djava.awt.headless=true -cp "$cp")
bench() { "${jvm[@]}" org.vavl.core.face.FaceBench "$@"; }

# generator version: bump when the clips' content changes, so cached clips are made again
gen=g2
clip() { # name width height seconds variant
  local f="$work/$1-$gen.mp4"
  if [ ! -s "$f" ] || [ ! -s "$f.geometry" ]; then bench generate "$f" "$2" "$3" "$4" "$5" >&2; fi
  echo "$f"
}
echo "== clips (generated once, cached in bench/work/face)"
small=("$(clip small_1 480 360 10 1)" "$(clip small_2 480 360 10 2)" "$(clip small_3 480 360 10 3)")
hd3="$(clip hd_3s 1280 720 3 0)"
hd600="$(clip hd_10min 1280 720 600 0)"

variant() { # <detector>_<alignment> log
  "${jvm[@]}" -Dvavl.bench.detector="${1%_*}" -Dvavl.bench.alignment="${1#*_}" -Dai.djl.pytorch.num_threads=1 \
    -Dai.djl.pytorch.num_interop_threads=1 org.vavl.core.face.FaceBench align "$work/out_$1" "${small[@]}" | tee "$2"
  rm -rf "$work/out_$1"
}
echo "== decode-only, aligner and the aligner with landmarks (issue 18's goal), 480x360, one thread each (two rounds,"
echo "   alternating; best of two)"
for round in 1 2; do
  bench decode "${small[@]}" | tee "$work/decode_$round.log"
  bench align "$work/out_small" "${small[@]}" | tee "$work/align_$round.log"
  variant haar_landmarks "$work/align_haar_landmarks_$round.log"
done
echo "== other detectors and alignments on the same clips (one round each; the tiny detector and the landmark network"
echo "   are face-api's, shipped in the engine)"
for v in tiny_eyes tiny_landmarks; do
  variant "$v" "$work/align_$v.log"
done
echo "== where the time goes"
bench profile "$work/out_profile" "${small[@]}" | tee "$work/profile.log"
echo "== peak RSS, 720p: 3 s and 10 min, separate JVMs"
bench align "$work/out_hd3" "$hd3" | tee "$work/rss_3s.log"
bench align "$work/out_hd600" "$hd600" | tee "$work/rss_10min.log"
rm -rf "$work/out_small" "$work/out_profile" "$work/out_hd3" "$work/out_hd600"

"${jvm[@]}" org.vavl.core.face.FaceBenchReport "$work" bench/results
