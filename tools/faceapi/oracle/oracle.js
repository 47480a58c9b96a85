// The oracle of the engine's face-api parity tests: runs face-api's own JavaScript (its Node.js build on
// @tensorflow/tfjs, CPU backend) with the weights of its npm package on the faces of an input file.
//
// Usage: node oracle.js <install folder> <faces.bin> <out.json>
//   faces.bin: little-endian int32 count, then per face int32 height, int32 width and height*width*3 bytes RGB
//   out.json:  {"backend", "tfjs", "faceapi", "probabilities": [[7 per face]], "features": [[256 per face]]}
// Each face goes through face-api's own input path (toNetInput -> pad to square, bilinear resize to 112,
// mean subtraction / 255) as an int32 [height, width, 3] tensor.
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, input, output] = process.argv.slice(2);
const pkg = path.join(dir, 'node_modules', '@vladmandic', 'face-api');
const faceapi = require(path.join(pkg, 'dist', 'face-api.node-wasm.js'));
const tf = faceapi.tf;

function readFaces(file) {
  const buf = fs.readFileSync(file);
  let at = 0;
  const count = buf.readInt32LE(at); at += 4;
  const faces = [];
  for (let i = 0; i < count; i++) {
    const h = buf.readInt32LE(at); at += 4;
    const w = buf.readInt32LE(at); at += 4;
    const px = new Int32Array(h * w * 3);
    for (let k = 0; k < px.length; k++) px[k] = buf[at + k];
    at += px.length;
    faces.push(tf.tensor3d(px, [h, w, 3], 'int32'));
  }
  return faces;
}

(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const net = faceapi.nets.faceExpressionNet;
  await net.loadFromDisk(path.join(pkg, 'model'));
  const faces = readFaces(input);
  const netInput = await faceapi.toNetInput(faces);
  const probabilities = net.forwardInput(netInput);
  const features = net.faceFeatureExtractor.forwardInput(netInput);
  const n = faces.length;
  const rows = (t, dim) => {
    const v = Array.from(t.dataSync());
    return Array.from({ length: n }, (_, i) => v.slice(i * dim, (i + 1) * dim));
  };
  const out = {
    backend: tf.getBackend(),
    tfjs: tf.version.tfjs || tf.version['tfjs-core'],
    faceapi: require(path.join(pkg, 'package.json')).version,
    probabilities: rows(probabilities, 7),
    features: rows(features, 256),
  };
  fs.writeFileSync(output, JSON.stringify(out));
})().catch((e) => { console.error(e && e.stack ? e.stack : e); process.exit(1); });
