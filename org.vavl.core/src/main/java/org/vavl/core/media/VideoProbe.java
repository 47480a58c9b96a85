package org.vavl.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.InputFiles;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipWorkPool;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Progress;

/**
 * Probes one clip file with FFmpeg (through JavaCV's {@link FFmpegFrameGrabber}) without decoding it:
 * container and stream information, the video frames counted by reading the packets (demuxing only), and
 * the first frame decoded to prove the video data is readable.
 *
 * <p>Checks, each failing with a {@link ClipException} whose message names the clip, the file and the
 * problem: missing file, a folder instead of a file, unreadable file, zero-byte file, a text file (e.g.
 * an error page saved as {@code .mp4}), a truncated or corrupt file (the container's index or header is
 * missing, fewer frames can be read than the index lists, the readable data ends well before the stated
 * duration, or a read error), a file without a video stream, a video stream without frames, and a first
 * frame that cannot be decoded.
 *
 * <p>Cost: opening the file plus one pass over its packets (no decoding except the first frame): a
 * few milliseconds for a short clip. Thread safe: each call uses its own FFmpeg contexts.
 */
public final class VideoProbe {

    /** How far (seconds) the readable packets may end before the stated duration before a clip counts as truncated. */
    static final double TRUNCATION_TOLERANCE_S = 0.5;

    static {
        FfmpegLog.quiet();
    }

    private VideoProbe() {
    }

    /** @return the clip id of a file: its name without the last extension */
    public static String clipId(final Path file) {
        final String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Probes many clips in parallel.
     *
     * @param files the clips, in output order (each clip's id is {@link #clipId its file's base name})
     * @param threads worker threads
     * @param onError fail on the first clip that cannot be read, or skip it and report why in its outcome
     * @param progress progress per clip and cancellation (polled while packets are read)
     * @return one outcome per file, in order
     * @throws ClipException the first failing clip's problem, with {@link OnError#FAIL}
     * @throws CancelledException when cancelled
     */
    public static List<Outcome<ClipInfo>> probeAll(final List<Path> files, final int threads, final OnError onError,
        final Progress progress) throws ClipException, CancelledException {
        return ClipWorkPool.run(files, threads, VideoProbe::clipId, VideoProbe::probe, onError, progress);
    }

    /** Probes a clip; see the class comment. */
    public static ClipInfo probe(final Path file) throws ClipException {
        try {
            return probe(file, new CancelToken());
        } catch (CancelledException e) {
            throw new IllegalStateException("not cancellable", e);
        }
    }

    /**
     * Probes a clip; see the class comment.
     *
     * @param cancel polled while the packets are read
     */
    public static ClipInfo probe(final Path file, final CancelToken cancel) throws ClipException, CancelledException {
        final Path abs = file.toAbsolutePath().normalize();
        final String id = clipId(abs);
        InputFiles.check(id, abs, "video file");

        final FFmpegFrameGrabber g = new FFmpegFrameGrabber(abs.toFile());
        try {
            try {
                g.startUnsafe(true);
            } catch (Exception e) {
                throw openFailure(id, abs, e);
            }
            final AVFormatContext fc = g.getFormatContext();
            int video = -1;
            int audio = -1;
            for (int i = 0; i < fc.nb_streams(); i++) {
                final AVStream st = fc.streams(i);
                final int type = st.codecpar().codec_type();
                if (type == avutil.AVMEDIA_TYPE_VIDEO && video < 0
                    && (st.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                    video = i;
                } else if (type == avutil.AVMEDIA_TYPE_AUDIO && audio < 0) {
                    audio = i;
                }
            }
            if (video < 0) {
                throw fail(id, abs, "has no video stream" + (audio >= 0 ? " (audio only)" : "")
                    + ": the Video Reader reads video files; remove it from the folder or the file pattern");
            }
            final AVStream vs = fc.streams(video);
            final AVCodecParameters vp = vs.codecpar();
            final String codec = avcodec.avcodec_get_name(vp.codec_id()).getString();
            final int width = vp.width();
            final int height = vp.height();
            double fps = q2d(vs.avg_frame_rate());
            if (!(fps > 0) || fps > 1000) {
                fps = q2d(vs.r_frame_rate());
            }
            if (width <= 0 || height <= 0) {
                throw fail(id, abs, "has a video stream (" + codec + ") without a frame size: the video data is "
                    + "corrupt or the codec is not supported");
            }

            // prove the video data decodes: the first frame
            final Frame first;
            try {
                first = g.grabImage();
            } catch (Exception e) {
                throw fail(id, abs, "is corrupt: its first video frame cannot be decoded (" + e.getMessage() + ")");
            }
            if (first == null || first.image == null) {
                throw fail(id, abs, "has no decodable video frame (empty or corrupt video stream)");
            }

            // count the video frames and find where the readable data ends: packets only, no decoding
            final PacketScan scan;
            long indexFromFile = -1;
            if (rewind(fc, video)) {
                final long before = avformat.avformat_index_get_entries_count(vs);
                scan = scan(fc, video, cancel);
                // an index that reading did not extend was read from the file (an AVI's idx1, complete)
                if (before > 0 && avformat.avformat_index_get_entries_count(vs) == before) {
                    indexFromFile = before;
                }
            } else {
                // a file that cannot seek back: read its packets through a second, fresh context
                final FFmpegFrameGrabber g2 = new FFmpegFrameGrabber(abs.toFile());
                try {
                    g2.startUnsafe(false);
                    scan = scan(g2.getFormatContext(), video, cancel);
                } catch (Exception e) {
                    throw fail(id, abs, "cannot be read a second time (" + e.getMessage() + ")");
                } finally {
                    releaseQuietly(g2);
                }
            }
            if (scan.readError != null) {
                throw fail(id, abs, String.format(Locale.ROOT,
                    "is truncated or corrupt: reading stopped after %d video frames (%.2f s) with the error '%s'",
                    scan.videoPackets, scan.endSeconds, scan.readError));
            }
            if (scan.videoPackets == 0) {
                throw fail(id, abs, "has a video stream without frames");
            }
            // frames the file promises with data. An AVI's header counts its drop frames too (empty index entries:
            // the previous picture shown again, e.g. 376 of them in OpenCV's tree.avi), which FFmpeg leaves out of
            // its index and never returns: when the AVI's own index was read (complete: it is written last, so a
            // cut file has none and FFmpeg builds one while reading), its entries are the frames to expect
            final boolean isAvi = g.getFormat() != null && g.getFormat().contains("avi");
            final long indexed = isAvi && indexFromFile > 0 ? Math.min(vs.nb_frames(), indexFromFile) : vs.nb_frames();
            if (indexed > 0 && scan.videoPackets < indexed) {
                throw fail(id, abs, String.format(Locale.ROOT,
                    "is truncated: its index lists %d video frames but only %d can be read (data ends at %.2f s); "
                        + "copy or export the file again",
                    indexed, scan.videoPackets, scan.endSeconds));
            }
            double duration = fc.duration() > 0 ? fc.duration() / (double)avutil.AV_TIME_BASE : -1;
            final boolean isFlv = g.getFormat() != null && g.getFormat().contains("flv");
            if (isFlv) {
                final long stated = flvStatedFileSize(abs);
                final long actual = fileSize(abs);
                if (stated > 0 && actual < stated) {
                    throw fail(id, abs, String.format(Locale.ROOT,
                        "is truncated: its header states %d bytes but the file has %d (data ends at %.2f s, %d "
                            + "video frames); copy or export the file again",
                        stated, actual, scan.endSeconds, scan.videoPackets));
                }
            }
            // the duration in the header of an FLV is often wrong (some writers add an audio frame size in
            // samples as milliseconds), so FLVs are checked by their stated file size instead
            final boolean statedDuration = duration > 0 && !isFlv
                && fc.duration_estimation_method() != avformat.AVFMT_DURATION_FROM_BITRATE;
            if (statedDuration && scan.endSeconds >= 0
                && scan.endSeconds < duration - Math.max(TRUNCATION_TOLERANCE_S, 3 / Math.max(1, fps))) {
                throw fail(id, abs, String.format(Locale.ROOT,
                    "is truncated: it states a duration of %.2f s but its data ends at %.2f s (%d video frames); "
                        + "copy or export the file again",
                    duration, scan.endSeconds, scan.videoPackets));
            }
            if (!(duration > 0)) {
                duration = scan.endSeconds > 0 ? scan.endSeconds : scan.videoPackets / Math.max(1e-9, fps);
            }
            if (!(fps > 0)) {
                fps = scan.videoPackets / duration;
            }

            boolean hasAudio = false;
            int sampleRate = 0;
            int channels = 0;
            if (audio >= 0) {
                final AVCodecParameters ap = fc.streams(audio).codecpar();
                hasAudio = true;
                sampleRate = ap.sample_rate();
                channels = ap.ch_layout().nb_channels();
            }
            // as players show it: a phone clip's display matrix turns the picture (and swaps its sides)
            final int rotation = DisplayRotation.of(g);
            final boolean sideways = rotation == 90 || rotation == 270;
            return new ClipInfo(id, abs, duration, fps, scan.videoPackets, sideways ? height : width,
                sideways ? width : height, codec, hasAudio, sampleRate, channels, rotation);
        } finally {
            releaseQuietly(g);
        }
    }

    private static void releaseQuietly(final FFmpegFrameGrabber g) {
        try {
            g.releaseUnsafe();
        } catch (Exception e) {
            // ignored: called once the probe is done or a failure is being thrown; nothing is left to release
        }
    }

    private static final class PacketScan {
        long videoPackets;

        /** end of the last packet of any stream, seconds from the clip's start; -1 when no timestamps */
        double endSeconds = -1;

        String readError;
    }

    private static PacketScan scan(final AVFormatContext fc, final int video, final CancelToken cancel)
        throws CancelledException {
        final PacketScan scan = new PacketScan();
        final double start = fc.start_time() != avutil.AV_NOPTS_VALUE ? fc.start_time() / (double)avutil.AV_TIME_BASE : 0;
        final AVPacket pkt = avcodec.av_packet_alloc();
        try {
            int ret;
            long n = 0;
            while ((ret = avformat.av_read_frame(fc, pkt)) >= 0) {
                try {
                    final int si = pkt.stream_index();
                    final AVStream st = fc.streams(si);
                    final long ts = pkt.pts() != avutil.AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                    if (ts != avutil.AV_NOPTS_VALUE) {
                        final double end = (ts + Math.max(0, pkt.duration())) * q2d(st.time_base()) - start;
                        scan.endSeconds = Math.max(scan.endSeconds, end);
                    }
                    if (si == video) {
                        scan.videoPackets++;
                    }
                } finally {
                    avcodec.av_packet_unref(pkt);
                }
                if ((++n & 255) == 0) {
                    cancel.check();
                }
            }
            if (ret != avutil.AVERROR_EOF) {
                scan.readError = FfmpegLog.errorText(ret);
            }
        } finally {
            avcodec.av_packet_free(pkt);
        }
        return scan;
    }

    /** Back to the first packet after the first frame was decoded; false when the file cannot seek. */
    private static boolean rewind(final AVFormatContext fc, final int video) {
        final AVStream vs = fc.streams(video);
        final long startTs = vs.start_time() != avutil.AV_NOPTS_VALUE ? vs.start_time() : 0;
        int ret = avformat.av_seek_frame(fc, video, startTs, avformat.AVSEEK_FLAG_BACKWARD);
        if (ret < 0) {
            final long start = fc.start_time() != avutil.AV_NOPTS_VALUE ? fc.start_time() : 0;
            ret = avformat.avformat_seek_file(fc, -1, Long.MIN_VALUE, start, start, 0);
        }
        avformat.avformat_flush(fc);
        return ret >= 0;
    }

    /** @return the "filesize" number of an FLV's onMetaData tag, or -1 when it has none */
    static long flvStatedFileSize(final Path file) {
        final byte[] h = readHead(file, 2048);
        final byte[] key = {0x00, 0x08, 'f', 'i', 'l', 'e', 's', 'i', 'z', 'e', 0x00};
        for (int i = 0; i + key.length + 8 <= h.length; i++) {
            boolean match = true;
            for (int k = 0; k < key.length && match; k++) {
                match = h[i + k] == key[k];
            }
            if (match) {
                final double v = java.nio.ByteBuffer.wrap(h, i + key.length, 8).getDouble();
                return v > 0 && v < 1e15 ? (long)v : -1;
            }
        }
        return -1;
    }

    private static long fileSize(final Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static double q2d(final AVRational r) {
        return r == null || r.den() == 0 ? 0 : r.num() / (double)r.den();
    }

    /** Names the problem of a file FFmpeg cannot open, from a look at its first bytes. */
    private static ClipException openFailure(final String id, final Path abs, final Exception e) {
        final byte[] head = readHead(abs, 1024);
        final String ffmpeg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (looksLikeText(head)) {
            String start = new String(head, StandardCharsets.UTF_8).strip();
            start = start.length() > 40 ? start.substring(0, 40) + "..." : start;
            start = start.replaceAll("\\s+", " ");
            return fail(id, abs, "is a text file, not a video (it starts with \"" + start
                + "\"): replace it with the real video");
        }
        if (head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return fail(id, abs, "is a truncated or corrupt MP4/MOV file: FFmpeg cannot read its index (moov "
                + "atom); the file was probably not copied or recorded completely - copy or export it again");
        }
        if (head.length >= 3 && head[0] == 'F' && head[1] == 'L' && head[2] == 'V') {
            return fail(id, abs, "is a corrupt FLV file: FFmpeg cannot read its streams (" + ffmpeg + ")");
        }
        return fail(id, abs, "is not a video file FFmpeg can read (unknown or corrupt format; FFmpeg says: "
            + ffmpeg + ")");
    }

    private static byte[] readHead(final Path file, final int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** True when the bytes look like text: no NUL, mostly printable ASCII or UTF-8. */
    static boolean looksLikeText(final byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int printable = 0;
        for (byte b : head) {
            final int c = b & 0xff;
            if (c == 0) {
                return false;
            }
            if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                printable++;
            }
        }
        return printable >= 0.95 * head.length;
    }

    private static ClipException fail(final String id, final Path abs, final String problem) {
        return new ClipException(id, "Clip '" + id + "': the file " + abs + " " + problem + ".");
    }
}
