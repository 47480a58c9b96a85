// The oracle of the engine's face-api parity tests: runs face-api's own JavaScript (its Node.js build on
// @tensorflow/tfjs, CPU backend) with the weights of its npm package on the faces of an input file.
//
// Usage: node oracle.js <install folder> <faces.bin> <out.json> [expression | landmarks | detector [inputSize [score]]]
//   faces.bin: little-endian int32 count, then per face int32 height, int32 width and height*width*3 bytes RGB
//   out.json:  {"backend", "tfjs", "faceapi", then for expression (default) "probabilities": [[7 per face]],
//              "features": [[256 per face]]; for landmarks "landmarks": [[136 per face: x, y as fractions of the
//              face image's width and height]], "raw": [[136 per face, the network's output]]}; for detector (the
//              tiny face detector, per image, default input size 416 and score threshold 0.5) "raw": [[the network's
//              output, S x S x 25 per image]], "detections": [[x, y, width, height, score of each face that
//              TinyFaceDetector.locateFaces returns, box as fractions of the image's width and height]]
// Each face goes through face-api's own input path (toNetInput -> pad to square, bilinear resize to 112,
// mean subtraction / 255) as an int32 [height, width, 3] tensor.
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, input, output, mode = 'expression', inputSize = '416', scoreThreshold = '0.5'] = process.argv.slice(2);
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
  if (mode === 'detector') {
    const net = faceapi.nets.tinyFaceDetector;
    await net.loadFromDisk(path.join(pkg, 'model'));
    const options = new faceapi.TinyFaceDetectorOptions({ inputSize: Number(inputSize),
      scoreThreshold: Number(scoreThreshold) });
    out.raw = [];
    out.detections = [];
    for (const face of faces) {
      const one = await faceapi.toNetInput(face);
      const t = net.forwardInput(one, options.inputSize);
      out.raw.push(Array.from(t.dataSync()));
      t.dispose();
      const found = await net.locateFaces(face, options);
      out.detections.push(found.flatMap((d) => [d.relativeBox.x, d.relativeBox.y, d.relativeBox.width,
        d.relativeBox.height, d.score]));
    }
  } else if (mode === 'landmarks') {
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
