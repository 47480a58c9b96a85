package org.vavl.core.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.vavl.core.settings.Setting;
import org.vavl.core.util.CancelToken;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipOutputStore;
import org.vavl.core.util.ClipWorkPool;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.InputIdentity;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.InputFiles;
import org.vavl.core.util.Progress;

/**
 * Extracts the audio track of clips (any file FFmpeg reads: .mp4, .flv, .avi, .mkv, .wav, ...) into mono
 * WAV files at a target rate, in-process and streaming.
 *
 * <p>How: FFmpeg (JavaCV's {@link FFmpegFrameGrabber}) decodes the first audio track; FFmpeg's resampler
 * (libswresample, configured through the grabber's {@code setSampleRate} and
 * {@code setSampleFormat(AV_SAMPLE_FMT_FLT)}) converts it to the target rate as 32-bit float; the channels
 * are then averaged into mono (a plain mean, whatever the channel layout; FFmpeg's own float down-mix
 * would weight stereo by 1/&radic;2 instead). Where the container declares the audio track's length
 * (mp4, mov, mkv, ...) the output stops there, which drops the encoder's padding of the last frame;
 * where it does not (FLV, AVI) the output is everything the decoder delivers, as with the ffmpeg
 * command line (MP3 then carries the encoder's delay, about 25 ms). The samples go one decoded frame at a time through an
 * {@link AudioInputStream} into {@link AudioSystem#write}, so memory does not grow with the clip's length.
 *
 * <p>Files: one {@code <clip>.wav} per clip in the output folder (the reference's layout), written to a
 * temporary name and renamed when complete, with the settings and the source file's identity (size,
 * time, content hash: {@link InputIdentity}) recorded beside it ({@link ClipOutputStore}); a re-run skips clips whose file is up to date per the
 * {@link Overwrite} policy and reads their measures back from the file.
 *
 * <p>Thread safe: one extractor may serve many worker threads.
 */
public final class AudioExtractor {

    /** Version of the extraction method, recorded with each file; bump when the output changes. */
    public static final String METHOD = "vavl-audio-1 (FFmpeg swresample, channel mean)";

    /** The reference's cut of long clips, for callers that want it (the default is no limit). */
    public static final double REFERENCE_MAX_SECONDS = 12.0;

    /** A clip to extract: its id (names the output file) and its media file. */
    public record Job(String clipId, Path media) {
        public Job {
            Objects.requireNonNull(clipId, "clipId");
            Objects.requireNonNull(media, "media");
        }
    }

    static {
        FfmpegLog.quiet();
    }

    private final int m_sampleRate;

    private final AudioSampleFormat m_format;

    private final double m_maxSeconds;

    /** 16 kHz, 16-bit PCM, no maximum duration ({@link AudioExtractionSettings#defaults()}). */
    public AudioExtractor() {
        this(AudioExtractionSettings.defaults());
    }

    /** An extractor with the given settings. */
    public AudioExtractor(final AudioExtractionSettings settings) {
        this(settings.sampleRate(), settings.sampleFormat(), settings.maxSeconds());
    }

    /**
     * @param sampleRate target rate in Hz (within {@link AudioExtractionSettings#SAMPLE_RATE}'s bounds)
     * @param format WAV sample format
     * @param maxSeconds cut each clip after this many seconds; 0 or less for no limit
     */
    public AudioExtractor(final int sampleRate, final AudioSampleFormat format, final double maxSeconds) {
        final Setting<Integer> rate = AudioExtractionSettings.SAMPLE_RATE;
        if (sampleRate < rate.min() || sampleRate > rate.max()) {
            throw new IllegalArgumentException("Target sample rate " + sampleRate + " Hz is out of range: use "
                + rate.min() + " to " + rate.max() + " Hz (" + rate.defaultValue() + " for VAVL).");
        }
        if (Double.isNaN(maxSeconds) || Double.isInfinite(maxSeconds)) {
            throw new IllegalArgumentException("Maximum duration must be a number of seconds (0 for no limit).");
        }
        m_sampleRate = sampleRate;
        m_format = Objects.requireNonNull(format, "format");
        m_maxSeconds = Math.max(0, maxSeconds);
    }

    /** @return the target rate in Hz */
    public int sampleRate() {
        return m_sampleRate;
    }

    /** @return the WAV sample format */
    public AudioSampleFormat format() {
        return m_format;
    }

    /** @return the maximum duration in seconds, 0 for none */
    public double maxSeconds() {
        return m_maxSeconds;
    }

    /** @return the settings that determine the output, as recorded beside every file */
    public Map<String, String> settings() {
        final Map<String, String> s = new LinkedHashMap<>();
        s.put("method", METHOD);
        s.put("sample rate (Hz)", Integer.toString(m_sampleRate));
        s.put("sample format", m_format.settingValue());
        s.put("channels", "1 (mean of the source channels)");
        s.put("maximum duration (s)", m_maxSeconds > 0 ? Double.toString(m_maxSeconds) : "none");
        return s;
    }

    /**
     * Extracts many clips in parallel into one folder.
     *
     * @param jobs the clips, in output order
     * @param folder output folder, created when missing
     * @param overwrite when existing files are made again
     * @param threads worker threads
     * @param onError fail on the first bad clip, or skip it and report why in its outcome
     * @param progress progress per clip and cancellation (polled per audio frame)
     * @return one outcome per job, in order
     * @throws ClipException the first failing clip's problem, with {@link OnError#FAIL}
     * @throws CancelledException when cancelled; no partial file is left
     */
    public List<Outcome<ExtractedAudio>> extractAll(final List<Job> jobs, final Path folder,
        final Overwrite overwrite, final int threads, final OnError onError, final Progress progress)
        throws ClipException, CancelledException {
        final ClipOutputStore store = new ClipOutputStore(folder, "wav", settings(), overwrite);
        try {
            store.prepareFolder();
        } catch (IOException e) {
            throw new ClipException("", e.getMessage(), e);
        }
        try {
            store.deleteLeftoverParts();
        } catch (IOException e) {
            // not fatal: leftovers are hidden temporary files
        }
        return ClipWorkPool.run(new ArrayList<>(jobs), threads, Job::clipId,
            (job, cancel) -> extract(job.clipId(), job.media(), folder, overwrite, cancel), onError, progress);
    }

    /**
     * Extracts one clip into {@code <folder>/<clip>.wav} unless that file is up to date.
     *
     * @throws ClipException a problem with the clip, naming it and saying what to do
     * @throws CancelledException when cancelled; no partial file is left
     */
    public ExtractedAudio extract(final String clipId, final Path media, final Path folder,
        final Overwrite overwrite, final CancelToken cancel) throws ClipException, CancelledException {
        InputFiles.check(clipId, media, "media file");
        final Map<String, String> input;
        try {
            input = InputIdentity.of(media);
        } catch (IOException e) {
            throw new ClipException(clipId, "Clip '" + clipId + "': cannot read " + media + ": " + e.getMessage(), e);
        }
        final ClipOutputStore store = new ClipOutputStore(folder, "wav", settings(), overwrite);
        final ExtractedAudio[] result = new ExtractedAudio[1];
        try (ClipOutputStore.ClipLock lock = store.lock(clipId, cancel)) {
            if (store.isUpToDate(clipId, input)) {
                try {
                    return ExtractedAudio.measure(clipId, store.pathFor(clipId), true);
                } catch (IOException e) {
                    // an unreadable old file: make it again
                }
            }
            store.write(clipId, input, part -> result[0] = extractTo(clipId, media, part, cancel));
        } catch (ClipException | CancelledException e) {
            throw e;
        } catch (Exception e) {
            throw ClipWorkPool.asClipException(clipId,
                new IOException("cannot write its WAV file in " + folder + ": " + e.getMessage(), e));
        }
        return result[0].withPath(store.pathFor(clipId));
    }

    /**
     * Extracts one clip into exactly the given file (no temporary name, no settings record): the
     * building block of {@link #extract}; callers that use it directly handle partial files themselves.
     */
    public ExtractedAudio extractTo(final String clipId, final Path media, final Path wav, final CancelToken cancel)
        throws ClipException, CancelledException {
        InputFiles.check(clipId, media, "media file");
        final CancelToken token = cancel == null ? new CancelToken() : cancel;
        token.check();
        final FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.toFile());
        try {
            grabber.setImageMode(FrameGrabber.ImageMode.RAW);
            try {
                grabber.start();
            } catch (Exception e) {
                throw new ClipException(clipId, "Clip '" + clipId + "': FFmpeg cannot read " + media + " ("
                    + ffmpegReason(e) + "). It is not a media file, or it is corrupt or truncated (an mp4 file cut "
                    + "short loses its index); replace it or remove the clip.", e);
            }
            if (!grabber.hasAudio()) {
                throw new ClipException(clipId, "Clip '" + clipId + "': " + media + " has no audio track"
                    + (grabber.hasVideo() ? " (video only)" : "")
                    + ". Use the clip's version with sound, or remove the clip.");
            }
            // set after start(): before, the rate would also go to the demuxer as an (unused) option
            grabber.setSampleFormat(AV_SAMPLE_FMT_FLT);
            grabber.setSampleRate(m_sampleRate);
            final double declared = declaredAudioSeconds(grabber);
            // the declared length drops the encoder's padding of the last frame (AAC in mp4 pads to 1024 samples)
            long maxSamples = declared > 0 ? Math.round(declared * m_sampleRate) : Long.MAX_VALUE;
            if (m_maxSeconds > 0) {
                maxSamples = Math.min(maxSamples, Math.round(m_maxSeconds * m_sampleRate));
            }
            final DecodedAudioStream pcm = new DecodedAudioStream(grabber, m_format, maxSamples, token);
            try (AudioInputStream ais = new AudioInputStream(pcm, m_format.audioFormat(m_sampleRate),
                AudioSystem.NOT_SPECIFIED)) {
                AudioSystem.write(ais, AudioFileFormat.Type.WAVE, wav.toFile());
            } catch (DecodedAudioStream.Failure f) {
                if (f.getCause() instanceof CancelledException) {
                    throw (CancelledException)f.getCause();
                }
                throw new ClipException(clipId, "Clip '" + clipId + "': decoding the audio of " + media
                    + " failed (" + ffmpegReason((Exception)f.getCause()) + "). The file is corrupt or truncated; "
                    + "replace it or remove the clip.", f.getCause());
            } catch (IOException e) {
                throw new ClipException(clipId, "Clip '" + clipId + "': cannot write " + wav + ": " + e.getMessage(),
                    e);
            }
            final AudioLevels levels = pcm.levels();
            if (levels.samples() == 0) {
                throw new ClipException(clipId, "Clip '" + clipId + "': no audio could be decoded from " + media
                    + ". The audio track is empty, corrupt or truncated; replace the file or remove the clip.");
            }
            final double decoded = (double)levels.samples() / m_sampleRate;
            if (!pcm.cutAtMaximum() && declared > 0 && declared - decoded > Math.max(0.25, 0.02 * declared)) {
                throw new ClipException(clipId, String.format(Locale.ROOT,
                    "Clip '%s': the audio of %s ends at %.2f s although the file declares %.2f s. The file looks "
                        + "truncated or corrupt; copy it again or remove the clip.", clipId, media, decoded, declared));
            }
            return new ExtractedAudio(clipId, wav, m_sampleRate, levels, false);
        } finally {
            try {
                grabber.close();
            } catch (Exception e) {
                // ignored: the result (or the failure being thrown) is complete; a decoder that fails to close leaves
                // nothing to redo or report
            }
        }
    }

    /**
     * The audio stream's own duration as the container declares it (mp4, mov, mkv, ...), in seconds; 0
     * when the container does not declare one. The container's overall duration is not used: FLV's
     * metadata duration, for one, is often longer than its streams.
     */
    private static double declaredAudioSeconds(final FFmpegFrameGrabber grabber) {
        final AVFormatContext oc = grabber.getFormatContext();
        final int index = grabber.getAudioStream();
        if (oc != null && index >= 0 && index < oc.nb_streams()) {
            final AVStream st = oc.streams(index);
            if (st.duration() != AV_NOPTS_VALUE && st.duration() > 0 && st.time_base().den() > 0) {
                return st.duration() * (double)st.time_base().num() / st.time_base().den();
            }
        }
        return 0;
    }

    private static final Pattern FFMPEG_ERROR = Pattern.compile("error (-\\d+)");

    /**
     * FFmpeg's own words for a JavaCV failure: the text of its error code where the message carries one
     * (e.g. "Invalid data found when processing input"), else the message without JavaCV's hints.
     */
    static String ffmpegReason(final Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        final Matcher code = FFMPEG_ERROR.matcher(m);
        if (code.find()) {
            try {
                return FfmpegLog.errorText(Integer.parseInt(code.group(1)));
            } catch (NumberFormatException ex) {
                // fall through to the message
            }
        }
        final int hint = m.indexOf(" (For more details");
        if (hint > 0) {
            m = m.substring(0, hint);
        }
        return m;
    }
}
