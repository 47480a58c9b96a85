package org.vavl.core.face;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The figures of one clip's face track. {@link #faceTrack()} is null when the clip has no face in any
 * frame (and the missing-face policy did not reject it).
 */
public final class FaceTrackResult {

    private final String m_clipId;

    private final Path m_faceTrack;

    private final long m_framesRead;

    private final long m_framesProcessed;

    private final long m_framesWithFace;

    private final long m_framesWritten;

    private final double m_medianFaceSize;

    private final double m_meanConfidence;

    private final long m_eyesNotFound;

    private final long m_detectorRuns;

    private final long m_landmarkFrames;

    private final double m_meanLandmarkConfidence;

    private final boolean m_reused;

    FaceTrackResult(final String clipId, final Path faceTrack, final long framesRead, final long framesProcessed,
        final long framesWithFace, final long framesWritten, final double medianFaceSize,
        final double meanConfidence, final long eyesNotFound, final long detectorRuns, final boolean reused) {
        this(clipId, faceTrack, framesRead, framesProcessed, framesWithFace, framesWritten, medianFaceSize,
            meanConfidence, eyesNotFound, detectorRuns, 0, Double.NaN, reused);
    }

    FaceTrackResult(final String clipId, final Path faceTrack, final long framesRead, final long framesProcessed,
        final long framesWithFace, final long framesWritten, final double medianFaceSize,
        final double meanConfidence, final long eyesNotFound, final long detectorRuns, final long landmarkFrames,
        final double meanLandmarkConfidence, final boolean reused) {
        m_landmarkFrames = landmarkFrames;
        m_meanLandmarkConfidence = meanLandmarkConfidence;
        m_clipId = clipId;
        m_faceTrack = faceTrack;
        m_framesRead = framesRead;
        m_framesProcessed = framesProcessed;
        m_framesWithFace = framesWithFace;
        m_framesWritten = framesWritten;
        m_medianFaceSize = medianFaceSize;
        m_meanConfidence = meanConfidence;
        m_eyesNotFound = eyesNotFound;
        m_detectorRuns = detectorRuns;
        m_reused = reused;
    }

    /** @return the clip id */
    public String clipId() {
        return m_clipId;
    }

    /** @return the face-track file ({@code <clip>.<ext>}), or null when no frame had a face */
    public Path faceTrack() {
        return m_faceTrack;
    }

    /** @return frames decoded from the clip */
    public long framesRead() {
        return m_framesRead;
    }

    /** @return frames looked at (every {@code frame step}-th frame read) */
    public long framesProcessed() {
        return m_framesProcessed;
    }

    /** @return processed frames with a face (found by the detector or tracked) */
    public long framesWithFace() {
        return m_framesWithFace;
    }

    /** @return frames in the face track (with "repeat last face" also the repeated ones) */
    public long framesWritten() {
        return m_framesWritten;
    }

    /** @return frames with a face / frames processed, 0 when none was processed */
    public double faceRatio() {
        return m_framesProcessed == 0 ? 0 : (double)m_framesWithFace / m_framesProcessed;
    }

    /** @return the median side of the face box in frame pixels, NaN without a face */
    public double medianFaceSize() {
        return m_medianFaceSize;
    }

    /** @return the mean detector score over the detections, NaN for detectors without a score (Haar) */
    public double meanDetectionConfidence() {
        return m_meanConfidence;
    }

    /** @return frames with a face that could not be levelled because the eyes were not found */
    public long eyesNotFound() {
        return m_eyesNotFound;
    }

    /** @return frames on which the face detector ran */
    public long detectorRuns() {
        return m_detectorRuns;
    }

    /**
     * @return processed frames levelled and placed by the landmark network (on that frame, or tracked from a frame
     *         where it ran); 0 unless the alignment is {@link FaceAlignment#LANDMARKS}
     */
    public long landmarkFrames() {
        return m_landmarkFrames;
    }

    /** @return frames with landmarks / frames processed, 0 when none was processed */
    public double landmarkRatio() {
        return m_framesProcessed == 0 ? 0 : (double)m_landmarkFrames / m_framesProcessed;
    }

    /**
     * @return the mean confidence of the landmark fits (mirror agreement, 0..1) over the frames where the landmark
     *         network ran, NaN without landmark alignment
     */
    public double meanLandmarkConfidence() {
        return m_meanLandmarkConfidence;
    }

    /** @return true when an up-to-date face track from an earlier run was kept */
    public boolean reused() {
        return m_reused;
    }

    FaceTrackResult asReused() {
        return new FaceTrackResult(m_clipId, m_faceTrack, m_framesRead, m_framesProcessed, m_framesWithFace,
            m_framesWritten, m_medianFaceSize, m_meanConfidence, m_eyesNotFound, m_detectorRuns, m_landmarkFrames,
            m_meanLandmarkConfidence, true);
    }

    Properties toProperties() {
        final Properties p = new Properties();
        p.setProperty("clip", m_clipId);
        p.setProperty("frames read", Long.toString(m_framesRead));
        p.setProperty("frames processed", Long.toString(m_framesProcessed));
        p.setProperty("frames with face", Long.toString(m_framesWithFace));
        p.setProperty("frames written", Long.toString(m_framesWritten));
        p.setProperty("median face size", Double.toString(m_medianFaceSize));
        p.setProperty("mean detection confidence", Double.toString(m_meanConfidence));
        p.setProperty("eyes not found", Long.toString(m_eyesNotFound));
        p.setProperty("detector runs", Long.toString(m_detectorRuns));
        p.setProperty("landmark frames", Long.toString(m_landmarkFrames));
        p.setProperty("mean landmark confidence", Double.toString(m_meanLandmarkConfidence));
        return p;
    }

    static FaceTrackResult fromProperties(final Properties p, final Path track) {
        return new FaceTrackResult(p.getProperty("clip"), track, Long.parseLong(p.getProperty("frames read")),
            Long.parseLong(p.getProperty("frames processed")), Long.parseLong(p.getProperty("frames with face")),
            Long.parseLong(p.getProperty("frames written")), Double.parseDouble(p.getProperty("median face size")),
            Double.parseDouble(p.getProperty("mean detection confidence")),
            Long.parseLong(p.getProperty("eyes not found")), Long.parseLong(p.getProperty("detector runs")),
            Long.parseLong(p.getProperty("landmark frames", "0")),
            Double.parseDouble(p.getProperty("mean landmark confidence", "NaN")), true);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
            "%s: %d frames read, %d processed, %d with face (%.1f%%), %d written, median face %.1f px, "
                + "confidence %.3f, eyes not found %d, detector runs %d, landmarks %.1f%% (confidence %.3f)%s",
            m_clipId, m_framesRead, m_framesProcessed, m_framesWithFace, 100 * faceRatio(), m_framesWritten,
            m_medianFaceSize, m_meanConfidence, m_eyesNotFound, m_detectorRuns, 100 * landmarkRatio(),
            m_meanLandmarkConfidence, m_reused ? " (kept)" : "");
    }
}
