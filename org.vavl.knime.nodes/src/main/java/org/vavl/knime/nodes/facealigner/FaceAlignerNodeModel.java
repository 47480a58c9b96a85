package org.vavl.knime.nodes.facealigner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.face.FaceAlignment;
import org.vavl.core.face.FaceDetectorKind;
import org.vavl.core.face.FaceTrackExtractor;
import org.vavl.core.face.FaceTrackFormat;
import org.vavl.core.face.FaceTrackResult;
import org.vavl.core.face.MainFacePolicy;
import org.vavl.core.face.MissingFacePolicy;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipWorkPool;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.knime.nodes.common.Columns;
import org.vavl.knime.nodes.common.CommonSettings;
import org.vavl.knime.nodes.common.ProgressBridge;
import org.vavl.knime.nodes.common.SettingsNodeModel;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * Face Aligner: for each clip of the input table, a face track (one video file per clip, each frame the
 * clip's aligned main face) made by {@link FaceTrackExtractor}, and the clip's figures appended as columns.
 * A thin adapter: the engine does the work, this class maps rows and settings to it.
 */
final class FaceAlignerNodeModel extends SettingsNodeModel {

    static final String FACE_TRACK = "Face track";

    static final String FRAMES_READ = "Frames read";

    static final String FRAMES_WITH_FACE = "Frames with face";

    static final String FACE_RATIO = "Face ratio";

    static final String MEDIAN_FACE_SIZE = "Median face size (px)";

    static final String MEAN_CONFIDENCE = "Mean detection confidence";

    static final String LANDMARK_RATIO = "Landmark ratio";

    static final String MEAN_LANDMARK_CONFIDENCE = "Mean landmark confidence";

    static final String FACE_ERROR = "Face error";

    private final SettingsModelString m_pathColumn = FaceAlignerSettings.pathColumn();

    private final SettingsModelString m_clipColumn = FaceAlignerSettings.clipColumn();

    private final SettingsModelString m_outputFolder = FaceAlignerSettings.outputFolder();

    private final SettingsModelString m_detector = FaceAlignerSettings.detector();

    private final SettingsModelString m_yunetModel = FaceAlignerSettings.yunetModel();

    private final SettingsModelString m_alignment = FaceAlignerSettings.alignment();

    private final SettingsModelDoubleBounded m_cropScale = FaceAlignerSettings.cropScale();

    private final SettingsModelIntegerBounded m_outputSize = FaceAlignerSettings.outputSize();

    private final SettingsModelIntegerBounded m_frameStep = FaceAlignerSettings.frameStep();

    private final SettingsModelBoolean m_tracking = FaceAlignerSettings.tracking();

    private final SettingsModelIntegerBounded m_interval = FaceAlignerSettings.detectionInterval();

    private final SettingsModelDoubleBounded m_minFace = FaceAlignerSettings.minFace();

    private final SettingsModelString m_mainFace = FaceAlignerSettings.mainFace();

    private final SettingsModelString m_missingFace = FaceAlignerSettings.missingFace();

    private final SettingsModelString m_format = FaceAlignerSettings.format();

    private final SettingsModelString m_pngFolder = FaceAlignerSettings.pngFolder();

    private final SettingsModelDoubleBounded m_lowRatio = FaceAlignerSettings.lowRatio();

    private final SettingsModelIntegerBounded m_threads = FaceAlignerSettings.threads();

    private final SettingsModelString m_onError = FaceAlignerSettings.onError();

    private final SettingsModelString m_overwrite = FaceAlignerSettings.overwrite();

    private final List<SettingsModel> m_all = List.of(m_pathColumn, m_clipColumn, m_outputFolder, m_detector,
        m_yunetModel, m_cropScale, m_outputSize, m_frameStep, m_tracking, m_interval, m_minFace, m_mainFace,
        m_missingFace, m_format, m_pngFolder, m_lowRatio, m_threads, m_onError, m_overwrite, m_alignment);

    FaceAlignerNodeModel() {
        super(1, 1);
    }

    @Override
    protected Map<SettingsModel, String> settingsAddedLater() {
        return Map.of(m_alignment, FaceAlignerSettings.ALIGNMENT);
    }

    /**
     * The input columns plus the table contract's face columns ({@code Face error} with on error = skip); the mean
     * detection confidence only with a detector that gives one (YuNet and the tiny face detector; the Haar cascade
     * gives none).
     */
    static DataTableSpec outputSpec(final DataTableSpec in, final boolean withErrorColumn,
        final boolean withConfidence) {
        return outputSpec(in, withErrorColumn, withConfidence, false);
    }

    /**
     * {@link #outputSpec(DataTableSpec, boolean, boolean)} and, with landmark alignment, the share of frames levelled
     * by landmarks and their mean confidence.
     */
    static DataTableSpec outputSpec(final DataTableSpec in, final boolean withErrorColumn,
        final boolean withConfidence, final boolean withLandmarks) {
        final List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(col(in, FACE_TRACK, StringCell.TYPE));
        cols.add(col(in, FRAMES_READ, LongCell.TYPE));
        cols.add(col(in, FRAMES_WITH_FACE, LongCell.TYPE));
        cols.add(col(in, FACE_RATIO, DoubleCell.TYPE));
        cols.add(col(in, MEDIAN_FACE_SIZE, DoubleCell.TYPE));
        if (withConfidence) {
            cols.add(col(in, MEAN_CONFIDENCE, DoubleCell.TYPE));
        }
        if (withLandmarks) {
            cols.add(col(in, LANDMARK_RATIO, DoubleCell.TYPE));
            cols.add(col(in, MEAN_LANDMARK_CONFIDENCE, DoubleCell.TYPE));
        }
        if (withErrorColumn) {
            cols.add(col(in, FACE_ERROR, StringCell.TYPE));
        }
        return new DataTableSpec(in, new DataTableSpec(cols.toArray(new DataColumnSpec[0])));
    }

    private static DataColumnSpec col(final DataTableSpec in, final String name, final DataType type) {
        return new DataColumnSpecCreator(Columns.unique(in, name), type).createSpec();
    }

    /** @return whether the detector gives a detection confidence (YuNet and the tiny detector do, Haar does not) */
    private boolean withConfidence() {
        try {
            return FaceDetectorKind.fromSetting(m_detector.getStringValue()) != FaceDetectorKind.HAAR;
        } catch (IllegalArgumentException e) {
            return false; // an unknown detector fails the node elsewhere, naming the setting
        }
    }

    /** @return whether the faces are levelled by the landmark network (two more columns) */
    private boolean withLandmarks() {
        try {
            return FaceAlignment.fromSetting(m_alignment.getStringValue()) == FaceAlignment.LANDMARKS;
        } catch (IllegalArgumentException e) {
            return false; // an unknown alignment fails the node elsewhere, naming the setting
        }
    }

    @Override
    protected DataTableSpec[] configure(final DataTableSpec[] inSpecs) throws InvalidSettingsException {
        final DataTableSpec in = inSpecs[0];
        Columns.require(in, m_pathColumn.getStringValue(), StringValue.class, FaceAlignerSettings.PATH_COLUMN);
        clipColumn(in);
        engineSettings(false);
        final OnError onError = CommonSettings.onError(m_onError);
        CommonSettings.overwrite(m_overwrite);
        WorkflowPaths.resolveOutputFolder(m_outputFolder.getStringValue(), FaceAlignerSettings.OUTPUT_FOLDER);
        final String png = m_pngFolder.getStringValue();
        if (png != null && !png.isBlank()) {
            WorkflowPaths.resolveOutputFolder(png, FaceAlignerSettings.PNG_FOLDER);
        }
        return new DataTableSpec[] {outputSpec(in, onError == OnError.SKIP, withConfidence(), withLandmarks())};
    }

    /** @return the clip id column, or -1 to use the video file's base name (the default column is absent) */
    private int clipColumn(final DataTableSpec in) throws InvalidSettingsException {
        final String name = m_clipColumn.getStringValue();
        if (name == null || name.isBlank() || ("Clip".equals(name) && !in.containsName(name))) {
            return -1;
        }
        return Columns.require(in, name, StringValue.class, FaceAlignerSettings.CLIP_COLUMN);
    }

    /** Builds the engine's settings, naming the setting of any wrong value. */
    private org.vavl.core.face.FaceAlignerSettings engineSettings(final boolean resolveFolders)
        throws InvalidSettingsException {
        try {
            final org.vavl.core.face.FaceAlignerSettings.Builder b = org.vavl.core.face.FaceAlignerSettings.builder()
                .detector(FaceDetectorKind.fromSetting(m_detector.getStringValue()))
                .alignment(FaceAlignment.fromSetting(m_alignment.getStringValue()))
                .cropScale(m_cropScale.getDoubleValue()).outputSize(m_outputSize.getIntValue())
                .frameStep(m_frameStep.getIntValue()).tracking(m_tracking.getBooleanValue())
                .detectionInterval(m_interval.getIntValue()).minFaceFraction(m_minFace.getDoubleValue())
                .mainFace(MainFacePolicy.fromSetting(m_mainFace.getStringValue()))
                .missingFace(MissingFacePolicy.fromSetting(m_missingFace.getStringValue()))
                .format(FaceTrackFormat.fromSetting(m_format.getStringValue()));
            if (FaceDetectorKind.fromSetting(m_detector.getStringValue()) == FaceDetectorKind.YUNET) {
                final String model = m_yunetModel.getStringValue();
                if (model == null || model.isBlank()) {
                    throw new InvalidSettingsException("The YuNet detector needs its model file: set '"
                        + FaceAlignerSettings.YUNET_MODEL + "' to face_detection_yunet_2023mar.onnx from the OpenCV "
                        + "Zoo (github.com/opencv/opencv_zoo, models/face_detection_yunet).");
                }
                final Path p = file(model, FaceAlignerSettings.YUNET_MODEL);
                if (!Files.isRegularFile(p)) {
                    throw new InvalidSettingsException("The YuNet model file '" + p + "' (setting '"
                        + FaceAlignerSettings.YUNET_MODEL + "') does not exist. Download "
                        + "face_detection_yunet_2023mar.onnx from the OpenCV Zoo (github.com/opencv/opencv_zoo, "
                        + "models/face_detection_yunet).");
                }
                b.yunetModel(p);
            }
            final String png = m_pngFolder.getStringValue();
            if (resolveFolders && png != null && !png.isBlank()) {
                b.pngFolder(WorkflowPaths.prepareOutputFolder(png, FaceAlignerSettings.PNG_FOLDER));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private static Path file(final String value, final String setting) throws InvalidSettingsException {
        return WorkflowPaths.resolveFile(value, setting);
    }

    /** One clip: its row, id and video, or the reason there is none. */
    private record Item(DataRow row, String clipId, Path video, String problem) {
    }

    @Override
    protected BufferedDataTable[] execute(final BufferedDataTable[] inData, final ExecutionContext exec)
        throws Exception {
        final BufferedDataTable in = inData[0];
        final DataTableSpec spec = in.getDataTableSpec();
        final int pathCol = Columns.require(spec, m_pathColumn.getStringValue(), StringValue.class,
            FaceAlignerSettings.PATH_COLUMN);
        final int clipCol = clipColumn(spec);
        final OnError onError = CommonSettings.onError(m_onError);
        final Overwrite overwrite = CommonSettings.overwrite(m_overwrite);
        final org.vavl.core.face.FaceAlignerSettings settings = engineSettings(true);
        final Path folder = WorkflowPaths.prepareOutputFolder(m_outputFolder.getStringValue(),
            FaceAlignerSettings.OUTPUT_FOLDER);

        final List<Item> items = new ArrayList<>();
        for (DataRow row : in) {
            items.add(item(row, pathCol, clipCol, spec));
        }
        final List<Outcome<FaceTrackResult>> outcomes;
        try (FaceTrackExtractor x = newExtractor(settings, folder, overwrite)) {
            try {
                x.store().deleteLeftoverParts();
            } catch (IOException e) {
                // leftovers have temporary names that never clash
            }
            outcomes = ClipWorkPool.run(items, CommonSettings.threads(m_threads), Item::clipId, (item, cancel) -> {
                if (item.problem() != null) {
                    throw new ClipException(item.clipId(), item.problem());
                }
                return x.extract(item.clipId(), item.video(), cancel);
            }, onError, ProgressBridge.of(exec));
        } catch (CancelledException e) {
            throw ProgressBridge.toKnime(e);
        }

        final boolean skip = onError == OnError.SKIP;
        final BufferedDataContainer out = exec.createDataContainer(outputSpec(spec, skip, withConfidence(),
            withLandmarks()));
        int failed = 0;
        int low = 0;
        int noFace = 0;
        String firstNoFace = null;
        String firstError = null;
        String firstLow = null;
        final double lowRatio = m_lowRatio.getDoubleValue();
        for (int i = 0; i < items.size(); i++) {
            final Item item = items.get(i);
            final Outcome<FaceTrackResult> o = outcomes.get(i);
            final List<DataCell> cells = new ArrayList<>();
            for (int c = 0; c < item.row().getNumCells(); c++) {
                cells.add(item.row().getCell(c));
            }
            if (o.ok()) {
                final FaceTrackResult r = o.value();
                cells.add(r.faceTrack() == null ? DataType.getMissingCell() : new StringCell(r.faceTrack().toString()));
                cells.add(new LongCell(r.framesRead()));
                cells.add(new LongCell(r.framesWithFace()));
                cells.add(new DoubleCell(r.faceRatio()));
                cells.add(Double.isNaN(r.medianFaceSize()) ? DataType.getMissingCell()
                    : new DoubleCell(r.medianFaceSize()));
                if (withConfidence()) {
                    cells.add(Double.isNaN(r.meanDetectionConfidence()) ? DataType.getMissingCell()
                        : new DoubleCell(r.meanDetectionConfidence()));
                }
                if (withLandmarks()) {
                    cells.add(new DoubleCell(r.landmarkRatio()));
                    cells.add(Double.isNaN(r.meanLandmarkConfidence()) ? DataType.getMissingCell()
                        : new DoubleCell(r.meanLandmarkConfidence()));
                }
                if (r.faceTrack() == null) {
                    noFace++;
                    if (firstNoFace == null) {
                        firstNoFace = String.format(Locale.ROOT, "no face found in clip '%s' (0 of %d frames)",
                            r.clipId(), r.framesRead());
                    }
                } else if (r.faceRatio() < lowRatio) {
                    low++;
                    if (firstLow == null) {
                        firstLow = String.format(Locale.ROOT, "'%s' (%.2f)", r.clipId(), r.faceRatio());
                    }
                }
            } else {
                failed++;
                if (firstError == null) {
                    firstError = o.error();
                }
                for (int k = 5 + (withConfidence() ? 1 : 0) + (withLandmarks() ? 2 : 0); k > 0; k--) {
                    cells.add(DataType.getMissingCell());
                }
            }
            if (skip) {
                cells.add(o.ok() ? DataType.getMissingCell() : new StringCell(o.error()));
            }
            out.addRowToTable(new DefaultRow(item.row().getKey(), cells.toArray(new DataCell[0])));
        }
        out.close();

        final List<String> warnings = new ArrayList<>();
        if (noFace > 0) {
            warnings.add(noFace + " of " + items.size() + " clip(s) have no face track (missing '" + FACE_TRACK
                + "'): " + firstNoFace + (noFace > 1 ? ", and others" : "") + ". Check that a face is visible and"
                + " upright, or try the YuNet detector.");
        }
        if (low > 0) {
            warnings.add(String.format(Locale.ROOT,
                "%d of %d clip(s) have a face in fewer than %.0f%% of their frames (column '%s'), e.g. %s", low,
                items.size(), 100 * lowRatio, FACE_RATIO, firstLow));
        }
        if (failed > 0) {
            warnings.add(failed + " of " + items.size() + " clip(s) failed and were skipped (see column '" + FACE_ERROR
                + "'), e.g. " + firstError);
        }
        if (!warnings.isEmpty()) {
            setWarningMessage(String.join("\n", warnings));
        }
        return new BufferedDataTable[] {out.getTable()};
    }

    /** The extractor; a YuNet model that cannot be loaded fails here with the file's name. */
    private static FaceTrackExtractor newExtractor(final org.vavl.core.face.FaceAlignerSettings settings,
        final Path folder, final Overwrite overwrite) throws InvalidSettingsException {
        try {
            return new FaceTrackExtractor(settings, folder, overwrite);
        } catch (IOException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    private static Item item(final DataRow row, final int pathCol, final int clipCol, final DataTableSpec spec) {
        final String rowId = row.getKey().getString();
        final DataCell pathCell = row.getCell(pathCol);
        final String pathName = spec.getColumnSpec(pathCol).getName();
        String clipId = null;
        if (clipCol >= 0 && !row.getCell(clipCol).isMissing()) {
            clipId = ((StringValue)row.getCell(clipCol)).getStringValue().trim();
        }
        if (pathCell.isMissing()) {
            return new Item(row, clipId == null || clipId.isEmpty() ? rowId : clipId, null, "Row '" + rowId
                + "': the video path column '" + pathName + "' has no value (missing): fill it in or filter the row out.");
        }
        final String value = ((StringValue)pathCell).getStringValue().trim();
        Path video = null;
        String problem = null;
        try {
            video = WorkflowPaths.resolveCell(value);
        } catch (IllegalArgumentException e) {
            problem = "Row '" + rowId + "': '" + value + "' in column '" + pathName + "' cannot be used as a file: "
                + e.getMessage() + (e.getMessage().endsWith(".") ? "" : ".");
        }
        if (clipId == null || clipId.isEmpty()) {
            clipId = video == null ? rowId : baseName(video);
        }
        return new Item(row, clipId, video, problem);
    }

    private static String baseName(final Path p) {
        final String n = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        final int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    @Override
    protected List<SettingsModel> settingsModels() {
        return m_all;
    }

    @Override
    protected void validateSettings(final NodeSettingsRO settings) throws InvalidSettingsException {
        super.validateSettings(settings);
        check(settings, FaceAlignerSettings.detector(), FaceAlignerSettings.DETECTORS);
        if (settings.containsKey(FaceAlignerSettings.ALIGNMENT)) {
            check(settings, FaceAlignerSettings.alignment(), FaceAlignerSettings.ALIGNMENTS);
        }
        check(settings, FaceAlignerSettings.mainFace(), FaceAlignerSettings.MAIN_FACES);
        check(settings, FaceAlignerSettings.missingFace(), FaceAlignerSettings.MISSING_FACES);
        check(settings, FaceAlignerSettings.format(), FaceAlignerSettings.FORMATS);
        CommonSettings.onError(loaded(FaceAlignerSettings.onError(), settings));
        CommonSettings.overwrite(loaded(FaceAlignerSettings.overwrite(), settings));
    }

    private static void check(final NodeSettingsRO settings, final SettingsModelString model,
        final List<String> allowed) throws InvalidSettingsException {
        model.loadSettingsFrom(settings);
        if (!allowed.contains(model.getStringValue())) {
            throw new InvalidSettingsException("Setting '" + model.getKey() + "' is '" + model.getStringValue()
                + "': use one of " + allowed + ".");
        }
    }
}
