package org.vavl.core.face;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.vavl.core.faceapi.TinyFaceDetector;
import org.vavl.core.faceapi.TinyFaceDetector.Detection;

/**
 * face-api's tiny face detector (a CNN, weights shipped in the engine; {@link TinyFaceDetector}) as the aligner's face
 * detector, with OpenCV's eye cascade for the eyes (as {@link HaarFaceModels}) when the alignment uses eyes.
 *
 * <p>A whole frame is searched at the detector's input side {@value #FRAME_INPUT} (the frame padded below or to the
 * right to a square and resized); around a known pose a view of {@value #AROUND_FACTOR} face sides, rotated by the
 * pose's roll, is searched at side {@value #AROUND_INPUT} (about 6x fewer operations). A box becomes a square face
 * of side {@code (w + h) / 2 x }{@value #SIZE_FACTOR} around its centre moved up by {@value #CENTRE_UP} of
 * {@code (w + h) / 2}: the tiny detector's boxes are larger than the Haar cascade's and reach further down the chin
 * (astronaut portrait: 113.5 px against 95 px, centre 17.7 px lower), so the crop means the same with both.
 * Its score is the detection confidence; faces scoring {@value #SCORE_THRESHOLD} or less are not faces.
 */
final class TinyFaceModels implements FaceModels {

    /** Input side for whole frames (face-api's default). */
    static final int FRAME_INPUT = 416;

    /** Input side for the view around a known face. */
    static final int AROUND_INPUT = 160;

    /** The view around a known face covers this many face sides. */
    static final double AROUND_FACTOR = 2.5;

    /** face-api's default score threshold. */
    static final double SCORE_THRESHOLD = 0.5;

    /** The side of the Haar cascade's box over the mean side of the tiny detector's box, on frontal faces. */
    static final double SIZE_FACTOR = 0.84;

    /** The Haar cascade's box centre lies this share of the tiny detector's mean box side above the tiny box's. */
    static final double CENTRE_UP = 0.155;

    private final TinyFaceDetector m_detector;

    private final HaarFaceModels m_eyes;

    private final Mat m_rgb = new Mat();

    private final Mat m_view = new Mat();

    private final Mat m_matrix = new Mat();

    TinyFaceModels() throws IOException {
        m_detector = TinyFaceDetector.builtIn();
        HaarFaceModels eyes = null;
        try {
            eyes = new HaarFaceModels();
        } finally {
            if (eyes == null) {
                m_detector.close();
            }
        }
        m_eyes = eyes;
    }

    @Override
    public boolean detectorGivesEyes() {
        return false;
    }

    @Override
    public List<DetectedFace> detectFrame(final YuvFrame frame, final double minFace,
        final boolean rotated) {
        final Mat bgr = frame.bgr();
        final Similarity whole = new Similarity(bgr.cols() / 2.0, bgr.rows() / 2.0, 1, 0, bgr.cols(), bgr.rows());
        final List<DetectedFace> found = detect(bgr, whole, FRAME_INPUT);
        found.removeIf(f -> f.pose.size < minFace);
        return found;
    }

    @Override
    public List<DetectedFace> detectAround(final YuvFrame frame, final FacePose pose) {
        final Mat bgr = frame.bgr();
        final Similarity view = Similarity.around(pose, AROUND_FACTOR, AROUND_INPUT);
        view.warp(bgr, m_view, m_matrix);
        final List<DetectedFace> found = detect(m_view, view, AROUND_INPUT);
        found.removeIf(f -> f.pose.distanceTo(pose) > 0.6 * pose.size || f.pose.size < 0.6 * pose.size
            || f.pose.size > 1.6 * pose.size);
        return found;
    }

    /** Runs the detector on an image that is {@code view} of the frame; the faces in frame coordinates. */
    private List<DetectedFace> detect(final Mat bgrImage, final Similarity view, final int input) {
        final int w = bgrImage.cols();
        final int h = bgrImage.rows();
        cvtColor(bgrImage, m_rgb, COLOR_BGR2RGB);
        final byte[] rgb = new byte[w * h * 3];
        m_rgb.data().get(rgb);
        final List<Detection> ds =
            m_detector.detect(List.of(rgb), new int[] {h}, new int[] {w}, input, SCORE_THRESHOLD).get(0);
        final List<DetectedFace> out = new ArrayList<>(ds.size());
        for (Detection d : ds) {
            final double mean = (d.width() * w + d.height() * h) / 2;
            final double[] c = view.toFrame((d.x() + d.width() / 2) * w, (d.y() + d.height() / 2) * h - CENTRE_UP * mean);
            final double side = mean * SIZE_FACTOR * view.scale;
            out.add(new DetectedFace(new FacePose(c[0], c[1], side, view.angle), d.score(), null));
        }
        return out;
    }

    @Override
    public double[] findEyes(final Mat gray, final FacePose pose) {
        return m_eyes.findEyes(gray, pose);
    }

    @Override
    public void close() {
        m_detector.close();
        m_eyes.close();
        m_rgb.close();
        m_view.close();
        m_matrix.close();
    }

    @Override
    public String toString() {
        return "TinyFaceDetector";
    }
}
