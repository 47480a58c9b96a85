package org.vavl.core.face;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;

/**
 * OpenCV's DNN face detector {@code FaceDetectorYN} with a user-supplied YuNet ONNX model (OpenCV Zoo,
 * {@code face_detection_yunet_2023mar.onnx}). Each detection carries a score and five landmarks, of which
 * the two eyes set the roll angle. Frames larger than {@value #MAX_INPUT} pixels on their longer side are
 * shrunk before detection.
 */
final class YuNetFaceModels implements FaceModels {

    /** Where users get the model, for messages. */
    static final String WHERE =
        "Download face_detection_yunet_2023mar.onnx from the OpenCV Zoo (github.com/opencv/opencv_zoo, "
            + "folder models/face_detection_yunet) and set it as the YuNet model.";

    private static final int MAX_INPUT = 640;

    private final FaceDetectorYN m_detector;

    private final Path m_model;

    private final Mat m_small = new Mat();

    private final Mat m_faces = new Mat();

    private int m_inW = -1;

    private int m_inH = -1;

    /**
     * @throws IOException naming the model file when it is missing, empty or not a model OpenCV can load
     */
    YuNetFaceModels(final Path model, final double scoreThreshold) throws IOException {
        m_model = model;
        check(model);
        FaceDetectorYN d;
        try (Size s = new Size(320, 320)) {
            d = FaceDetectorYN.create(model.toAbsolutePath().toString(), "", s, (float)scoreThreshold, 0.3f, 50, 0, 0);
        } catch (RuntimeException e) {
            throw new IOException("The YuNet model file '" + model + "' could not be loaded by OpenCV ("
                + firstLine(e.getMessage()) + "). It must be the YuNet face detector in ONNX format. " + WHERE, e);
        }
        if (d == null || d.isNull()) {
            throw new IOException("The YuNet model file '" + model + "' could not be loaded by OpenCV. " + WHERE);
        }
        m_detector = d;
        // a valid ONNX file that is not YuNet loads but fails on first use: try it once on a blank image
        try (Mat blank = new Mat(64, 64, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
            new org.bytedeco.opencv.opencv_core.Scalar(0.0))) {
            detectRaw(blank);
        } catch (RuntimeException e) {
            close();
            throw new IOException("The YuNet model file '" + model + "' is not a YuNet face detector OpenCV can run ("
                + firstLine(e.getMessage()) + "). " + WHERE, e);
        }
    }

    /** Checks that the model file exists and is not empty; the message names the file. */
    static void check(final Path model) throws IOException {
        if (model == null) {
            throw new IOException("No YuNet model file is set. " + WHERE);
        }
        if (!Files.isRegularFile(model)) {
            throw new IOException("The YuNet model file '" + model + "' does not exist. " + WHERE);
        }
        if (Files.size(model) == 0) {
            throw new IOException("The YuNet model file '" + model + "' is empty (0 bytes). " + WHERE);
        }
    }

    private static String firstLine(final String s) {
        if (s == null) {
            return "no message";
        }
        final String t = s.strip();
        final int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    @Override
    public boolean detectorGivesEyes() {
        return true;
    }

    @Override
    public List<DetectedFace> detectFrame(final YuvFrame frame, final double minFace,
        final boolean rotated) {
        final List<DetectedFace> all = detectRaw(frame.bgr());
        all.removeIf(f -> f.pose.size < minFace);
        return all;
    }

    @Override
    public List<DetectedFace> detectAround(final YuvFrame frame, final FacePose pose) {
        final List<DetectedFace> all = detectRaw(frame.bgr());
        all.removeIf(f -> f.pose.distanceTo(pose) > 0.6 * pose.size || f.pose.size < 0.6 * pose.size
            || f.pose.size > 1.6 * pose.size);
        return all;
    }

    private List<DetectedFace> detectRaw(final Mat bgr) {
        final int w = bgr.cols();
        final int h = bgr.rows();
        final double shrink = Math.min(1.0, (double)MAX_INPUT / Math.max(w, h));
        final Mat input;
        final int iw = Math.max(1, (int)Math.round(w * shrink));
        final int ih = Math.max(1, (int)Math.round(h * shrink));
        if (shrink < 1.0) {
            try (Size s = new Size(iw, ih)) {
                resize(bgr, m_small, s, 0, 0, INTER_AREA);
            }
            input = m_small;
        } else {
            input = bgr;
        }
        if (iw != m_inW || ih != m_inH) {
            try (Size s = new Size(iw, ih)) {
                m_detector.setInputSize(s);
            }
            m_inW = iw;
            m_inH = ih;
        }
        m_detector.detect(input, m_faces);
        final List<DetectedFace> out = new ArrayList<>();
        if (m_faces.empty() || m_faces.type() != CV_32F || m_faces.cols() < 15) {
            return out;
        }
        final FloatBuffer f = m_faces.createBuffer();
        final double k = 1.0 / shrink;
        for (int r = 0; r < m_faces.rows(); r++) {
            final int o = r * m_faces.cols();
            final double x = f.get(o) * k;
            final double y = f.get(o + 1) * k;
            final double bw = f.get(o + 2) * k;
            final double bh = f.get(o + 3) * k;
            // landmarks: right eye (image-left), left eye (image-right), nose, mouth corners
            final double e1x = f.get(o + 4) * k;
            final double e1y = f.get(o + 5) * k;
            final double e2x = f.get(o + 6) * k;
            final double e2y = f.get(o + 7) * k;
            final double score = f.get(o + 14);
            final double[] eyes = e1x <= e2x ? new double[]{e1x, e1y, e2x, e2y} : new double[]{e2x, e2y, e1x, e1y};
            final double angle = Math.atan2(eyes[3] - eyes[1], eyes[2] - eyes[0]);
            // YuNet's box is taller than wide; the square face box takes its mean side (about the Haar box)
            final double side = (bw + bh) / 2.0;
            out.add(new DetectedFace(new FacePose(x + bw / 2.0, y + bh / 2.0, side, angle), score, eyes));
        }
        return out;
    }

    @Override
    public double[] findEyes(final Mat gray, final FacePose pose) {
        return null;
    }

    @Override
    public void close() {
        if (m_detector != null) {
            m_detector.close();
        }
        m_small.close();
        m_faces.close();
    }

    @Override
    public String toString() {
        return "YuNet(" + m_model + ")";
    }
}
