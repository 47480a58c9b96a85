package org.vavl.core.train;

/**
 * How AuxFormer is trained; the defaults are the reference's (docs/auxformer.md, Training). Immutable;
 * make one with {@link #builder()}.
 */
public final class TrainingSettings {

    /** Learning rate of the VAVL architecture (reference). */
    public static final float VAVL_LEARNING_RATE = 5e-5f;

    /** Learning rate of the AuxFormer (2022) architecture (reference). */
    public static final float AUXFORMER_2022_LEARNING_RATE = 7.25e-4f;

    private final int m_epochs;

    private final int m_batchSize;

    private final float m_learningRate;

    private final float m_beta1;

    private final float m_beta2;

    private final float m_weightDecay;

    private final float m_reconstructionWeight;

    private final boolean m_classWeights;

    private final int m_patience;

    private final long m_seed;

    private final String m_device;

    private final int m_maxAudioFrames;

    private final float m_modalityDropout;

    private final int m_threads;

    private TrainingSettings(final Builder b) {
        m_epochs = b.m_epochs;
        m_batchSize = b.m_batchSize;
        m_learningRate = b.m_learningRate;
        m_beta1 = b.m_beta1;
        m_beta2 = b.m_beta2;
        m_weightDecay = b.m_weightDecay;
        m_reconstructionWeight = b.m_reconstructionWeight;
        m_classWeights = b.m_classWeights;
        m_patience = b.m_patience;
        m_seed = b.m_seed;
        m_device = b.m_device;
        m_maxAudioFrames = b.m_maxAudioFrames;
        m_modalityDropout = b.m_modalityDropout;
        m_threads = b.m_threads;
    }

    /** @return a builder with the reference's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        final Builder b = new Builder();
        b.m_epochs = m_epochs;
        b.m_batchSize = m_batchSize;
        b.m_learningRate = m_learningRate;
        b.m_beta1 = m_beta1;
        b.m_beta2 = m_beta2;
        b.m_weightDecay = m_weightDecay;
        b.m_reconstructionWeight = m_reconstructionWeight;
        b.m_classWeights = m_classWeights;
        b.m_patience = m_patience;
        b.m_seed = m_seed;
        b.m_device = m_device;
        b.m_maxAudioFrames = m_maxAudioFrames;
        b.m_modalityDropout = m_modalityDropout;
        b.m_threads = m_threads;
        return b;
    }

    /** @return passes over the training split (default 20) */
    public int epochs() {
        return m_epochs;
    }

    /** @return clips per batch (default 32, the reference's CREMA-D value; it used 9 for MSP-IMPROV) */
    public int batchSize() {
        return m_batchSize;
    }

    /**
     * @return the Adam learning rate; NaN (default) means the architecture's: 5e-5 (VAVL) or 7.25e-4
     *         (AuxFormer 2022)
     */
    public float learningRate() {
        return m_learningRate;
    }

    /** @return Adam beta1 (default 0.95) */
    public float beta1() {
        return m_beta1;
    }

    /** @return Adam beta2 (default 0.999) */
    public float beta2() {
        return m_beta2;
    }

    /** @return Adam weight decay, added to the gradient as an L2 term (default 5e-7) */
    public float weightDecay() {
        return m_weightDecay;
    }

    /**
     * @return weight w of the reconstruction loss in the unimodal steps (VAVL); NaN (default) means the
     *         reference's: 2 for the categorical task, 1 for the dimensional task
     */
    public float reconstructionWeight() {
        return m_reconstructionWeight;
    }

    /** @return weight the cross-entropy by inverse class frequency of the training split (default false) */
    public boolean classWeights() {
        return m_classWeights;
    }

    /** @return stop after this many epochs without a better development criterion; 0 = never (default) */
    public int patience() {
        return m_patience;
    }

    /** @return the seed of initialisation, dropout and shuffling (default 0, as the reference) */
    public long seed() {
        return m_seed;
    }

    /** @return auto, cpu or gpu (default auto) */
    public String device() {
        return m_device;
    }

    /**
     * @return audio feature sequences longer than this are cut to their first frames; 0 = never (default;
     *         the reference cuts at 12 s = 600 frames at 50 Hz)
     */
    public int maxAudioFrames() {
        return m_maxAudioFrames;
    }

    /**
     * @return AuxFormer (2022) only: probability that a batch's audio is zeroed, and otherwise that its
     *         visual input is zeroed (default 0.2)
     */
    public float modalityDropout() {
        return m_modalityDropout;
    }

    /**
     * @return the threads asked for (0 = default). It no longer reaches the training's arithmetic: the trainer
     *         computes with {@link AuxFormerTrainer#TRAINING_THREADS} intra-op thread(s) whatever this says, so that
     *         the same clips, settings and seed give the same model bytes on any machine and thread count. Kept
     *         so that existing settings still load.
     */
    public int threads() {
        return m_threads;
    }

    /** Builder; every setter checks its value and names the setting when it is wrong. */
    public static final class Builder {
        private int m_epochs = 20;

        private int m_batchSize = 32;

        private float m_learningRate = Float.NaN;

        private float m_beta1 = 0.95f;

        private float m_beta2 = 0.999f;

        private float m_weightDecay = 5e-7f;

        private float m_reconstructionWeight = Float.NaN;

        private boolean m_classWeights;

        private int m_patience;

        private long m_seed;

        private String m_device = "auto";

        private int m_maxAudioFrames;

        private float m_modalityDropout = 0.2f;

        private int m_threads;

        private Builder() {
        }

        public Builder epochs(final int v) {
            m_epochs = check("Epochs", v, 1, 100_000);
            return this;
        }

        public Builder batchSize(final int v) {
            m_batchSize = check("Batch size", v, 1, 100_000);
            return this;
        }

        /** @param v positive, or NaN for the architecture's default */
        public Builder learningRate(final float v) {
            if (!Float.isNaN(v) && !(v > 0 && v < 10)) {
                throw new IllegalArgumentException("Learning rate must be positive (got " + v + ").");
            }
            m_learningRate = v;
            return this;
        }

        public Builder betas(final float beta1, final float beta2) {
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException(
                    "Adam betas must lie in [0, 1) (got " + beta1 + ", " + beta2 + ").");
            }
            m_beta1 = beta1;
            m_beta2 = beta2;
            return this;
        }

        public Builder weightDecay(final float v) {
            if (!(v >= 0 && v < 1)) {
                throw new IllegalArgumentException("Weight decay must lie in [0, 1) (got " + v + ").");
            }
            m_weightDecay = v;
            return this;
        }

        /** @param v non-negative, or NaN for the task's default */
        public Builder reconstructionWeight(final float v) {
            if (!Float.isNaN(v) && !(v >= 0 && v < 1e6)) {
                throw new IllegalArgumentException("Reconstruction weight must not be negative (got " + v + ").");
            }
            m_reconstructionWeight = v;
            return this;
        }

        public Builder classWeights(final boolean v) {
            m_classWeights = v;
            return this;
        }

        public Builder patience(final int v) {
            m_patience = check("Early stopping patience", v, 0, 100_000);
            return this;
        }

        public Builder seed(final long v) {
            m_seed = v;
            return this;
        }

        public Builder device(final String v) {
            m_device = v == null ? "auto" : v;
            return this;
        }

        public Builder maxAudioFrames(final int v) {
            m_maxAudioFrames = check("Maximum audio frames", v, 0, Integer.MAX_VALUE);
            return this;
        }

        public Builder modalityDropout(final float v) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("Modality dropout must lie in [0, 1] (got " + v + ").");
            }
            m_modalityDropout = v;
            return this;
        }

        public Builder threads(final int v) {
            m_threads = check("Threads", v, 0, 4096);
            return this;
        }

        private static int check(final String name, final int v, final int min, final int max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must lie in [" + min + ", " + max + "] (got " + v + ").");
            }
            return v;
        }

        public TrainingSettings build() {
            return new TrainingSettings(this);
        }
    }
}
