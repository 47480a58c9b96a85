package org.vavl.core.features;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

/**
 * The built-in face encoder: a histogram-of-oriented-gradients (HOG) descriptor of each aligned face, from
 * OpenCV. No weights, no training, deterministic.
 *
 * <p>Per frame: grey scale, resized to 64x64 pixels, histogram-equalised (so lighting matters little), then
 * OpenCV's {@code HOGDescriptor} with the Dalal-Triggs layout: 8x8-pixel cells, 9 unsigned orientation bins,
 * 16x16-pixel blocks of 2x2 cells moved in 8-pixel steps (7x7 blocks), each block L2-Hys normalised.
 * Output: <b>1764 values per frame</b> ({@code 7 * 7 * 2 * 2 * 9}), in OpenCV's order, each in [0, 1].
 *
 * <p>What it is good for: HOG describes the direction of edges in each small region of the face, so it
 * captures the shape of the mouth (smile, open mouth, pressed lips), of the eyes (wide, squinting) and of
 * the brows (raised, furrowed), which is what facial expressions change, while ignoring colour and
 * overall brightness. It depends on good alignment (the Face Aligner's job) and carries identity and pose
 * information too; it is a classic, fast baseline for expression recognition, weaker than a CNN trained on
 * faces such as HSEmotion's EfficientNet-B2.
 */
public final class HogFaceEncoder extends FaceEncoder {

    /** Side of the grey face the descriptor is computed on, pixels. */
    public static final int FACE_SIZE = 64;

    /** Cell side, pixels. */
    public static final int CELL = 8;

    /** Block side, pixels (2x2 cells). */
    public static final int BLOCK = 16;

    /** Block step, pixels. */
    public static final int STRIDE = 8;

    /** Orientation bins per cell. */
    public static final int BINS = 9;

    /** Values per frame: 7 x 7 blocks x 4 cells x 9 bins. */
    public static final int DIM = ((FACE_SIZE - BLOCK) / STRIDE + 1) * ((FACE_SIZE - BLOCK) / STRIDE + 1)
        * (BLOCK / CELL) * (BLOCK / CELL) * BINS;

    /** Identifies this encoder (and its version) in the settings recorded with each output. */
    public static final String NAME = "built-in HOG v1";

    public HogFaceEncoder() {
        super(1);
    }

    @Override
    public int dim() {
        return DIM;
    }

    @Override
    public Map<String, String> settings() {
        final Map<String, String> s = new TreeMap<>();
        s.put("encoder", NAME);
        s.put("hog", FACE_SIZE + "px grey equalised, cell " + CELL + ", block " + BLOCK + ", stride " + STRIDE
            + ", bins " + BINS);
        return s;
    }

    @Override
    protected float[][] encodeFrames(final List<Mat> bgrFrames, final String source) {
        final float[][] out = new float[bgrFrames.size()][];
        try (HOGDescriptor hog = new HOGDescriptor(new Size(FACE_SIZE, FACE_SIZE), new Size(BLOCK, BLOCK),
            new Size(STRIDE, STRIDE), new Size(CELL, CELL), BINS); Mat grey = new Mat(); Mat small = new Mat()) {
            for (int i = 0; i < out.length; i++) {
                final Mat frame = bgrFrames.get(i);
                if (frame.channels() == 1) {
                    frame.copyTo(grey);
                } else {
                    cvtColor(frame, grey, COLOR_BGR2GRAY);
                }
                resize(grey, small, new Size(FACE_SIZE, FACE_SIZE), 0, 0, INTER_AREA);
                equalizeHist(small, small);
                final float[] d = new float[DIM];
                hog.compute(small, d);
                out[i] = d;
            }
        }
        return out;
    }
}
