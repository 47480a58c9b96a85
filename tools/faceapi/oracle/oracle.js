// The oracle of the engine's face-api parity tests: runs face-api's own JavaScript (its Node.js build on
// @tensorflow/tfjs, CPU backend) with the weights of its npm package on the faces of an input file.
//
// Usage: node oracle.js <install folder> <faces.bin> <out.json> [expression | landmarks]
//   faces.bin: little-endian int32 count, then per face int32 height, int32 width and height*width*3 bytes RGB
//   out.json:  {"backend", "tfjs", "faceapi", then for expression (default) "probabilities": [[7 per face]],
//              "features": [[256 per face]]; for landmarks "landmarks": [[136 per face: x, y as fractions of the
//              face image's width and height]], "raw": [[136 per face, the network's output]]}
// Each face goes through face-api's own input path (toNetInput -> pad to square, bilinear resize to 112,
// mean subtraction / 255) as an int32 [height, width, 3] tensor.
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, input, output, mode = 'expression'] = process.argv.slice(2);
const faces_ = require('./faces.js');
const pkg = faces_.packageDir(dir);
const faceapi = faces_.load(dir);
const tf = faceapi.tf;
const readFaces = (file) => faces_.readFaces(tf, file);

(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const faces = readFaces(input);
  const netInput = await faceapi.toNetInput(faces);
  const n = faces.length;
  const rows = (t, dim) => {
    const v = Array.from(t.dataSync());
    return Array.from({ length: n }, (_, i) => v.slice(i * dim, (i + 1) * dim));
  };
  const out = {
    backend: tf.getBackend(),
    tfjs: tf.version.tfjs || tf.version['tfjs-core'],
    faceapi: require(path.join(pkg, 'package.json')).version,
  };
  if (mode === 'landmarks') {
    const net = faceapi.nets.faceLandmark68Net;
    await net.loadFromDisk(path.join(pkg, 'model'));
    out.landmarks = rows(net.forwardInput(netInput), 136);
    out.raw = rows(net.runNet(netInput), 136);
  } else {
    const net = faceapi.nets.faceExpressionNet;
    await net.loadFromDisk(path.join(pkg, 'model'));
    out.probabilities = rows(net.forwardInput(netInput), 7);
    out.features = rows(net.faceFeatureExtractor.forwardInput(netInput), 256);
  }
  fs.writeFileSync(output, JSON.stringify(out));
})().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
