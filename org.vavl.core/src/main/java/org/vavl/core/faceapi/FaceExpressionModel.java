package org.vavl.core.faceapi;

import java.io.IOException;

import org.vavl.core.util.DjlRuntime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * face-api's facial expression network with its shipped weights, ready to run on the CPU from any number of threads
 * (each call works in its own sub-manager; the weights are shared and frozen). Every DJL call runs inside
 * {@link DjlRuntime#call}, so PyTorch uses one intra-op thread per worker unless configured otherwise.
 */
public final class FaceExpressionModel implements AutoCloseable {

    /** Input side in pixels. */
    public static final int SIZE = FaceFeatureExtractor.INPUT_SIZE;

    /** Probabilities and pooled features of a batch of faces. */
    public static final class Output {
        private final float[][] m_probabilities;
        private final float[][] m_features;

        Output(final float[][] probabilities, final float[][] features) {
            m_probabilities = probabilities;
            m_features = features;
        }

        /** @return per face the 7 probabilities, in {@link FaceExpressionNetwork#EXPRESSIONS}' order */
        public float[][] probabilities() {
            return m_probabilities;
        }

        /** @return per face the 256 pooled features before the last layer */
        public float[][] features() {
            return m_features;
        }
    }

    private final NDManager m_manager;

    private final FaceExpressionNetwork m_net;

    private FaceExpressionModel(final NDManager manager, final FaceExpressionNetwork net) {
        m_manager = manager;
        m_net = net;
    }

    /** @return the network with the weights shipped in the engine ({@link FaceApiWeights#EXPRESSION}) */
    public static FaceExpressionModel builtIn() throws IOException {
        final FaceApiWeights w = FaceApiWeights.builtIn(FaceApiWeights.EXPRESSION);
        return DjlRuntime.call(() -> {
            final NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
            try {
                final FaceExpressionNetwork net = new FaceExpressionNetwork();
                net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
                net.load(w);
                net.freezeParameters(true);
                return new FaceExpressionModel(manager, net);
            } catch (RuntimeException e) {
                manager.close();
                throw new IOException("Cannot load face-api's expression network from '" + w.source() + "': "
                    + e.getMessage(), e);
            }
        });
    }

    /** @return the block */
    public FaceExpressionNetwork network() {
        return m_net;
    }

    /**
     * Runs a batch of preprocessed faces.
     *
     * @param input {@code batch * 3 * 112 * 112} values ({@link FaceApiInput}), face after face
     * @param batch faces
     * @return their probabilities and features
     */
    public Output run(final float[] input, final int batch) {
        if (input.length != batch * 3 * SIZE * SIZE) {
            throw new IllegalArgumentException(batch + " faces need " + batch * 3 * SIZE * SIZE + " values, got "
                + input.length + ".");
        }
        return DjlRuntime.call(() -> {
            try (NDManager nd = m_manager.newSubManager()) {
                final NDArray x = ImageBlock.imageBatch(nd, input, batch, SIZE, SIZE);
                final NDList y = m_net.forward(new ParameterStore(nd, false), x);
                return new Output(rows(y.get(0).toFloatArray(), batch), rows(y.get(1).toFloatArray(), batch));
            }
        });
    }

    private static float[][] rows(final float[] v, final int batch) {
        final int dim = v.length / batch;
        final float[][] r = new float[batch][dim];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(v, i * dim, r[i], 0, dim);
        }
        return r;
    }

    @Override
    public void close() {
        m_manager.close();
    }
}
