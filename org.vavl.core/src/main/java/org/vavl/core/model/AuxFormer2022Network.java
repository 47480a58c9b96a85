package org.vavl.core.model;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The AuxFormer (ICASSP 2022) network (docs/model.md, Architectures), in (batch, time, dim) with masks:
 *
 * <pre>
 * a = Linear no bias (= Conv1d k=1)(audio) (B,Ta,d); v = the same for visual (B,Tv,d); d = projectionDim
 * audiovisual: h_a = memory_a(cross_a(a attends to v)); h_v = memory_v(cross_v(v attends to a))
 *              pred_av = fusion([last real frame of h_a, last real frame of h_v])   (2d -> out, residual head)
 * audio only:  rep_a = last real frame of unimodal_a(a); pred_a = unimodal_head(rep_a)
 * visual only: rep_v = last real frame of unimodal_v(v); pred_v = unimodal_head(rep_v)   (the same head)
 * </pre>
 *
 * Cross-modal and unimodal encoders scale their inputs by sqrt(d) and add sinusoidal positions (the reference
 * gives positions to its cross-modal encoders only; its unimodal self-attention encoders, without positions,
 * would not model order); the memory encoders work on outputs that already carry positions. Layers per encoder =
 * branchBlocks; heads, feedForwardDim, dropout (attention, ReLU, residual), headDropout (output) from the config;
 * the embedding dropout is the reference's 0.25. Unimodal head widths d -> modelDim -> modelDim/2 -> d (+ residual)
 * -> out, as the reference's 50 -> 512 -> 256 -> 50; fusion head 2d -> 2d -> 2d (+ residual) -> out. Where the
 * reference applies one unimodal encoder three times in a row with shared weights, this network has one encoder of
 * branchBlocks layers.
 */
final class AuxFormer2022Network extends AbstractBlock implements Network {

    private final AuxFormerConfig m_config;
    private final Linear m_audioProjection;
    private final Linear m_visualProjection;
    private final TransformerEncoder m_crossAudio;
    private final TransformerEncoder m_memoryAudio;
    private final TransformerEncoder m_crossVisual;
    private final TransformerEncoder m_memoryVisual;
    private final TransformerEncoder m_unimodalAudio;
    private final TransformerEncoder m_unimodalVisual;
    private final ResidualHead m_unimodalHead;
    private final ResidualHead m_fusion;

    AuxFormer2022Network(final AuxFormerConfig c) {
        super((byte)1);
        m_config = c;
        final int d = c.projectionDim();
        m_audioProjection = addChildBlock("audioProjection", Nn.defaultLinear(c.audioDim(), d, false));
        m_visualProjection = addChildBlock("visualProjection", Nn.defaultLinear(c.visualDim(), d, false));
        m_crossAudio = addChildBlock("crossAudio", encoder(c, true));
        m_memoryAudio = addChildBlock("memoryAudio", encoder(c, false));
        m_crossVisual = addChildBlock("crossVisual", encoder(c, true));
        m_memoryVisual = addChildBlock("memoryVisual", encoder(c, false));
        m_unimodalAudio = addChildBlock("unimodalAudio", encoder(c, true));
        m_unimodalVisual = addChildBlock("unimodalVisual", encoder(c, true));
        m_unimodalHead = addChildBlock("unimodalHead",
            new ResidualHead(new int[] {d, c.modelDim(), c.modelDim() / 2, d}, c.outputs(), c.headDropout()));
        m_fusion = addChildBlock("fusion", new ResidualHead(new int[] {2 * d, 2 * d, 2 * d}, c.outputs(), c.headDropout()));
    }

    private static TransformerEncoder encoder(final AuxFormerConfig c, final boolean positions) {
        return new TransformerEncoder(c.projectionDim(), c.heads(), c.feedForwardDim(), c.branchBlocks(), c.dropout(),
            positions);
    }

    @Override
    public NDList forwardAll(final ParameterStore ps, final NDArray audio, final NDArray audioMask,
        final NDArray visual, final NDArray visualMask, final boolean training) {
        final NDArray a = Nn.apply(m_audioProjection, ps, audio, training);
        final NDArray v = Nn.apply(m_visualProjection, ps, visual, training);
        final NDArray ha = m_memoryAudio.forward(ps,
            m_crossAudio.forward(ps, a, audioMask, v, visualMask, training), audioMask, null, null, training);
        final NDArray hv = m_memoryVisual.forward(ps,
            m_crossVisual.forward(ps, v, visualMask, a, audioMask, training), visualMask, null, null, training);
        final NDArray av = Nn.lastRealFrame(ha, audioMask).concat(Nn.lastRealFrame(hv, visualMask), 1);
        final NDArray repA = Nn.lastRealFrame(m_unimodalAudio.forward(ps, a, audioMask, null, null, training), audioMask);
        final NDArray repV =
            Nn.lastRealFrame(m_unimodalVisual.forward(ps, v, visualMask, null, null, training), visualMask);
        return new NDList(m_fusion.forward(ps, av, training), m_unimodalHead.forward(ps, repA, training),
            m_unimodalHead.forward(ps, repV, training));
    }

    @Override
    public NDArray representAudio(final ParameterStore ps, final NDArray audio, final NDArray audioMask,
        final boolean training) {
        final NDArray a = Nn.apply(m_audioProjection, ps, audio, training);
        return Nn.lastRealFrame(m_unimodalAudio.forward(ps, a, audioMask, null, null, training), audioMask);
    }

    @Override
    public NDArray representVisual(final ParameterStore ps, final NDArray visual, final NDArray visualMask,
        final boolean training) {
        final NDArray v = Nn.apply(m_visualProjection, ps, visual, training);
        return Nn.lastRealFrame(m_unimodalVisual.forward(ps, v, visualMask, null, null, training), visualMask);
    }

    @Override
    public NDArray headAudio(final ParameterStore ps, final NDArray repA, final boolean training) {
        return m_unimodalHead.forward(ps, repA, training);
    }

    @Override
    public NDArray headVisual(final ParameterStore ps, final NDArray repV, final boolean training) {
        return m_unimodalHead.forward(ps, repV, training);
    }

    @Override
    public NDArray reconstructAudio(final ParameterStore ps, final NDArray repA, final boolean training) {
        throw new UnsupportedOperationException("The AUXFORMER_2022 architecture has no reconstruction heads.");
    }

    @Override
    public NDArray reconstructVisual(final ParameterStore ps, final NDArray repV, final boolean training) {
        throw new UnsupportedOperationException("The AUXFORMER_2022 architecture has no reconstruction heads.");
    }

    @Override
    public NDArray fuse(final ParameterStore ps, final NDArray repA, final NDArray repV, final boolean training) {
        throw new UnsupportedOperationException("The AUXFORMER_2022 architecture fuses the two feature sequences by"
            + " cross-modal attention, not two representations: use AuxFormerNet.forward for its audiovisual output.");
    }

    @Override
    public List<Block> blocks(final AuxFormerNet.Module module) {
        switch (module) {
            case AUDIO_BRANCH:
                return List.of(m_audioProjection, m_unimodalAudio);
            case VISUAL_BRANCH:
                return List.of(m_visualProjection, m_unimodalVisual);
            case SHARED:
                return List.of(m_crossAudio, m_memoryAudio, m_crossVisual, m_memoryVisual);
            case HEAD_AUDIO:
                return List.of(m_unimodalHead);
            case FUSION:
                return List.of(m_fusion);
            case HEAD_VISUAL:
            case RECON_AUDIO:
            case RECON_VISUAL:
                return List.of();
            default:
                throw new IllegalArgumentException(String.valueOf(module));
        }
    }

    @Override
    protected NDList forwardInternal(final ParameterStore ps, final NDList inputs, final boolean training,
        final PairList<String, Object> params) {
        return forwardAll(ps, inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3), training);
    }

    @Override
    public Shape[] getOutputShapes(final Shape[] inputShapes) {
        return outputShapesFor(inputShapes);
    }

    @Override
    public Shape[] outputShapesFor(final Shape[] in) {
        final long b = in[0].get(0);
        final int out = m_config.outputs();
        return new Shape[] {new Shape(b, out), new Shape(b, out), new Shape(b, out)};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... in) {
        final int d = m_config.projectionDim();
        final Shape a = Nn.withLast(in[0], d), v = Nn.withLast(in[2], d);
        m_audioProjection.initialize(manager, dataType, in[0]);
        m_visualProjection.initialize(manager, dataType, in[2]);
        m_crossAudio.initialize(manager, dataType, a, in[1], v, in[3]);
        m_memoryAudio.initialize(manager, dataType, a, in[1]);
        m_crossVisual.initialize(manager, dataType, v, in[3], a, in[1]);
        m_memoryVisual.initialize(manager, dataType, v, in[3]);
        m_unimodalAudio.initialize(manager, dataType, a, in[1]);
        m_unimodalVisual.initialize(manager, dataType, v, in[3]);
        final long b = in[0].get(0);
        m_unimodalHead.initialize(manager, dataType, new Shape(b, d));
        m_fusion.initialize(manager, dataType, new Shape(b, 2L * d));
    }
}
