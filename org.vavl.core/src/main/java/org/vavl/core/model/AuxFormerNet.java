package org.vavl.core.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The whole AuxFormer network as one DJL block; which network is inside is chosen by
 * {@link AuxFormerConfig#architecture()}.
 *
 * <p>Layout (batch, time, dim). Masks are (B, T) floats, 1 = real frame, 0 = padding, real frames first. Inputs of
 * {@link #forward(ParameterStore, NDList, boolean)}: {@code [audio (B,Ta,Da), audioMask (B,Ta), visual (B,Tv,Dv),
 * visualMask (B,Tv)]}; outputs for {@link Architecture#VAVL}: {@code [predAv (B,out), predA (B,out), predV (B,out),
 * reconA (B,Da), reconV (B,Dv)]}; for {@link Architecture#AUXFORMER_2022}: {@code [predAv, predA, predV]} (that
 * network has no reconstruction heads).
 *
 * <p>Padding is masked in attention (keys), in the depthwise convolution (zeroed input), in the batch statistics
 * (real frames only) and in the time means, so in evaluation mode a clip's outputs depend neither on the other
 * clips of its batch nor on how much it is padded. A clip that lacks a modality should be predicted from the
 * unimodal head of the modality it has ({@link #representAudio} + {@link #headAudio}, or the visual pair); the
 * network is never meant to see a sequence without real frames (it would give finite but meaningless outputs).
 *
 * <p>Create with {@link #create(AuxFormerConfig, NDManager, long)} (seeded initialisation), or with the
 * constructor followed by {@link #loadParameters(NDManager, DataInputStream)}. All DJL calls must run inside
 * {@code DjlRuntime.call/run}.
 */
public final class AuxFormerNet extends AbstractBlock {

    /** Parameter groups: one optimiser per module, as the reference does. */
    public enum Module {
        /** Audio projection and audio Conformer (AUXFORMER_2022: audio projection and audio self-attention encoder). */
        AUDIO_BRANCH,
        /** Visual projection and visual Conformer (AUXFORMER_2022: the visual counterparts). */
        VISUAL_BRANCH,
        /** Shared Conformer and its LayerNorm (AUXFORMER_2022: the cross-modal and memory encoders). */
        SHARED,
        /** Audio head (AUXFORMER_2022: the unimodal head shared by both modalities). */
        HEAD_AUDIO,
        /** Visual head (AUXFORMER_2022: empty, the unimodal head is shared and listed under HEAD_AUDIO). */
        HEAD_VISUAL,
        /** Audio reconstruction head (AUXFORMER_2022: empty). */
        RECON_AUDIO,
        /** Visual reconstruction head (AUXFORMER_2022: empty). */
        RECON_VISUAL,
        /** Fusion (audiovisual) head. */
        FUSION
    }

    private static final byte VERSION = 1;
    private static final int INIT_FRAMES = 8;

    private final AuxFormerConfig m_config;
    private final Network m_network;

    /**
     * A network with uninitialised parameters; call {@link #create} instead, or load parameters saved with
     * {@link #saveParameters(java.io.DataOutputStream)}.
     *
     * @param config the hyper-parameters
     */
    public AuxFormerNet(final AuxFormerConfig config) {
        super(VERSION);
        m_config = Objects.requireNonNull(config, "config");
        switch (config.architecture()) {
            case VAVL:
                m_network = addChildBlock("vavl", new VavlNetwork(config));
                break;
            case AUXFORMER_2022:
                m_network = addChildBlock("auxformer", new AuxFormer2022Network(config));
                break;
            default:
                throw new IllegalArgumentException("Unknown architecture " + config.architecture());
        }
    }

    /**
     * Builds and initialises a network, deterministically: the same config and seed give identical weights.
     * Seeds the engine's random generator ({@code Engine.setRandomSeed}), which also drives dropout afterwards.
     *
     * @param config the hyper-parameters
     * @param manager the manager that owns the parameters
     * @param seed the seed
     * @return the initialised network
     */
    public static AuxFormerNet create(final AuxFormerConfig config, final NDManager manager, final long seed) {
        final AuxFormerNet net = new AuxFormerNet(config);
        Engine.getEngine(manager.getEngine().getEngineName()).setRandomSeed((int)(seed ^ (seed >>> 32)));
        net.initialize(manager, DataType.FLOAT32, inputShapes(config, 1, INIT_FRAMES, INIT_FRAMES));
        return net;
    }

    /**
     * @param config the hyper-parameters
     * @param batch B
     * @param audioFrames Ta
     * @param visualFrames Tv
     * @return the shapes of the four inputs
     */
    public static Shape[] inputShapes(final AuxFormerConfig config, final long batch, final long audioFrames,
        final long visualFrames) {
        return new Shape[] {new Shape(batch, audioFrames, config.audioDim()), new Shape(batch, audioFrames),
            new Shape(batch, visualFrames, config.visualDim()), new Shape(batch, visualFrames)};
    }

    /** @return the hyper-parameters */
    public AuxFormerConfig config() {
        return m_config;
    }

    /**
     * rep_a: the audio branch, then (VAVL) the shared Conformer, residual, LayerNorm and masked time mean.
     *
     * @param ps parameter store
     * @param audio (B, Ta, audioDim)
     * @param audioMask (B, Ta)
     * @param training dropout and batch statistics on
     * @return (B, modelDim) (AUXFORMER_2022: (B, projectionDim), the last real frame of the audio encoder)
     */
    public NDArray representAudio(final ParameterStore ps, final NDArray audio, final NDArray audioMask,
        final boolean training) {
        checkDim("audio", audio, m_config.audioDim());
        return m_network.representAudio(ps, audio, audioMask, training);
    }

    /**
     * rep_v, as {@link #representAudio} for the visual modality.
     *
     * @param ps parameter store
     * @param visual (B, Tv, visualDim)
     * @param visualMask (B, Tv)
     * @param training dropout and batch statistics on
     * @return (B, modelDim)
     */
    public NDArray representVisual(final ParameterStore ps, final NDArray visual, final NDArray visualMask,
        final boolean training) {
        checkDim("visual", visual, m_config.visualDim());
        return m_network.representVisual(ps, visual, visualMask, training);
    }

    /** @return pred_a (B, outputs) from rep_a */
    public NDArray headAudio(final ParameterStore ps, final NDArray repA, final boolean training) {
        return m_network.headAudio(ps, repA, training);
    }

    /** @return pred_v (B, outputs) from rep_v */
    public NDArray headVisual(final ParameterStore ps, final NDArray repV, final boolean training) {
        return m_network.headVisual(ps, repV, training);
    }

    /**
     * @return the reconstruction of the time mean of the audio features (B, audioDim)
     * @throws UnsupportedOperationException for AUXFORMER_2022, which has no reconstruction heads
     */
    public NDArray reconstructAudio(final ParameterStore ps, final NDArray repA, final boolean training) {
        return m_network.reconstructAudio(ps, repA, training);
    }

    /**
     * @return the reconstruction of the time mean of the visual features (B, visualDim)
     * @throws UnsupportedOperationException for AUXFORMER_2022
     */
    public NDArray reconstructVisual(final ParameterStore ps, final NDArray repV, final boolean training) {
        return m_network.reconstructVisual(ps, repV, training);
    }

    /**
     * @return pred_av (B, outputs) from concat(rep_a, rep_v)
     * @throws UnsupportedOperationException for AUXFORMER_2022, whose audiovisual output needs both sequences (use
     *             {@link #forward(ParameterStore, NDList, boolean)})
     */
    public NDArray fuse(final ParameterStore ps, final NDArray repA, final NDArray repV, final boolean training) {
        return m_network.fuse(ps, repA, repV, training);
    }

    /**
     * The trainable parameters of a module (running statistics of batch norms excluded: they are not trained; they
     * are saved with {@link #saveParameters}). Across all modules every trainable parameter appears exactly once.
     *
     * @param module the module
     * @return its parameters, in a fixed order (possibly empty)
     */
    public List<Parameter> parameters(final Module module) {
        final List<Parameter> out = new ArrayList<>();
        for (final Block b : m_network.blocks(module)) {
            for (final Parameter p : b.getParameters().values()) {
                if (p.requiresGradient()) {
                    out.add(p);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @param module the module
     * @return the number of trainable values in it (as PyTorch's {@code sum(p.numel() for p in parameters())})
     */
    public long parameterCount(final Module module) {
        long n = 0;
        for (final Parameter p : parameters(module)) {
            n += p.getShape().size();
        }
        return n;
    }

    /** @return every trainable parameter of the network, each once, in module order */
    public List<Parameter> trainableParameters() {
        final Map<Parameter, Boolean> seen = new IdentityHashMap<>();
        final List<Parameter> out = new ArrayList<>();
        for (final Module m : Module.values()) {
            for (final Parameter p : parameters(m)) {
                if (seen.put(p, Boolean.TRUE) == null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(final ParameterStore ps, final NDList inputs, final boolean training,
        final PairList<String, Object> params) {
        if (inputs.size() != 4) {
            throw new IllegalArgumentException("AuxFormerNet needs 4 inputs [audio (B,Ta,Da), audioMask (B,Ta),"
                + " visual (B,Tv,Dv), visualMask (B,Tv)], got " + inputs.size());
        }
        checkDim("audio", inputs.get(0), m_config.audioDim());
        checkDim("visual", inputs.get(2), m_config.visualDim());
        return m_network.forwardAll(ps, inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3), training);
    }

    private static void checkDim(final String modality, final NDArray x, final int dim) {
        final Shape s = x.getShape();
        if (s.dimension() != 3 || s.get(2) != dim) {
            throw new IllegalArgumentException("The " + modality + " feature sequences have shape " + s
                + " but the model expects (batch, frames, " + dim + ").");
        }
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return m_network.outputShapesFor(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        m_network.initialize(manager, dataType, inputShapes);
    }

    /**
     * Loads parameters saved by {@link #saveParameters}; trainable parameters get their gradients attached again,
     * so a loaded network can be trained further.
     */
    @Override
    public void loadParameters(final NDManager manager, final DataInputStream is)
        throws IOException, MalformedModelException {
        super.loadParameters(manager, is);
        for (final Parameter p : getParameters().values()) {
            if (p.requiresGradient() && p.isInitialized()) {
                p.getArray().setRequiresGradient(true);
            }
        }
    }
}
