package org.vavl.core.train;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vavl.core.model.AuxFormerConfig;
import org.vavl.core.model.Task;

/**
 * Everything needed to predict with a trained AuxFormer: the network configuration, its weights (DJL's
 * {@code saveParameters} bytes), the normalisation statistics of both modalities (from the training split),
 * the class names (categorical) or attribute names (dimensional), the versions that wrote it, and a few
 * facts about its training. The feature dimensions are those of the configuration.
 *
 * <p>{@link #save(OutputStream)} writes a versioned binary format; {@link #load(InputStream)} refuses a
 * stream of another format version with a message naming both versions, so a model port written by an
 * older (or newer) release is never misread.
 */
public final class TrainedAuxFormer {

    /** The format written by this release. Raise it whenever the stream layout or the weights' meaning changes. */
    public static final int FORMAT_VERSION = 1;

    /** Info key: the audio features the model was trained on (encoder, values per frame, frame rate). */
    public static final String AUDIO_FEATURES = "Audio features";

    /** Info key: the visual features the model was trained on (encoder, values per frame). */
    public static final String VISUAL_FEATURES = "Visual features";

    static final byte[] MAGIC = "VAVL-AUXFORMER\n".getBytes(StandardCharsets.US_ASCII);

    private final AuxFormerConfig m_config;

    private final List<String> m_labelNames;

    private final NormStats m_audioStats;

    private final NormStats m_visualStats;

    private final byte[] m_weights;

    private final Map<String, String> m_versions;

    private final Map<String, String> m_info;

    /**
     * @param config the network configuration (feature dims, outputs, task)
     * @param labelNames class names in output order, or attribute names in output order
     * @param audioStats normalisation of the audio features
     * @param visualStats normalisation of the visual features
     * @param weights the network's parameters as written by DJL's {@code saveParameters}
     * @param versions library versions that wrote the model
     * @param info facts about the training (settings, selected epoch), shown in summaries
     */
    public TrainedAuxFormer(final AuxFormerConfig config, final List<String> labelNames, final NormStats audioStats,
        final NormStats visualStats, final byte[] weights, final Map<String, String> versions,
        final Map<String, String> info) {
        m_config = Objects.requireNonNull(config, "config");
        m_labelNames = Collections.unmodifiableList(new ArrayList<>(labelNames));
        if (m_labelNames.size() != config.outputs()) {
            throw new IllegalArgumentException(
                m_labelNames.size() + " label names for a network with " + config.outputs() + " outputs");
        }
        if (audioStats.dim() != config.audioDim() || visualStats.dim() != config.visualDim()) {
            throw new IllegalArgumentException("normalisation statistics do not match the feature dims");
        }
        m_audioStats = audioStats;
        m_visualStats = visualStats;
        m_weights = weights.clone();
        m_versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        m_info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /** @return the network configuration */
    public AuxFormerConfig config() {
        return m_config;
    }

    /** @return categorical or dimensional */
    public Task task() {
        return m_config.task();
    }

    /** @return class or attribute names in output order */
    public List<String> labelNames() {
        return m_labelNames;
    }

    /** @return normalisation of a modality */
    public NormStats stats(final Modality m) {
        return m == Modality.AUDIO ? m_audioStats : m_visualStats;
    }

    /** @return a copy of the weights (DJL {@code saveParameters} bytes) */
    public byte[] weights() {
        return m_weights.clone();
    }

    /** @return the size of the weights in bytes */
    public int weightsSize() {
        return m_weights.length;
    }

    /** @return library versions that wrote the model (vavl, djl, engine) */
    public Map<String, String> versions() {
        return m_versions;
    }

    /** @return facts about the training (settings used, selected epoch, clips) */
    public Map<String, String> info() {
        return m_info;
    }

    /**
     * What the model is and what it was trained on, for a report's provenance: "Model" (architecture, size in
     * trainable parameters, the main sizes) and "Features" (per modality the encoder and its dimensions), as far as
     * the model records them (models written before a fact was recorded leave it out).
     *
     * @return name to text, in display order
     */
    public Map<String, String> provenance() {
        final Map<String, String> p = new LinkedHashMap<>();
        final String parameters = m_info.get(AuxFormerTrainer.PARAMETERS);
        final StringBuilder model = new StringBuilder(m_config.architecture().label());
        if (parameters != null) {
            try {
                model.append(String.format(java.util.Locale.ROOT, ", %,d trainable parameters",
                    Long.parseLong(parameters)));
            } catch (NumberFormatException e) {
                model.append(", ").append(parameters).append(" trainable parameters");
            }
        }
        model.append(" (model dim ").append(m_config.modelDim()).append(", ").append(m_config.heads())
            .append(" heads, ").append(m_config.branchBlocks()).append(" branch + ").append(m_config.sharedBlocks())
            .append(" shared blocks); ").append(m_labelNames.size())
            .append(m_config.task() == org.vavl.core.model.Task.CATEGORICAL ? " classes" : " attributes");
        p.put("Model", model.toString());
        final String audio = m_info.getOrDefault(AUDIO_FEATURES, m_config.audioDim() + " values per frame");
        final String visual = m_info.getOrDefault(VISUAL_FEATURES, m_config.visualDim() + " values per frame");
        p.put("Features", "audio: " + audio + "; visual: " + visual);
        return p;
    }

    /** @return this model with other info (the same weights, configuration and statistics) */
    public TrainedAuxFormer withInfo(final Map<String, String> info) {
        return new TrainedAuxFormer(m_config, m_labelNames, m_audioStats, m_visualStats, m_weights, m_versions, info);
    }

    /** @return the format version of this model (always {@link #FORMAT_VERSION} once loaded) */
    public int formatVersion() {
        return FORMAT_VERSION;
    }

    /** Writes the model; the stream is not closed. */
    public void save(final OutputStream stream) throws IOException {
        final DataOutputStream out = new DataOutputStream(stream);
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        writeMap(out, m_config.toMap());
        out.writeInt(m_labelNames.size());
        for (String s : m_labelNames) {
            out.writeUTF(s);
        }
        writeMap(out, m_versions);
        writeMap(out, m_info);
        m_audioStats.write(out);
        m_visualStats.write(out);
        out.writeInt(m_weights.length);
        out.write(m_weights);
        out.flush();
    }

    /** @return the model as bytes (what {@link #save} writes) */
    public byte[] toBytes() {
        final ByteArrayOutputStream b = new ByteArrayOutputStream(m_weights.length + 4096);
        try {
            save(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    /**
     * Reads a model written by {@link #save}; the stream is not closed.
     *
     * @throws IOException when the stream is not an AuxFormer model, was written in another format version
     *             (the message names both versions), or is truncated
     */
    public static TrainedAuxFormer load(final InputStream stream) throws IOException {
        final DataInputStream in = new DataInputStream(stream);
        final byte[] magic = new byte[MAGIC.length];
        try {
            in.readFully(magic);
        } catch (EOFException e) {
            throw new IOException("This is not an AuxFormer model (the data is too short).", e);
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("This is not an AuxFormer model (it does not start with the VAVL model header).");
        }
        final int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("This AuxFormer model was written in model format version " + version
                + ", but this release of VAVL for KNIME reads format version " + FORMAT_VERSION + " only. "
                + (version < FORMAT_VERSION ? "Train the model again with this release (re-execute the AuxFormer Learner)."
                    : "Install the release of VAVL for KNIME that wrote it, or train the model again with this one."));
        }
        try {
            final AuxFormerConfig config;
            try {
                config = AuxFormerConfig.fromMap(readMap(in));
            } catch (IllegalArgumentException e) {
                throw new IOException("The AuxFormer model's settings cannot be read: " + e.getMessage(), e);
            }
            final int n = in.readInt();
            if (n < 0 || n > 100_000) {
                throw new IOException("The AuxFormer model is corrupt (" + n + " label names).");
            }
            final List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                names.add(in.readUTF());
            }
            final Map<String, String> versions = readMap(in);
            final Map<String, String> info = readMap(in);
            final NormStats a = NormStats.read(in);
            final NormStats v = NormStats.read(in);
            final int len = in.readInt();
            if (len < 0) {
                throw new IOException("The AuxFormer model is corrupt (weights of " + len + " bytes).");
            }
            final byte[] weights = new byte[len];
            in.readFully(weights);
            try {
                return new TrainedAuxFormer(config, names, a, v, weights, versions, info);
            } catch (IllegalArgumentException e) {
                throw new IOException("The AuxFormer model is inconsistent: " + e.getMessage(), e);
            }
        } catch (EOFException e) {
            throw new IOException("The AuxFormer model is truncated (the data ends early).", e);
        }
    }

    private static void writeMap(final DataOutputStream out, final Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue() == null ? "" : e.getValue());
        }
    }

    private static Map<String, String> readMap(final DataInputStream in) throws IOException {
        final int n = in.readInt();
        if (n < 0 || n > 100_000) {
            throw new IOException("The AuxFormer model is corrupt (a map of " + n + " entries).");
        }
        final Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(in.readUTF(), in.readUTF());
        }
        return m;
    }
}
