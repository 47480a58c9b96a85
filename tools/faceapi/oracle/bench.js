// bench/run faces-pretrained, the face-api side: frames per CPU second of face-api's expression and 68-landmark
// networks on TensorFlow.js in Node.js, on the faces of a file (see faces.js for its format), in batches.
// Usage: node bench.js <install folder> <faces.bin> <batch> <rounds> <cpu | wasm> [detectorFrames [detectorSize]]
// Prints one JSON line: {"backend", "expression frames per CPU s", "landmarks frames per CPU s", "detector frames per
// CPU s" (the tiny face detector's network on the first detectorFrames faces, default 64, each padded and resized to
// detectorSize, default 416), ... wall too}.
'use strict';
const path = require('path');

const [dir, input, batchArg, roundsArg, backend = 'cpu', detectorFramesArg = '64', detectorSizeArg = '416'] =
  process.argv.slice(2);
const faces_ = require('./faces.js');
const pkg = faces_.packageDir(dir);
const faceapi = faces_.load(dir);
const tf = faceapi.tf;
const readFaces = (file) => faces_.readFaces(tf, file);

async function time(net, faces, batch, rounds, size) {
  let best = null;
  for (let r = 0; r < rounds; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < faces.length; i += batch) {
      const ni = await faceapi.toNetInput(faces.slice(i, i + batch));
      const out = size ? net.forwardInput(ni, size) : net.forwardInput(ni);
      out.dataSync();
      out.dispose();
    }
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(cpu0);
    const cpu = (c.user + c.system) / 1e6;
    const res = { cpu: faces.length / cpu, wall: faces.length / wall };
    if (!best || res.cpu > best.cpu) best = res;
  }
  return best;
}

(async () => {
  if (backend === 'wasm') {
    const wasm = require(path.resolve(dir, 'node_modules', '@tensorflow', 'tfjs-backend-wasm'));
    wasm.setThreadsCount(1);
  }
  await tf.setBackend(backend);
  await tf.ready();
  const batch = parseInt(batchArg, 10);
  const rounds = parseInt(roundsArg, 10);
  const faces = readFaces(input);
  await faceapi.nets.faceExpressionNet.loadFromDisk(path.join(pkg, 'model'));
  await faceapi.nets.faceLandmark68Net.loadFromDisk(path.join(pkg, 'model'));
  await faceapi.nets.tinyFaceDetector.loadFromDisk(path.join(pkg, 'model'));
  const detectorSize = parseInt(detectorSizeArg, 10);
  const few = faces.slice(0, parseInt(detectorFramesArg, 10));
  // warm up (kernels, wasm compilation)
  await time(faceapi.nets.faceExpressionNet, faces.slice(0, batch), batch, 1);
  await time(faceapi.nets.faceLandmark68Net, faces.slice(0, batch), batch, 1);
  await time(faceapi.nets.tinyFaceDetector, faces.slice(0, batch), batch, 1, detectorSize);
  const e = await time(faceapi.nets.faceExpressionNet, faces, batch, rounds);
  const l = await time(faceapi.nets.faceLandmark68Net, faces, batch, rounds);
  const d = await time(faceapi.nets.tinyFaceDetector, few, batch, rounds, detectorSize);
  console.log(JSON.stringify({
    backend: tf.getBackend(),
    'expression frames per CPU s': e.cpu, 'expression frames per wall s': e.wall,
    'landmarks frames per CPU s': l.cpu, 'landmarks frames per wall s': l.wall,
    'detector frames per CPU s': d.cpu, 'detector frames per wall s': d.wall, 'detector size': detectorSize,
  }));
})().catch((err) => { console.error(err && err.stack ? err.stack : err); process.exit(1); });
