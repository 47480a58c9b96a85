#!/usr/bin/env bash
# bench/run face-detectors: the Face Aligner's detectors (Haar cascade, face-api's tiny face detector) and alignments
# (eye cascade, face-api's 68-point landmarks) on real faces: the demo's face (astronaut.png, eyes measured) and
# Debian's opencv-doc sample photo and videos where installed (apt-get install opencv-doc): rolled and shrunk photos
# (eye-line error, centre offset, frames aligned, time per frame) and whole clips (frames with a face, with landmarks,
# confidences, frames per CPU second). One thread. Writes bench/results/face-detectors.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p bench/results
cp="$(bench/java/classpath)"
data=/usr/share/doc/opencv-doc/examples/data
astronaut=org.vavl.core/src/main/resources/org/vavl/core/demo/astronaut.png
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
OMP_NUM_THREADS=1 java -Xmx2g -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
  -Dai.djl.pytorch.num_interop_threads=1 -cp "$cp" org.vavl.core.face.FaceDetectorComparison "$work/table.md" "$work" \
  "$astronaut" "$data/messi5.jpg" -- "$data/Megamind.avi" "$data/vtest.avi" 2>/dev/null | grep -v '^\[' >/dev/null
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "# Face Aligner: detectors and alignments on real faces (\`bench/run face-detectors\`)"
  echo
  echo "One thread; load average $load_before before, $load_after after (shared machine: times are CPU time)."
  echo "Photos and videos from Debian's opencv-doc $(dpkg-query -W -f='${Version}' opencv-doc 2>/dev/null || echo '(not installed: skipped)');"
  echo "the astronaut is the demo's public-domain face, its eye centres measured on the image."
  echo
  cat "$work/table.md"
} > bench/results/face-detectors.md
cat bench/results/face-detectors.md
