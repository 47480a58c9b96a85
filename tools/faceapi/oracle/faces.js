// What oracle.js and bench.js share: face-api (its Node.js WASM build, with its TensorFlow.js) from an install folder,
// and the faces file written by the Java side: an int32 count, then per face int32 height, int32 width and
// height x width x 3 bytes of RGB, read as int32 [height, width, 3] tensors.
'use strict';
const fs = require('fs');
const path = require('path');

function packageDir(dir) {
  return path.resolve(dir, 'node_modules', '@vladmandic', 'face-api');
}

function load(dir) {
  return require(path.join(packageDir(dir), 'dist', 'face-api.node-wasm.js'));
}

function readFaces(tf, file) {
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

module.exports = { packageDir, load, readFaces };
