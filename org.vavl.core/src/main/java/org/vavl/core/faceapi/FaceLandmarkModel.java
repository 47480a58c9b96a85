package org.vavl.core.faceapi;

import java.io.IOException;

import org.vavl.core.util.DjlRuntime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * face-api's 68-point landmark network with its shipped weights, ready to run on the CPU from any number of threads
 * (as {@link FaceExpressionModel}). Points follow the iBUG 300-W numbering: 0-16 jaw, 17-26 brows, 27-35 nose,
 * 36-41 and 42-47 the eyes (the person's right eye first, i.e. the one on the image's left), 48-67 mouth.
 */
public final class FaceLandmarkModel implements AutoCloseable {

    /** Input side in pixels. */
    public static final int SIZE = FaceFeatureExtractor.INPUT_SIZE;

    private final NDManager m_manager;

    private final FaceLandmarkNetwork m_net;

    private FaceLandmarkModel(final NDManager manager, final FaceLandmarkNetwork net) {
        m_manager = manager;
        m_net = net;
    }

    /** @return the network with the weights shipped in the engine ({@link FaceApiWeights#LANDMARKS_68}) */
    public static FaceLandmarkModel builtIn() throws IOException {
        final FaceApiWeights w = FaceApiWeights.builtIn(FaceApiWeights.LANDMARKS_68);
        return DjlRuntime.call(() -> {
            final NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
            try {
                final FaceLandmarkNetwork net = new FaceLandmarkNetwork();
                net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, SIZE, SIZE));
                net.load(w);
                net.freezeParameters(true);
                return new FaceLandmarkModel(manager, net);
            } catch (RuntimeException e) {
                manager.close();
                throw new IOException("Cannot load face-api's landmark network from '" + w.source() + "': "
                    + e.getMessage(), e);
            }
        });
    }

    /**
     * Runs a batch of preprocessed faces.
     *
     * @param input {@code batch * 3 * 112 * 112} values ({@link FaceApiInput}), face after face
     * @param batch faces
     * @return per face 136 values, x and y of the 68 points as fractions of the padded 112x112 input
     */
    public float[][] run(final float[] input, final int batch) {
        if (input.length != batch * 3 * SIZE * SIZE) {
            throw new IllegalArgumentException(batch + " faces need " + batch * 3 * SIZE * SIZE + " values, got "
                + input.length + ".");
        }
        final float[] v = DjlRuntime.call(() -> {
            try (NDManager nd = m_manager.newSubManager()) {
                final NDArray x = ImageBlock.imageBatch(nd, input, batch, SIZE, SIZE);
                return m_net.forward(new ParameterStore(nd, false), x).toFloatArray();
            }
        });
        final int dim = 2 * FaceLandmarkNetwork.POINTS;
        final float[][] r = new float[batch][dim];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(v, i * dim, r[i], 0, dim);
        }
        return r;
    }

    /**
     * Maps the network's points onto the image they came from, as face-api's {@code postProcess} does: times the
     * input side, minus the padding that centred the image in its square (half the difference of the scaled sides),
     * divided by the scaled image's width (x) or height (y).
     *
     * @param raw 136 values from {@link #run}
     * @param height the image's rows
     * @param width the image's columns
     * @return 136 values: x as a fraction of the width, y as a fraction of the height (multiply by the width and
     *         height for pixels)
     */
    public static float[] toImage(final float[] raw, final int height, final int width) {
        final double scale = (double)SIZE / Math.max(height, width);
        final float w = (float)(width * scale);
        final float h = (float)(height * scale);
        final float padX = w < h ? (float)(Math.abs(width * scale - height * scale) / 2) : 0f;
        final float padY = h < w ? (float)(Math.abs(width * scale - height * scale) / 2) : 0f;
        final float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i += 2) {
            out[i] = (raw[i] * SIZE - padX) / w;
            out[i + 1] = (raw[i + 1] * SIZE - padY) / h;
        }
        return out;
    }

    @Override
    public void close() {
        m_manager.close();
    }
}
