package org.vavl.core.demo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Animates the public-domain astronaut portrait ({@code astronaut.png}, NASA, in this package's
 * resources) into a talking face with an emotion.
 *
 * <p>Expressions are smooth displacement fields (sums of Gaussian-weighted displacements of "handles"
 * at the brows, eyelids, lip corners, lips, nose and chin of the face in the 512x512 portrait, whose face
 * box is [177, 67, 93, 93]) grouped like FACS action units: inner/outer brow raiser, brow lowerer, upper
 * lid raiser, lid tightener, lip corner puller, lip corner depressor, lip presser, upper lip raiser, lip
 * stretcher, jaw drop. An emotion is a weighted mix of units (angry: brow lowerer, lid tightener, lip
 * presser; sad: inner brow raiser, lip corner depressor; fear: brow raisers, upper lid raiser, lip
 * stretcher, jaw drop; disgust: upper lip raiser, brow lowerer; happy: lip corner puller; neutral: lip
 * presser and a little depressor, which flatten the portrait's smile). The field of a frame mixes the
 * expression (at the clip's intensity, with the speaker's resting expression and per-clip noise), the jaw
 * opening that follows the voice's syllables, and blinks; {@code remap} applies it to the face region,
 * then {@code warpAffine} places the portrait in the frame with the speaker's size, position, aspect
 * and mirroring and the head motion of the moment.
 *
 * <p>Not thread safe (one per thread); deterministic.
 */
final class DemoFaceAnimator implements AutoCloseable {

    /** The face box of the portrait that OpenCV's frontal-face cascade finds: x, y, width, height. */
    static final int[] FACE_BOX = {177, 67, 93, 93};

    static final double FACE_CX = 223.5;

    static final double FACE_CY = 113.5;

    /** Region of the portrait that expressions change. */
    private static final int RX = 150;

    private static final int RY = 62;

    private static final int RW = 150;

    private static final int RH = 132;

    /** Action units: name -> handles {x, y, dx, dy, sigma}. */
    enum Unit {
        INNER_BROW_RAISE(new double[][] {{213, 91, 0, -5, 6}, {236, 91, 0, -5, 6}, {205, 90, 0, -2, 6},
            {244, 90, 0, -2, 6}}),
        OUTER_BROW_RAISE(new double[][] {{194, 91, 0, -4, 7}, {256, 92, 0, -4, 7}, {203, 89, 0, -3, 6},
            {246, 90, 0, -3, 6}}),
        BROW_LOWER(new double[][] {{213, 92, 3.5, 5, 6}, {236, 92, -3.5, 5, 6}, {203, 90, 1, 3, 6},
            {246, 90, -1, 3, 6}, {224, 97, 0, 1.5, 5}}),
        UPPER_LID_RAISE(new double[][] {{205, 97, 0, -3, 4.5}, {246, 98, 0, -3, 4.5}, {205, 106, 0, 1, 4},
            {246, 107, 0, 1, 4}}),
        LID_TIGHTEN(new double[][] {{205, 97, 0, 1.8, 4.5}, {246, 98, 0, 1.8, 4.5}, {205, 106, 0, -2, 4},
            {246, 107, 0, -2, 4}}),
        LIP_CORNER_PULL(new double[][] {{203, 141, -2.5, -3.5, 6}, {245, 141, 2.5, -3.5, 6}}),
        LIP_CORNER_DEPRESS(new double[][] {{203, 143, 1.5, 6.5, 9}, {245, 143, -1.5, 6.5, 9},
            {224, 153, 0, -1.5, 6}}),
        LIP_PRESS(new double[][] {{224, 139, 0, 3.5, 7}, {224, 151, 0, -5, 7}, {212, 140, 0, 2, 5},
            {236, 140, 0, 2, 5}, {213, 150, 0, -3.5, 5}, {235, 150, 0, -3.5, 5}, {203, 141, 2, 0, 5},
            {245, 141, -2, 0, 5}}),
        UPPER_LIP_RAISE(new double[][] {{220, 138, 0, -4.5, 6}, {232, 139, 0, -3, 6}, {215, 128, 0, -2.5, 5},
            {233, 128, 0, -1.5, 5}, {224, 122, 0, -1, 6}, {203, 142, 0, 2, 5}}),
        LIP_STRETCH(new double[][] {{203, 141, -4, 1.5, 6}, {245, 141, 4, 1.5, 6}}),
        JAW_DROP(new double[][] {{224, 152, 0, 4, 8}, {224, 168, 0, 5, 12}, {210, 160, 0, 3, 9},
            {238, 160, 0, 3, 9}});

        final double[][] m_handles;

        Unit(final double[][] handles) {
            m_handles = handles;
        }
    }

    /** How much of each unit an emotion shows at full intensity. */
    static final Map<DemoEmotion, double[]> EMOTIONS = new EnumMap<>(DemoEmotion.class);

    static {
        // order of Unit.values()
        //                                          IBR  OBR  BL   ULR  LT   LCP  LCD  LP   ULR2 LS   JD
        EMOTIONS.put(DemoEmotion.ANGRY, new double[] {0, 0, 1.3, 0, 1.1, 0, 0.6, 1.3, 0, 0, 0});
        EMOTIONS.put(DemoEmotion.SAD, new double[] {1.2, 0, 0, 0, 0.5, 0, 1.5, 0.5, 0, 0, 0});
        EMOTIONS.put(DemoEmotion.DISGUST, new double[] {0, 0, 0.7, 0, 0.6, 0, 0.6, 0, 1.3, 0, 0});
        EMOTIONS.put(DemoEmotion.FEAR, new double[] {1.0, 0.9, 0, 1.3, 0, 0, 0, 0, 0, 1.1, 0.5});
        EMOTIONS.put(DemoEmotion.NEUTRAL, new double[] {0, 0, 0, 0, 0, 0, 0.35, 0.8, 0, 0, 0});
        EMOTIONS.put(DemoEmotion.HAPPY, new double[] {0, 0.2, 0, 0, 0.3, 1.1, 0, 0, 0, 0, 0});
    }

    /** Size, place and colour of a speaker's face in the frame. */
    record Look(double faceWidth, double centerX, double centerY, double aspect, boolean mirrored, double[] gains,
        double brightness, double[] restingUnits, double motion) {
    }

    private static final float[][] UNIT_FIELDS = new float[Unit.values().length * 2][];

    private static final byte[] PORTRAIT;

    static {
        try (InputStream in = DemoFaceAnimator.class.getResourceAsStream("astronaut.png")) {
            if (in == null) {
                throw new IllegalStateException("astronaut.png is missing from the org.vavl.core bundle");
            }
            final BufferedImage img = ImageIO.read(in);
            final BufferedImage bgr = new BufferedImage(512, 512, BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(img, 0, 0, null);
            PORTRAIT = ((DataBufferByte)bgr.getRaster().getDataBuffer()).getData();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read astronaut.png: " + e.getMessage(), e);
        }
        final Unit[] units = Unit.values();
        for (int u = 0; u < units.length; u++) {
            final float[] fx = new float[RW * RH];
            final float[] fy = new float[RW * RH];
            for (double[] h : units[u].m_handles) {
                final double inv = 1 / (2 * h[4] * h[4]);
                final int r = (int)Math.ceil(3.5 * h[4]);
                for (int y = Math.max(RY, (int)h[1] - r); y < Math.min(RY + RH, (int)h[1] + r); y++) {
                    for (int x = Math.max(RX, (int)h[0] - r); x < Math.min(RX + RW, (int)h[0] + r); x++) {
                        final double d2 = (x - h[0]) * (x - h[0]) + (y - h[1]) * (y - h[1]);
                        final double w = Math.exp(-d2 * inv);
                        final int i = (y - RY) * RW + (x - RX);
                        fx[i] += (float)(w * h[2]);
                        fy[i] += (float)(w * h[3]);
                    }
                }
            }
            UNIT_FIELDS[2 * u] = fx;
            UNIT_FIELDS[2 * u + 1] = fy;
        }
    }

    private final int m_width;

    private final int m_height;

    private final Mat m_source = new Mat(512, 512, opencv_core.CV_8UC3);

    private final Mat m_work = new Mat(512, 512, opencv_core.CV_8UC3);

    private final Mat m_region = new Mat(RH, RW, opencv_core.CV_8UC3);

    private final Mat m_mapX = new Mat(RH, RW, opencv_core.CV_32FC1);

    private final Mat m_mapY = new Mat(RH, RW, opencv_core.CV_32FC1);

    private final Mat m_affine = new Mat(2, 3, opencv_core.CV_64FC1);

    private final Mat m_frame;

    private final Rect m_regionRect = new Rect(RX, RY, RW, RH);

    private final Size m_size;

    private final Scalar m_border = new Scalar(0, 0, 0, 0);

    private final float[] m_expX = new float[RW * RH];

    private final float[] m_expY = new float[RW * RH];

    private final float[] m_bufX = new float[RW * RH];

    private final float[] m_bufY = new float[RW * RH];

    private final byte[] m_bgr;

    private Look m_look;

    DemoFaceAnimator(final int width, final int height) {
        m_width = width;
        m_height = height;
        m_frame = new Mat(height, width, opencv_core.CV_8UC3);
        m_size = new Size(width, height);
        m_bgr = new byte[width * height * 3];
    }

    /** A speaker's look, drawn from {@code r}. */
    static Look randomLook(final Random r, final int width, final int height) {
        final double faceWidth = Math.min(width, height) * (0.30 + 0.12 * r.nextDouble());
        final double cx = width / 2.0 + (r.nextDouble() - 0.5) * width * 0.18;
        final double cy = height * (0.44 + (r.nextDouble() - 0.5) * 0.12);
        final double[] gains = {0.85 + 0.3 * r.nextDouble(), 0.85 + 0.3 * r.nextDouble(), 0.85 + 0.3 * r.nextDouble()};
        final double[] resting = new double[Unit.values().length];
        for (int i = 0; i < resting.length; i++) {
            resting[i] = 0.12 * r.nextGaussian();
        }
        return new Look(faceWidth, cx, cy, 0.9 + 0.2 * r.nextDouble(), r.nextBoolean(), gains,
            -18 + 36 * r.nextDouble(), resting, 0.6 + 0.8 * r.nextDouble());
    }

    /**
     * Prepares a clip: the speaker's look, with per-clip lighting jitter, and the clip's expression.
     *
     * @param units how much of each {@link Unit} the clip shows (emotion x intensity + resting + noise)
     */
    void startClip(final Look look, final double[] units, final Random r) {
        m_look = look;
        final double light = 0.06 * r.nextGaussian();
        final byte[] src = new byte[PORTRAIT.length];
        final double[] gains = look.gains();
        final double bright = look.brightness() + 6 * r.nextGaussian();
        for (int i = 0; i < src.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                final double v = (PORTRAIT[i + c] & 0xff) * gains[c] * (1 + light) + bright;
                src[i + c] = (byte)Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        m_source.data().put(src);
        java.util.Arrays.fill(m_expX, 0);
        java.util.Arrays.fill(m_expY, 0);
        for (int u = 0; u < units.length; u++) {
            if (units[u] != 0) {
                addScaled(m_expX, UNIT_FIELDS[2 * u], (float)units[u]);
                addScaled(m_expY, UNIT_FIELDS[2 * u + 1], (float)units[u]);
            }
        }
    }

    private static void addScaled(final float[] acc, final float[] field, final float k) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += k * field[i];
        }
    }

    /**
     * Renders a frame.
     *
     * @param expression how much of the clip's expression shows (0..1)
     * @param jaw jaw opening of speech (0..1)
     * @param blink eyelid closure (0..1)
     * @param angleDeg head roll in degrees
     * @param dx horizontal head shift in frame pixels
     * @param dy vertical head shift in frame pixels
     * @return the frame as packed BGR bytes (reused between calls)
     */
    byte[] render(final double expression, final double jaw, final double blink, final double angleDeg,
        final double dx, final double dy) {
        final int jawX = 2 * Unit.JAW_DROP.ordinal();
        final int lid = 2 * Unit.LID_TIGHTEN.ordinal();
        final float e = (float)expression;
        final float j = (float)(jaw * 0.9);
        final float b = (float)(blink * 2.2);
        final float[] jx = UNIT_FIELDS[jawX];
        final float[] jy = UNIT_FIELDS[jawX + 1];
        final float[] lx = UNIT_FIELDS[lid];
        final float[] ly = UNIT_FIELDS[lid + 1];
        for (int y = 0, i = 0; y < RH; y++) {
            for (int x = 0; x < RW; x++, i++) {
                // backward map: the pixel at p shows the portrait at p - D(p)
                m_bufX[i] = RX + x - (e * m_expX[i] + j * jx[i] + b * lx[i]);
                m_bufY[i] = RY + y - (e * m_expY[i] + j * jy[i] + b * ly[i]);
            }
        }
        ((FloatBuffer)m_mapX.createBuffer()).put(m_bufX);
        ((FloatBuffer)m_mapY.createBuffer()).put(m_bufY);
        opencv_imgproc.remap(m_source, m_region, m_mapX, m_mapY, opencv_imgproc.INTER_LINEAR,
            opencv_core.BORDER_REPLICATE, m_border);
        m_source.copyTo(m_work);
        try (Mat roi = m_work.apply(m_regionRect)) {
            m_region.copyTo(roi);
        }
        // portrait -> frame: scale the face box to the speaker's face width, roll, mirror, place
        final Look look = m_look;
        final double s = look.faceWidth() / FACE_BOX[2];
        final double sx = s * look.aspect() * (look.mirrored() ? -1 : 1);
        final double sy = s;
        final double a = Math.toRadians(angleDeg);
        final double cos = Math.cos(a);
        final double sin = Math.sin(a);
        // out = R * diag(sx, sy) * (q - c) + t
        final double m00 = cos * sx;
        final double m01 = -sin * sy;
        final double m10 = sin * sx;
        final double m11 = cos * sy;
        final double tx = look.centerX() + dx - (m00 * FACE_CX + m01 * FACE_CY);
        final double ty = look.centerY() + dy - (m10 * FACE_CX + m11 * FACE_CY);
        final DoubleIndexer idx = m_affine.createIndexer();
        idx.put(0, 0, m00).put(0, 1, m01).put(0, 2, tx).put(1, 0, m10).put(1, 1, m11).put(1, 2, ty);
        idx.close();
        opencv_imgproc.warpAffine(m_work, m_frame, m_affine, m_size, opencv_imgproc.INTER_LINEAR,
            opencv_core.BORDER_REFLECT, m_border);
        m_frame.data().get(m_bgr);
        return m_bgr;
    }

    int width() {
        return m_width;
    }

    int height() {
        return m_height;
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {m_source, m_work, m_region, m_mapX, m_mapY, m_affine, m_frame}) {
            m.close();
        }
        m_regionRect.close();
        m_size.close();
        m_border.close();
    }
}
