package org.vavl.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;

/**
 * A Conformer encoder as VAVL uses it: input projection Linear(in, d) + Dropout, then N {@link ConformerBlock}s.
 * Unlike the reference's Conformer it has no convolutional sub-sampling layer (the reference builds one and never
 * calls it).
 *
 * <p>Shapes: x (B, T, in), mask (B, T) -> (B, T, d). Outputs at real frames do not depend on padded frames nor on
 * the other clips of the batch (evaluation mode).
 */
public final class Conformer extends SequenceBlock {

    private final int m_modelDim;
    private final Linear m_inputProjection;
    private final Dropout m_inputDropout;
    private final List<ConformerBlock> m_blocks = new ArrayList<>();

    /**
     * @param modelDim d
     * @param blocks N
     * @param heads attention heads
     * @param ffDim feed-forward width
     * @param kernel depthwise kernel (odd)
     * @param dropout dropout rate
     */
    public Conformer(final int modelDim, final int blocks, final int heads, final int ffDim, final int kernel,
        final float dropout) {
        m_modelDim = modelDim;
        m_inputProjection = addChildBlock("inputProjection", Nn.xavierLinear(modelDim, true));
        m_inputDropout = addChildBlock("inputDropout", Dropout.builder().optRate(dropout).build());
        for (int i = 0; i < blocks; i++) {
            m_blocks.add(addChildBlock("block" + i, new ConformerBlock(modelDim, heads, ffDim, kernel, dropout)));
        }
    }

    /** @return the blocks, in order */
    public List<ConformerBlock> blocks() {
        return Collections.unmodifiableList(m_blocks);
    }

    @Override
    public NDArray forward(final ParameterStore ps, final NDArray x, final NDArray mask, final boolean training) {
        // one scope per block: only the block outputs outlive it (see Nn.scoped)
        NDArray y = Nn.scoped(x, mask,
            (a, m) -> Nn.apply(m_inputDropout, ps, Nn.apply(m_inputProjection, ps, a, training), training));
        for (final ConformerBlock block : m_blocks) {
            y = Nn.scoped(y, mask, (a, m) -> block.forward(ps, a, m, training));
        }
        return y;
    }

    @Override
    protected long outputDim(final long inputDim) {
        return m_modelDim;
    }

    @Override
    protected void initializeChildBlocks(final NDManager manager, final DataType dataType, final Shape... inputShapes) {
        final Shape x = inputShapes[0];
        final Shape y = Nn.withLast(x, m_modelDim);
        m_inputProjection.initialize(manager, dataType, x);
        m_inputDropout.initialize(manager, dataType, y);
        for (final ConformerBlock block : m_blocks) {
            block.initialize(manager, dataType, y, inputShapes[1]);
        }
    }
}
