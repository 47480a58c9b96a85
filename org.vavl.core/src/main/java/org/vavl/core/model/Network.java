package org.vavl.core.model;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** What {@link AuxFormerNet} delegates to: one implementation per {@link Architecture}. */
interface Network extends Block {

    NDList forwardAll(ParameterStore ps, NDArray audio, NDArray audioMask, NDArray visual, NDArray visualMask,
        boolean training);

    NDArray representAudio(ParameterStore ps, NDArray audio, NDArray audioMask, boolean training);

    NDArray representVisual(ParameterStore ps, NDArray visual, NDArray visualMask, boolean training);

    NDArray headAudio(ParameterStore ps, NDArray repA, boolean training);

    NDArray headVisual(ParameterStore ps, NDArray repV, boolean training);

    NDArray reconstructAudio(ParameterStore ps, NDArray repA, boolean training);

    NDArray reconstructVisual(ParameterStore ps, NDArray repV, boolean training);

    NDArray fuse(ParameterStore ps, NDArray repA, NDArray repV, boolean training);

    /** @return the blocks that make up a module (possibly none) */
    List<Block> blocks(AuxFormerNet.Module module);

    /** @return output shapes of {@link #forwardAll} for input shapes [audio, audioMask, visual, visualMask] */
    Shape[] outputShapesFor(Shape[] inputShapes);
}
