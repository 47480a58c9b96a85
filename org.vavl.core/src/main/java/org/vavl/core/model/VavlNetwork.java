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
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The VAVL network (docs/model.md, Architectures), with time modelled per clip and padding masked:
 *
 * <pre>
 * audio (B,Ta,Da) -Linear no bias (= Conv1d k=1)-> (B,Ta,p) -Conformer(p->d, branchBlocks)-> A (B,Ta,d)
 * visual (B,Tv,Dv) -Linear no bias-> (B,Tv,p) -Conformer(p->d, branchBlocks)-> V (B,Tv,d)
 * shared(X) = masked time mean( LayerNorm( Conformer(d->d, sharedBlocks)(X) + X ) )  -> (B,d), same weights for A and V
 * pred_a = head_a(rep_a), pred_v = head_v(rep_v), recon_a (B,Da), recon_v (B,Dv), pred_av = fusion([rep_a, rep_v])
 * </pre>
 */
final class VavlNetwork extends AbstractBlock implements Network {

    private final AuxFormerConfig m_config;
    private final Linear m_audioProjection;
    private final Conformer m_audioConformer;
    private final Linear m_visualProjection;
    private final Conformer m_visualConformer;
    private final Conformer m_sharedConformer;
    private final LayerNorm m_sharedNorm;
    private final MlpHead m_headAudio;
    private final MlpHead m_headVisual;
    private final MlpHead m_reconAudio;
    private final MlpHead m_reconVisual;
    private final MlpHead m_fusion;

    VavlNetwork(final AuxFormerConfig c) {
        super((byte)1);
        m_config = c;
        final int d = c.modelDim();
        m_audioProjection = addChildBlock("audioProjection", Nn.defaultLinear(c.audioDim(), c.projectionDim(), false));
        m_audioConformer = addChildBlock("audioConformer", conformer(c, c.branchBlocks()));
        m_visualProjection =
            addChildBlock("visualProjection", Nn.defaultLinear(c.visualDim(), c.projectionDim(), false));
        m_visualConformer = addChildBlock("visualConformer", conformer(c, c.branchBlocks()));
        m_sharedConformer = addChildBlock("sharedConformer", conformer(c, c.sharedBlocks()));
        m_sharedNorm = addChildBlock("sharedNorm", Nn.layerNorm(2));
        m_headAudio = addChildBlock("headAudio", new MlpHead(d, d, c.outputs(), c.headDropout()));
        m_headVisual = addChildBlock("headVisual", new MlpHead(d, d, c.outputs(), c.headDropout()));
        m_reconAudio = addChildBlock("reconAudio", new MlpHead(d, d, c.audioDim(), c.headDropout()));
        m_reconVisual = addChildBlock("reconVisual", new MlpHead(d, d, c.visualDim(), c.headDropout()));
        m_fusion = addChildBlock("fusion", new MlpHead(2 * d, d, c.outputs(), c.headDropout()));
    }

    private static Conformer conformer(final AuxFormerConfig c, final int blocks) {
        return new Conformer(c.modelDim(), blocks, c.heads(), c.feedForwardDim(), c.convKernel(), c.dropout());
    }

    @Override
    public NDList forwardAll(final ParameterStore ps, final NDArray audio, final NDArray audioMask,
        final NDArray visual, final NDArray visualMask, final boolean training) {
        final NDArray repA = representAudio(ps, audio, audioMask, training);
        final NDArray repV = representVisual(ps, visual, visualMask, training);
        return new NDList(fuse(ps, repA, repV, training), headAudio(ps, repA, training),
            headVisual(ps, repV, training), reconstructAudio(ps, repA, training),
            reconstructVisual(ps, repV, training));
    }

    @Override
    public NDArray representAudio(final ParameterStore ps, final NDArray audio, final NDArray audioMask,
        final boolean training) {
        return Nn.scoped(audio, audioMask, (x, m) -> shared(ps,
            m_audioConformer.forward(ps, Nn.apply(m_audioProjection, ps, x, training), m, training), m, training));
    }

    @Override
    public NDArray representVisual(final ParameterStore ps, final NDArray visual, final NDArray visualMask,
        final boolean training) {
        return Nn.scoped(visual, visualMask, (x, m) -> shared(ps,
            m_visualConformer.forward(ps, Nn.apply(m_visualProjection, ps, x, training), m, training), m, training));
    }

    private NDArray shared(final ParameterStore ps, final NDArray x, final NDArray mask, final boolean training) {
        final NDArray y = m_sharedConformer.forward(ps, x, mask, training).add(x);
        return Nn.maskedTimeMean(Nn.apply(m_sharedNorm, ps, y, training), mask);
    }

    @Override
    public NDArray headAudio(final ParameterStore ps, final NDArray repA, final boolean training) {
        return m_headAudio.forward(ps, repA, training);
    }

    @Override
    public NDArray headVisual(final ParameterStore ps, final NDArray repV, final boolean training) {
        return m_headVisual.forward(ps, repV, training);
    }

    @Override
    public NDArray reconstructAudio(final ParameterStore ps, final NDArray repA, final boolean training) {
        return m_reconAudio.forward(ps, repA, training);
    }

    @Override
    public NDArray reconstructVisual(final ParameterStore ps, final NDArray repV, final boolean training) {
        return m_reconVisual.forward(ps, repV, training);
    }

    @Override
    public NDArray fuse(final ParameterStore ps, final NDArray repA, final NDArray repV, final boolean training) {
        return m_fusion.forward(ps, repA.concat(repV, 1), training);
    }

    @Override
    public List<Block> blocks(final AuxFormerNet.Module module) {
        switch (module) {
            case AUDIO_BRANCH:
                return List.of(m_audioProjection, m_audioConformer);
            case VISUAL_BRANCH:
                return List.of(m_visualProjection, m_visualConformer);
            case SHARED:
                return List.of(m_sharedConformer, m_sharedNorm);
            case HEAD_AUDIO:
                return List.of(m_headAudio);
            case HEAD_VISUAL:
                return List.of(m_headVisual);
            case RECON_AUDIO:
                return List.of(m_reconAudio);
            case RECON_VISUAL:
                return List.of(m_reconVisual);
            case FUSION:
                return List.of(m_fusion);
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
        return new Shape[] {new Shape(b, out), new Shape(b, out), new Shape(b, out),
            new Shape(b, m_config.audioDim()), new Shape(b, m_config.visualDim())};
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... in) {
        final AuxFormerConfig c = m_config;
        final Shape audio = in[0], audioMask = in[1], visual = in[2], visualMask = in[3];
        final Shape audioP = Nn.withLast(audio, c.projectionDim());
        final Shape visualP = Nn.withLast(visual, c.projectionDim());
        final Shape audioD = Nn.withLast(audio, c.modelDim());
        final long b = audio.get(0);
        m_audioProjection.initialize(manager, dataType, audio);
        m_audioConformer.initialize(manager, dataType, audioP, audioMask);
        m_visualProjection.initialize(manager, dataType, visual);
        m_visualConformer.initialize(manager, dataType, visualP, visualMask);
        m_sharedConformer.initialize(manager, dataType, audioD, audioMask);
        m_sharedNorm.initialize(manager, dataType, audioD);
        final Shape rep = new Shape(b, c.modelDim());
        m_headAudio.initialize(manager, dataType, rep);
        m_headVisual.initialize(manager, dataType, rep);
        m_reconAudio.initialize(manager, dataType, rep);
        m_reconVisual.initialize(manager, dataType, rep);
        m_fusion.initialize(manager, dataType, new Shape(b, 2L * c.modelDim()));
    }
}
