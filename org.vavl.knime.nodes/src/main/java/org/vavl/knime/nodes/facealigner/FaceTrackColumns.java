package org.vavl.knime.nodes.facealigner;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.vavl.core.face.FaceTrackResult;
import org.vavl.knime.nodes.common.PerClipNodeModel;
import org.vavl.knime.nodes.common.PerClipNodeModel.Column;

/** The columns the Face Aligner appends per clip, from the clip's {@link FaceTrackResult}. */
final class FaceTrackColumns {

    private FaceTrackColumns() {
    }

    /** The face columns; the mean detection confidence only with a detector that gives one (YuNet, tiny). */
    static List<Column<FaceTrackResult>> of(final boolean withConfidence) {
        return of(withConfidence, false);
    }

    /**
     * {@link #of(boolean)} and, with landmark alignment, the share of frames levelled by landmarks and their mean
     * confidence.
     */
    static List<Column<FaceTrackResult>> of(final boolean withConfidence, final boolean withLandmarks) {
        final List<Column<FaceTrackResult>> cols = new ArrayList<>(List.of(
            new Column<>("Face track", StringCell.TYPE, r -> r.faceTrack() == null ? DataType.getMissingCell()
                : new StringCell(r.faceTrack().toString())),
            new Column<>("Frames read", LongCell.TYPE, r -> new LongCell(r.framesRead())),
            new Column<>("Frames with face", LongCell.TYPE, r -> new LongCell(r.framesWithFace())),
            new Column<>("Face ratio", DoubleCell.TYPE, r -> new DoubleCell(r.faceRatio())),
            new Column<>("Median face size (px)", DoubleCell.TYPE, r -> PerClipNodeModel.number(r.medianFaceSize()))));
        if (withConfidence) {
            cols.add(new Column<>("Mean detection confidence", DoubleCell.TYPE,
                r -> PerClipNodeModel.number(r.meanDetectionConfidence())));
        }
        if (withLandmarks) {
            cols.add(new Column<>("Landmark ratio", DoubleCell.TYPE, r -> new DoubleCell(r.landmarkRatio())));
            cols.add(new Column<>("Mean landmark confidence", DoubleCell.TYPE,
                r -> PerClipNodeModel.number(r.meanLandmarkConfidence())));
        }
        return cols;
    }
}
