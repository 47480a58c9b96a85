package org.vavl.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every hyper-parameter of the AuxFormer network. Immutable; made with {@link #builder()}; persisted as a
 * map of strings ({@link #toMap()} / {@link #fromMap(Map)}). The defaults are the reference's values
 * (docs/model.md, Architectures) for the {@link Architecture#VAVL} network and 6 classes.
 *
 * <p>How the fields are used by each architecture:
 * <table>
 * <caption>fields per architecture</caption>
 * <tr><th>field</th><th>VAVL</th><th>AUXFORMER_2022</th></tr>
 * <tr><td>audioDim, visualDim</td><td colspan="2">feature dims of the audio and visual feature sequences</td></tr>
 * <tr><td>projectionDim</td><td>Conv1d k=1 projection (50)</td><td>model width d of all encoders (50)</td></tr>
 * <tr><td>modelDim</td><td>Conformer width (512)</td><td>hidden width of the heads (512; second layer half of it)</td></tr>
 * <tr><td>heads</td><td>attention heads of the Conformers (8)</td><td>attention heads of the encoders (10 in the
 * reference; must divide projectionDim)</td></tr>
 * <tr><td>feedForwardDim</td><td>Conformer feed-forward width (2048)</td><td>feed-forward width of the encoders
 * (4 x projectionDim in the reference)</td></tr>
 * <tr><td>convKernel</td><td>depthwise convolution kernel (31)</td><td>unused</td></tr>
 * <tr><td>branchBlocks</td><td>blocks per modality Conformer (3)</td><td>layers per encoder (5 in the
 * reference)</td></tr>
 * <tr><td>sharedBlocks</td><td>blocks of the shared Conformer (2)</td><td>unused</td></tr>
 * <tr><td>dropout</td><td>Conformer dropouts (0.1)</td><td>attention, ReLU and residual dropouts (0.1)</td></tr>
 * <tr><td>headDropout</td><td>head dropout (0.2)</td><td>output dropout (0.2)</td></tr>
 * </table>
 * Use {@link #builder(Architecture)} for the reference's defaults of either architecture.
 */
public final class AuxFormerConfig {

    /** Keys of {@link #toMap()}. */
    public static final String ARCHITECTURE = "architecture", AUDIO_DIM = "audioDim", VISUAL_DIM = "visualDim",
            PROJECTION_DIM = "projectionDim", MODEL_DIM = "modelDim", HEADS = "heads",
            FEED_FORWARD_DIM = "feedForwardDim", CONV_KERNEL = "convKernel", BRANCH_BLOCKS = "branchBlocks",
            SHARED_BLOCKS = "sharedBlocks", DROPOUT = "dropout", HEAD_DROPOUT = "headDropout", OUTPUTS = "outputs",
            TASK = "task";

    private final Architecture m_architecture;
    private final int m_audioDim;
    private final int m_visualDim;
    private final int m_projectionDim;
    private final int m_modelDim;
    private final int m_heads;
    private final int m_feedForwardDim;
    private final int m_convKernel;
    private final int m_branchBlocks;
    private final int m_sharedBlocks;
    private final float m_dropout;
    private final float m_headDropout;
    private final int m_outputs;
    private final Task m_task;

    private AuxFormerConfig(final Builder b) {
        m_architecture = b.m_architecture;
        m_audioDim = b.m_audioDim;
        m_visualDim = b.m_visualDim;
        m_projectionDim = b.m_projectionDim;
        m_modelDim = b.m_modelDim;
        m_heads = b.m_heads;
        m_feedForwardDim = b.m_feedForwardDim;
        m_convKernel = b.m_convKernel;
        m_branchBlocks = b.m_branchBlocks;
        m_sharedBlocks = b.m_sharedBlocks;
        m_dropout = b.m_dropout;
        m_headDropout = b.m_headDropout;
        m_outputs = b.m_outputs;
        m_task = b.m_task;
    }

    /** @return the network: VAVL (default) or AUXFORMER_2022 */
    public Architecture architecture() {
        return m_architecture;
    }

    /** @return the feature dim of the audio feature sequences (1024) */
    public int audioDim() {
        return m_audioDim;
    }

    /** @return the feature dim of the visual feature sequences (1408) */
    public int visualDim() {
        return m_visualDim;
    }

    /** @return the width of the per-modality projection, Conv1d k=1 without bias (50) */
    public int projectionDim() {
        return m_projectionDim;
    }

    /** @return the Conformer width (512) */
    public int modelDim() {
        return m_modelDim;
    }

    /** @return the attention heads (8) */
    public int heads() {
        return m_heads;
    }

    /** @return the feed-forward width (2048) */
    public int feedForwardDim() {
        return m_feedForwardDim;
    }

    /** @return the kernel of the depthwise convolution (31, odd) */
    public int convKernel() {
        return m_convKernel;
    }

    /** @return the Conformer blocks of each modality branch (3) */
    public int branchBlocks() {
        return m_branchBlocks;
    }

    /** @return the blocks of the shared Conformer (2) */
    public int sharedBlocks() {
        return m_sharedBlocks;
    }

    /** @return the dropout rate inside the Conformers (0.1) */
    public float dropout() {
        return m_dropout;
    }

    /** @return the dropout rate of the heads (0.2) */
    public float headDropout() {
        return m_headDropout;
    }

    /** @return the number of outputs: classes (categorical) or attributes (dimensional) */
    public int outputs() {
        return m_outputs;
    }

    /** @return categorical or dimensional */
    public Task task() {
        return m_task;
    }

    /** @return a builder with the reference's defaults of the VAVL network */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param architecture the network
     * @return a builder with the reference's defaults of that network (AUXFORMER_2022: width 50, 10 heads, 5 layers
     *         per encoder, feed-forward 200)
     */
    public static Builder builder(final Architecture architecture) {
        final Builder b = new Builder();
        if (architecture == Architecture.AUXFORMER_2022) {
            b.architecture(architecture).heads(10).branchBlocks(5).feedForwardDim(4 * 50);
        }
        return b;
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        final Builder b = new Builder();
        b.m_architecture = m_architecture;
        b.m_audioDim = m_audioDim;
        b.m_visualDim = m_visualDim;
        b.m_projectionDim = m_projectionDim;
        b.m_modelDim = m_modelDim;
        b.m_heads = m_heads;
        b.m_feedForwardDim = m_feedForwardDim;
        b.m_convKernel = m_convKernel;
        b.m_branchBlocks = m_branchBlocks;
        b.m_sharedBlocks = m_sharedBlocks;
        b.m_dropout = m_dropout;
        b.m_headDropout = m_headDropout;
        b.m_outputs = m_outputs;
        b.m_task = m_task;
        return b;
    }

    /** @return every field as a string, keyed by the constants of this class, in a fixed order */
    public Map<String, String> toMap() {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put(ARCHITECTURE, m_architecture.name());
        m.put(AUDIO_DIM, Integer.toString(m_audioDim));
        m.put(VISUAL_DIM, Integer.toString(m_visualDim));
        m.put(PROJECTION_DIM, Integer.toString(m_projectionDim));
        m.put(MODEL_DIM, Integer.toString(m_modelDim));
        m.put(HEADS, Integer.toString(m_heads));
        m.put(FEED_FORWARD_DIM, Integer.toString(m_feedForwardDim));
        m.put(CONV_KERNEL, Integer.toString(m_convKernel));
        m.put(BRANCH_BLOCKS, Integer.toString(m_branchBlocks));
        m.put(SHARED_BLOCKS, Integer.toString(m_sharedBlocks));
        m.put(DROPOUT, Float.toString(m_dropout));
        m.put(HEAD_DROPOUT, Float.toString(m_headDropout));
        m.put(OUTPUTS, Integer.toString(m_outputs));
        m.put(TASK, m_task.name());
        return Collections.unmodifiableMap(m);
    }

    /**
     * Reads a configuration written by {@link #toMap()}. Keys that are absent keep the default.
     *
     * @param map the strings
     * @return the configuration
     * @throws IllegalArgumentException naming the key, for an unknown key or a value that cannot be read or is out
     *             of range
     */
    public static AuxFormerConfig fromMap(final Map<String, String> map) {
        final Builder b = builder();
        for (final Map.Entry<String, String> e : map.entrySet()) {
            final String key = e.getKey();
            final String v = e.getValue() == null ? "" : e.getValue().trim();
            try {
                switch (key) {
                    case ARCHITECTURE:
                        b.architecture(Architecture.valueOf(v.toUpperCase(Locale.ROOT)));
                        break;
                    case AUDIO_DIM:
                        b.audioDim(Integer.parseInt(v));
                        break;
                    case VISUAL_DIM:
                        b.visualDim(Integer.parseInt(v));
                        break;
                    case PROJECTION_DIM:
                        b.projectionDim(Integer.parseInt(v));
                        break;
                    case MODEL_DIM:
                        b.modelDim(Integer.parseInt(v));
                        break;
                    case HEADS:
                        b.heads(Integer.parseInt(v));
                        break;
                    case FEED_FORWARD_DIM:
                        b.feedForwardDim(Integer.parseInt(v));
                        break;
                    case CONV_KERNEL:
                        b.convKernel(Integer.parseInt(v));
                        break;
                    case BRANCH_BLOCKS:
                        b.branchBlocks(Integer.parseInt(v));
                        break;
                    case SHARED_BLOCKS:
                        b.sharedBlocks(Integer.parseInt(v));
                        break;
                    case DROPOUT:
                        b.dropout(Float.parseFloat(v));
                        break;
                    case HEAD_DROPOUT:
                        b.headDropout(Float.parseFloat(v));
                        break;
                    case OUTPUTS:
                        b.outputs(Integer.parseInt(v));
                        break;
                    case TASK:
                        b.task(Task.valueOf(v.toUpperCase(Locale.ROOT)));
                        break;
                    default:
                        throw new IllegalArgumentException("Unknown AuxFormer setting '" + key + "' (known: "
                            + String.join(", ", builder().build().toMap().keySet()) + ").");
                }
            } catch (final NumberFormatException ex) {
                throw new IllegalArgumentException(
                    "AuxFormer setting '" + key + "': '" + e.getValue() + "' is not a number.", ex);
            } catch (final IllegalArgumentException ex) {
                if (ex.getMessage() != null && ex.getMessage().contains("'" + key + "'")) {
                    throw ex;
                }
                throw new IllegalArgumentException(
                    "AuxFormer setting '" + key + "': value '" + e.getValue() + "' is not valid.", ex);
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof AuxFormerConfig && toMap().equals(((AuxFormerConfig)o).toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "AuxFormerConfig" + toMap();
    }

    /** Builder of {@link AuxFormerConfig}; defaults = the reference's values. */
    public static final class Builder {
        private Architecture m_architecture = Architecture.VAVL;
        private int m_audioDim = 1024;
        private int m_visualDim = 1408;
        private int m_projectionDim = 50;
        private int m_modelDim = 512;
        private int m_heads = 8;
        private int m_feedForwardDim = 2048;
        private int m_convKernel = 31;
        private int m_branchBlocks = 3;
        private int m_sharedBlocks = 2;
        private float m_dropout = 0.1f;
        private float m_headDropout = 0.2f;
        private int m_outputs = 6;
        private Task m_task = Task.CATEGORICAL;

        private Builder() {
        }

        public Builder architecture(final Architecture v) {
            m_architecture = Objects.requireNonNull(v, ARCHITECTURE);
            return this;
        }

        public Builder audioDim(final int v) {
            m_audioDim = v;
            return this;
        }

        public Builder visualDim(final int v) {
            m_visualDim = v;
            return this;
        }

        public Builder projectionDim(final int v) {
            m_projectionDim = v;
            return this;
        }

        public Builder modelDim(final int v) {
            m_modelDim = v;
            return this;
        }

        public Builder heads(final int v) {
            m_heads = v;
            return this;
        }

        public Builder feedForwardDim(final int v) {
            m_feedForwardDim = v;
            return this;
        }

        public Builder convKernel(final int v) {
            m_convKernel = v;
            return this;
        }

        public Builder branchBlocks(final int v) {
            m_branchBlocks = v;
            return this;
        }

        public Builder sharedBlocks(final int v) {
            m_sharedBlocks = v;
            return this;
        }

        public Builder dropout(final float v) {
            m_dropout = v;
            return this;
        }

        public Builder headDropout(final float v) {
            m_headDropout = v;
            return this;
        }

        public Builder outputs(final int v) {
            m_outputs = v;
            return this;
        }

        public Builder task(final Task v) {
            m_task = Objects.requireNonNull(v, TASK);
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming the setting when a value is out of range
         */
        public AuxFormerConfig build() {
            positive(AUDIO_DIM, m_audioDim);
            positive(VISUAL_DIM, m_visualDim);
            positive(PROJECTION_DIM, m_projectionDim);
            positive(MODEL_DIM, m_modelDim);
            positive(HEADS, m_heads);
            positive(FEED_FORWARD_DIM, m_feedForwardDim);
            positive(CONV_KERNEL, m_convKernel);
            positive(BRANCH_BLOCKS, m_branchBlocks);
            positive(OUTPUTS, m_outputs);
            rate(DROPOUT, m_dropout);
            rate(HEAD_DROPOUT, m_headDropout);
            if (m_architecture == Architecture.VAVL) {
                positive(SHARED_BLOCKS, m_sharedBlocks);
                if (m_modelDim % m_heads != 0) {
                    throw new IllegalArgumentException("AuxFormer setting 'heads' (" + m_heads
                        + ") must divide 'modelDim' (" + m_modelDim + "): each head gets modelDim / heads dims.");
                }
                if (m_convKernel % 2 == 0) {
                    throw new IllegalArgumentException("AuxFormer setting 'convKernel' (" + m_convKernel
                        + ") must be odd, so that the 'same' padding is symmetric (the reference uses 31).");
                }
            } else {
                if (m_sharedBlocks < 0) {
                    throw new IllegalArgumentException("AuxFormer setting 'sharedBlocks' must not be negative.");
                }
                if (m_projectionDim % m_heads != 0) {
                    throw new IllegalArgumentException("AuxFormer setting 'heads' (" + m_heads
                        + ") must divide 'projectionDim' (" + m_projectionDim + ") for the AUXFORMER_2022"
                        + " architecture, whose encoders have width projectionDim (the reference uses 50 and 10 heads).");
                }
            }
            return new AuxFormerConfig(this);
        }

        private static void positive(final String key, final int v) {
            if (v < 1) {
                throw new IllegalArgumentException("AuxFormer setting '" + key + "' must be at least 1, got " + v + ".");
            }
        }

        private static void rate(final String key, final float v) {
            if (!(v >= 0f && v < 1f)) {
                throw new IllegalArgumentException(
                    "AuxFormer setting '" + key + "' must be a rate in [0, 1), got " + v + ".");
            }
        }
    }
}
