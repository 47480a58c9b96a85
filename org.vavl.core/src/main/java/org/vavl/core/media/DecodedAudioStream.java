package org.vavl.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.CancelledException;

/**
 * The bytes of a mono WAV data chunk, pulled from a started {@link FFmpegFrameGrabber} one audio frame at
 * a time: only the current frame is held, so memory does not depend on the clip's length.
 *
 * <p>The grabber delivers packed 32-bit float samples already resampled by FFmpeg (libswresample) to the
 * target rate; this stream averages the channels into mono, converts to the output sample format,
 * measures the levels, stops at the maximum sample count and polls cancellation once per frame.
 * Failures surface as {@link Failure}, an {@link IOException} (what {@code AudioSystem.write} passes
 * through) that carries the real cause.
 */
final class DecodedAudioStream extends InputStream {

    /** Carries a decoding failure or a cancellation through {@code javax.sound.sampled}. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        Failure(final Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final FFmpegFrameGrabber m_grabber;

    private final AudioSampleFormat m_format;

    private final long m_maxSamples;

    private final CancelToken m_cancel;

    private final AudioLevels m_levels = new AudioLevels();

    private ByteBuffer m_bytes = ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);

    private boolean m_ended;

    private boolean m_cutAtMaximum;

    private final byte[] m_one = new byte[1];

    /**
     * @param grabber started, with sample format {@code AV_SAMPLE_FMT_FLT} (packed) and the target rate
     * @param maxSamples stop after this many samples; {@code Long.MAX_VALUE} for no limit
     */
    DecodedAudioStream(final FFmpegFrameGrabber grabber, final AudioSampleFormat format, final long maxSamples,
        final CancelToken cancel) {
        m_grabber = grabber;
        m_format = format;
        m_maxSamples = maxSamples;
        m_cancel = cancel;
        m_bytes.limit(0);
    }

    /** @return levels of everything delivered so far */
    AudioLevels levels() {
        return m_levels;
    }

    /** @return true when the stream stopped at the maximum sample count before the audio ended */
    boolean cutAtMaximum() {
        return m_cutAtMaximum;
    }

    @Override
    public int read() throws IOException {
        return read(m_one, 0, 1) < 0 ? -1 : m_one[0] & 0xff;
    }

    @Override
    public int read(final byte[] b, final int off, final int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!m_bytes.hasRemaining()) {
            if (m_ended || !fill()) {
                m_ended = true;
                return -1;
            }
        }
        final int n = Math.min(len, m_bytes.remaining());
        m_bytes.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return m_bytes.remaining();
    }

    /** Decodes the next audio frame into {@link #m_bytes}; false at the end. */
    private boolean fill() throws IOException {
        if (m_cancel.isCancelled()) {
            throw new Failure(new CancelledException());
        }
        if (m_levels.samples() >= m_maxSamples) {
            return false;
        }
        final Frame frame;
        try {
            frame = m_grabber.grabSamples();
        } catch (Exception e) {
            throw new Failure(e);
        }
        if (frame == null || frame.samples == null) {
            return false;
        }
        final int channels = Math.max(1, frame.audioChannels);
        final Buffer[] planes = frame.samples;
        if (!(planes[0] instanceof FloatBuffer)) {
            throw new Failure(new IllegalStateException("FFmpeg delivered " + planes[0].getClass().getSimpleName()
                + " samples where 32-bit float was requested"));
        }
        final boolean planar = planes.length > 1;
        final FloatBuffer[] in = new FloatBuffer[planes.length];
        for (int i = 0; i < planes.length; i++) {
            in[i] = (FloatBuffer)planes[i];
        }
        final int base0 = in[0].position();
        long frameSamples = planar ? in[0].remaining() : in[0].remaining() / channels;
        if (m_levels.samples() + frameSamples >= m_maxSamples) {
            frameSamples = m_maxSamples - m_levels.samples();
            m_cutAtMaximum = true;
        }
        final int count = (int)frameSamples;
        final int need = count * m_format.bytesPerSample();
        if (m_bytes.capacity() < need) {
            m_bytes = ByteBuffer.allocate(Math.max(need, 2 * m_bytes.capacity())).order(ByteOrder.LITTLE_ENDIAN);
        }
        m_bytes.clear();
        final float scale = 1f / channels;
        for (int s = 0; s < count; s++) {
            float sum = 0;
            if (planar) {
                for (int c = 0; c < channels; c++) {
                    sum += in[c].get(in[c].position() + s);
                }
            } else {
                final int at = base0 + s * channels;
                for (int c = 0; c < channels; c++) {
                    sum += in[0].get(at + c);
                }
            }
            final float mono = channels == 1 ? sum : sum * scale;
            if (m_format == AudioSampleFormat.PCM_16) {
                final short q = toPcm16(mono);
                m_bytes.putShort(q);
                m_levels.add(q / 32768f);
            } else {
                m_bytes.putFloat(mono);
                m_levels.add(mono);
            }
        }
        m_bytes.flip();
        return true;
    }

    /** Rounds a full-scale float to 16 bits as FFmpeg does (x * 32768, saturated). */
    static short toPcm16(final float x) {
        final long v = Math.round(x * 32768.0);
        return (short)Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }
}
