package org.vavl.core.features;

import java.util.Arrays;
import java.util.List;

import org.vavl.core.features.ModelFaceEncoder.ChannelOrder;
import org.vavl.core.settings.RecordSettings;
import org.vavl.core.settings.Setting;

/**
 * How a user's image model is applied to the frames of a face track ({@link ModelFaceEncoder#open}), each setting
 * stated once (the Face Encoder node's settings models and dialog are derived from the same objects). The
 * normalisation's mean and std are three numbers (R, G, B) written as text, as a node saves them.
 *
 * @param inputSize side of the square model input in pixels
 * @param channelOrder order of the colour planes the model expects
 * @param mean mean of R, G, B, e.g. "0.485, 0.456, 0.406" (ImageNet)
 * @param std std of R, G, B, e.g. "0.229, 0.224, 0.225" (ImageNet), each positive
 * @param framesPerBatch frames per model call
 */
public record FaceModelSettings(int inputSize, ChannelOrder channelOrder, String mean, String std,
    int framesPerBatch) {

    /** Side of the model input in pixels. */
    public static final Setting<Integer> INPUT_SIZE = Setting.integer("inputSize",
        ModelFaceEncoder.DEFAULT_INPUT_SIZE, 8, 2048).withKey("input size").withLabel("Input size (pixels)");

    /** Order of the colour planes, saved as "RGB" / "BGR". */
    public static final Setting<ChannelOrder> CHANNEL_ORDER = Setting.choice("channelOrder", ChannelOrder.class,
        ChannelOrder.RGB, ChannelOrder::name).withKey("channel order").withLabel("Channel order");

    /** Normalisation mean of R, G, B (ImageNet's by default). */
    public static final Setting<String> MEAN = Setting.text("mean", "0.485, 0.456, 0.406")
        .withKey("normalisation mean").withLabel("Normalisation mean (R, G, B)");

    /** Normalisation std of R, G, B (ImageNet's by default). */
    public static final Setting<String> STD = Setting.text("std", "0.229, 0.224, 0.225")
        .withKey("normalisation std").withLabel("Normalisation std (R, G, B)");

    /** Frames per model call. */
    public static final Setting<Integer> FRAMES_PER_BATCH = Setting.integer("framesPerBatch",
        ModelFaceEncoder.DEFAULT_FRAMES_PER_BATCH, 1, 1024).withKey("frames per batch").withLabel("Frames per batch");

    /** All settings, in the record's order. */
    public static final RecordSettings<FaceModelSettings> SETTINGS = RecordSettings.of(FaceModelSettings.class,
        INPUT_SIZE, CHANNEL_ORDER, MEAN, STD, FRAMES_PER_BATCH);

    /** Checks that the mean and the std are three numbers, the std positive. */
    public FaceModelSettings {
        triple(mean, MEAN, false);
        triple(std, STD, true);
    }

    /** @return the mean of R, G, B */
    public float[] meanValues() {
        return triple(mean, MEAN, false);
    }

    /** @return the std of R, G, B */
    public float[] stdValues() {
        return triple(std, STD, true);
    }

    /** @return three values (R, G, B) of a "a, b, c" text, or an error naming the setting */
    private static float[] triple(final String text, final Setting<String> setting, final boolean positive) {
        final String key = setting.key();
        final List<String> values = Arrays.stream(text == null ? new String[0] : text.split("[,;\\s]+"))
            .filter(p -> !p.isBlank()).toList();
        if (values.size() != 3) {
            throw new IllegalArgumentException("Setting '" + key + "' needs three numbers for R, G, B (e.g. 0.485,"
                + " 0.456, 0.406), got '" + text + "'.");
        }
        final float[] out = new float[3];
        for (int i = 0; i < 3; i++) {
            try {
                out[i] = Float.parseFloat(values.get(i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Setting '" + key + "': '" + values.get(i) + "' is not a number.",
                    e);
            }
            if (!Float.isFinite(out[i]) || (positive && !(out[i] > 0))) {
                throw new IllegalArgumentException("Setting '" + key + "': " + values.get(i) + " must be a "
                    + (positive ? "positive" : "finite") + " number.");
            }
        }
        return out;
    }
}
