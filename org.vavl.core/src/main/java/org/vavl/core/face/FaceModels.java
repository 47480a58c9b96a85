package org.vavl.core.face;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The detectors one worker uses for one clip at a time (OpenCV's detectors are not safe for concurrent
 * use): a face detector and a way to find the eyes. Frames come as the decoder gives them ({@link YuvFrame}); the
 * cascades read its grey image and the CNN detectors its BGR image, both made on demand as a BGR grabber made them.
 */
interface FaceModels extends AutoCloseable {

    /**
     * Finds the faces of a whole frame.
     *
     * @param minFace smallest face side in frame pixels
     * @param rotated also search views rotated by about +-20 degrees when none is found upright
     * @return the faces found, in frame coordinates
     */
    List<DetectedFace> detectFrame(YuvFrame frame, double minFace, boolean rotated);

    /**
     * Finds the face near a known pose (the previous frame's), searching the view rotated by the pose's
     * angle, so a rolled face is searched upright.
     *
     * @return the faces found near the pose, in frame coordinates (may be empty)
     */
    List<DetectedFace> detectAround(YuvFrame frame, FacePose pose);

    /**
     * Finds the eyes of a face whose detector gave none.
     *
     * @return the eye centres in frame coordinates (image-left eye first: x1, y1, x2, y2), or null
     */
    double[] findEyes(Mat gray, FacePose pose);

    /** @return true when detections carry eye positions and a score (YuNet) */
    boolean detectorGivesEyes();

    @Override
    void close();
}
