// bench/run faces-pretrained, the face-api side: frames per CPU second of face-api's expression and 68-landmark
// networks on TensorFlow.js in Node.js, on the faces of a file (see faces.js for its format), in batches.
// Usage: node bench.js <install folder> <faces.bin> <batch> <rounds> <cpu | wasm>
// Prints one JSON line: {"backend", "expression frames per CPU s", "landmarks frames per CPU s", ... wall too}.
'use strict';
const path = require('path');

const [dir, input, batchArg, roundsArg, backend = 'cpu'] = process.argv.slice(2);
const faces_ = require('./faces.js');
const pkg = faces_.packageDir(dir);
const faceapi = faces_.load(dir);
const tf = faceapi.tf;
const readFaces = (file) => faces_.readFaces(tf, file);

async function time(net, faces, batch, rounds) {
  let best = null;
  for (let r = 0; r < rounds; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < faces.length; i += batch) {
      const ni = await faceapi.toNetInput(faces.slice(i, i + batch));
      const out = net.forwardInput(ni);
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
  // warm up (kernels, wasm compilation)
  await time(faceapi.nets.faceExpressionNet, faces.slice(0, batch), batch, 1);
  await time(faceapi.nets.faceLandmark68Net, faces.slice(0, batch), batch, 1);
  const e = await time(faceapi.nets.faceExpressionNet, faces, batch, rounds);
  const l = await time(faceapi.nets.faceLandmark68Net, faces, batch, rounds);
  console.log(JSON.stringify({
    backend: tf.getBackend(),
    'expression frames per CPU s': e.cpu, 'expression frames per wall s': e.wall,
    'landmarks frames per CPU s': l.cpu, 'landmarks frames per wall s': l.wall,
  }));
})().catch((err) => { console.error(err && err.stack ? err.stack : err); process.exit(1); });
