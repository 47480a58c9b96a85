package org.vavl.core.model;

import java.util.Map;

import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * Every hyper-parameter of the AuxFormer network, each stated once as a {@link Setting} (name, node key, default,
 * bounds, label, description) from which the persisted map ({@link #toMap()} / {@link #fromMap(Map)}), the builder
 * and the Learner's settings and dialog are derived. The defaults are the reference's values
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
public record AuxFormerConfig(Architecture architecture, int audioDim, int visualDim, int projectionDim, int modelDim,
    int heads, int feedForwardDim, int convKernel, int branchBlocks, int sharedBlocks, float dropout, float headDropout,
    int outputs, Task task) {

    /** The network: VAVL (2023, default) or AuxFormer (2022). */
    public static final Setting<Architecture> ARCHITECTURE =
        Setting.choice("architecture", Architecture.class, Architecture.VAVL, Architecture::label)
            .withLabel("Architecture")
            .withDescription("VAVL (2023): Conformer branches, a shared Conformer and reconstruction heads; "
                + "AuxFormer (2022): Transformer encoders with cross-modal attention.");

    /** Feature dim of the audio feature sequences (set from the data). */
    public static final Setting<Integer> AUDIO_DIM = Setting.integer("audioDim", 1024, 1, Integer.MAX_VALUE)
        .withLabel("Audio feature dim");

    /** Feature dim of the visual feature sequences (set from the data). */
    public static final Setting<Integer> VISUAL_DIM = Setting.integer("visualDim", 1408, 1, Integer.MAX_VALUE)
        .withLabel("Visual feature dim");

    /** Width of the per-modality projection. */
    public static final Setting<Integer> PROJECTION_DIM = Setting.integer("projectionDim", 50, 1, 100_000)
        .withKey("projection dim").withLabel("Projection dim")
        .withDescription("Width of each modality's projection, a k=1 convolution without bias (VAVL); the width of "
            + "every encoder (AuxFormer 2022).");

    /** Conformer width. */
    public static final Setting<Integer> MODEL_DIM = Setting.integer("modelDim", 512, 1, 100_000)
        .withKey("model dim").withLabel("Model dim")
        .withDescription("Width of the Conformers (VAVL); hidden width of the heads (AuxFormer 2022).");

    /** Attention heads. */
    public static final Setting<Integer> HEADS = Setting.integer("heads", 8, 1, 1024)
        .withKey("attention heads").withLabel("Attention heads")
        .withDescription("Attention heads; must divide the model dim (VAVL) or the projection dim (AuxFormer 2022).");

    /** Feed-forward width. */
    public static final Setting<Integer> FEED_FORWARD_DIM = Setting.integer("feedForwardDim", 2048, 1, 1_000_000)
        .withKey("feed-forward dim").withLabel("Feed-forward dim")
        .withDescription("Width of the feed-forward modules.");

    /** Kernel of the depthwise convolution. */
    public static final Setting<Integer> CONV_KERNEL = Setting.integer("convKernel", 31, 1, 1023)
        .withKey("convolution kernel").withLabel("Convolution kernel")
        .withDescription("Kernel of the Conformer's depthwise convolution; odd (VAVL only).");

    /** Conformer blocks per modality branch. */
    public static final Setting<Integer> BRANCH_BLOCKS = Setting.integer("branchBlocks", 3, 1, 100)
        .withKey("branch blocks").withLabel("Branch blocks")
        .withDescription("Conformer blocks of each modality branch (VAVL); layers of each encoder (AuxFormer 2022).");

    /** Blocks of the shared Conformer. */
    public static final Setting<Integer> SHARED_BLOCKS = Setting.integer("sharedBlocks", 2, 0, 100)
        .withKey("shared blocks").withLabel("Shared blocks")
        .withDescription("Blocks of the Conformer shared by both modalities (VAVL only; at least 1).");

    /** Dropout inside the Conformers. */
    public static final Setting<Float> DROPOUT = Setting.single("dropout", 0.1f, 0f, 0.99f)
        .withLabel("Dropout").withDescription("Dropout rate inside the Conformers or encoders.");

    /** Dropout of the heads. */
    public static final Setting<Float> HEAD_DROPOUT = Setting.single("headDropout", 0.2f, 0f, 0.99f)
        .withKey("head dropout").withLabel("Head dropout").withDescription("Dropout rate of the output heads.");

    /** Classes (categorical) or attributes (dimensional); set from the data. */
    public static final Setting<Integer> OUTPUTS = Setting.integer("outputs", 6, 1, Integer.MAX_VALUE)
        .withLabel("Outputs");

    /** Categorical or dimensional; set from the data. */
    public static final Setting<Task> TASK = Setting.choice("task", Task.class, Task.CATEGORICAL, Task::label)
        .withLabel("Task");

    /** All settings of the network, in the record's order. */
    public static final RecordSettings<AuxFormerConfig> SETTINGS = RecordSettings.of(AuxFormerConfig.class,
        ARCHITECTURE, AUDIO_DIM, VISUAL_DIM, PROJECTION_DIM, MODEL_DIM, HEADS, FEED_FORWARD_DIM, CONV_KERNEL,
        BRANCH_BLOCKS, SHARED_BLOCKS, DROPOUT, HEAD_DROPOUT, OUTPUTS, TASK);

    /**
     * Checks the rules that join several settings (each value's bounds are checked by its {@link Setting}).
     *
     * @throws IllegalArgumentException naming the settings and the rule
     */
    public AuxFormerConfig {
        if (architecture == Architecture.VAVL) {
            if (sharedBlocks < 1) {
                throw new IllegalArgumentException("AuxFormer setting 'sharedBlocks' must be at least 1, got "
                    + sharedBlocks + ".");
            }
            if (modelDim % heads != 0) {
                throw new IllegalArgumentException("AuxFormer setting 'heads' (" + heads
                    + ") must divide 'modelDim' (" + modelDim + "): each head gets modelDim / heads dims.");
            }
            if (convKernel % 2 == 0) {
                throw new IllegalArgumentException("AuxFormer setting 'convKernel' (" + convKernel
                    + ") must be odd, so that the 'same' padding is symmetric (the reference uses 31).");
            }
        } else if (projectionDim % heads != 0) {
            throw new IllegalArgumentException("AuxFormer setting 'heads' (" + heads
                + ") must divide 'projectionDim' (" + projectionDim + ") for the AUXFORMER_2022"
                + " architecture, whose encoders have width projectionDim (the reference uses 50 and 10 heads).");
        }
    }

    /** @return a builder with the reference's VAVL defaults */
    public static RecordSettings.Builder<AuxFormerConfig> builder() {
        return SETTINGS.builder();
    }

    /** @return a builder with the reference's defaults for {@code architecture} */
    public static RecordSettings.Builder<AuxFormerConfig> builder(final Architecture architecture) {
        final RecordSettings.Builder<AuxFormerConfig> b = SETTINGS.builder().set(ARCHITECTURE, architecture);
        if (architecture == Architecture.AUXFORMER_2022) {
            b.set(HEADS, 10).set(BRANCH_BLOCKS, 5).set(FEED_FORWARD_DIM, 4 * 50);
        }
        return b;
    }

    /** @return a builder holding these settings */
    public RecordSettings.Builder<AuxFormerConfig> toBuilder() {
        return SETTINGS.builder(this);
    }

    /** @return the settings as text per name (the model file's form) */
    public Map<String, String> toMap() {
        return SETTINGS.toMap(this);
    }

    /**
     * @return the settings read back from {@link #toMap()}'s form; missing names keep their defaults
     * @throws IllegalArgumentException naming an unknown or invalid setting
     */
    public static AuxFormerConfig fromMap(final Map<String, String> map) {
        return SETTINGS.fromMap(map);
    }
}
