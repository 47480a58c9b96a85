package org.vavl.core.face;

/**
 * A face found by a detector: its pose (box centre, side, roll angle), its score where the detector gives
 * one (NaN otherwise), and its eye centres in frame coordinates (image-left eye first) where the detector
 * gives them (null otherwise).
 */
final class DetectedFace {

    final FacePose pose;

    final double score;

    final double[] eyes;

    DetectedFace(final FacePose pose, final double score, final double[] eyes) {
        this.pose = pose;
        this.score = score;
        this.eyes = eyes;
    }
}
