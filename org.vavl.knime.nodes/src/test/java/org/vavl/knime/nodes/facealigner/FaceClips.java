package org.vavl.knime.nodes.facealigner;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.vavl.core.demo.DemoDataset;
import org.vavl.core.media.ClipRecorder;
import org.vavl.testsupport.TestFiles;

/** Small test clips: astronaut.png (the engine's resource) drifting and rolling a little, or frames without a face. */
final class FaceClips {

    private FaceClips() {
    }

    /** @return astronaut.png (public domain, the engine's own copy in {@code org/vavl/core/demo}) as a file */
    static Path astronaut() {
        return TestFiles.resource(DemoDataset.class, "astronaut.png");
    }

    /** @param face false: a plain gradient without a face */
    static void write(final Path file, final int frames, final boolean face) throws Exception {
        final int w = 240;
        final int h = 180;
        final Mat portrait = opencv_imgcodecs.imread(astronaut().toString());
        final Mat frame = new Mat(h, w, opencv_core.CV_8UC3);
        final byte[] bgr = new byte[w * h * 3];
        try (ClipRecorder rec = ClipRecorder.builder(file, w, h).format(ClipRecorder.Format.MP4_H264_AAC).frameRate(25)
            .noAudio().videoBitrate(1_500_000).start()) {
            for (int i = 0; i < frames; i++) {
                if (face) {
                    final Mat m = opencv_imgproc.getRotationMatrix2D(new Point2f(223.5f, 113.5f),
                        8 * Math.sin(i * 0.3), 0.6);
                    final java.nio.DoubleBuffer b = m.createBuffer();
                    b.put(2, b.get(2) + w / 2.0 - 223.5 + 3 * Math.sin(i * 0.2));
                    b.put(5, b.get(5) + h / 2.0 - 113.5);
                    opencv_imgproc.warpAffine(portrait, frame, m, new Size(w, h), opencv_imgproc.INTER_LINEAR,
                        opencv_core.BORDER_REPLICATE, new Scalar());
                    ((ByteBuffer)frame.createBuffer()).get(bgr);
                } else {
                    for (int k = 0; k < bgr.length; k += 3) {
                        bgr[k] = (byte)((k / 3) % w);
                        bgr[k + 1] = (byte)(k / 3 / w);
                        bgr[k + 2] = (byte)(100 + i);
                    }
                }
                rec.addFrameBgr(bgr);
            }
            rec.finish();
        }
    }
}
