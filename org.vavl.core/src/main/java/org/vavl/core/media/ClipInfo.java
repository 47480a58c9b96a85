package org.vavl.core.media;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@link VideoProbe} found out about one clip (the Video Reader's output row).
 *
 * @param clipId the file's base name (name without the last extension), e.g. {@code 1001_DFA_ANG_XX}
 * @param path absolute path of the file
 * @param durationSeconds length of the clip in seconds (the container's duration: the longer of video and
 *        audio)
 * @param fps video frames per second (average frame rate of the video stream)
 * @param frames number of video frames in the file (counted, not estimated)
 * @param width frame width in pixels as shown (after the display rotation)
 * @param height frame height in pixels as shown
 * @param videoCodec FFmpeg's codec name, e.g. {@code h264}, {@code flv1}, {@code mpeg4}
 * @param hasAudio whether the file has an audio stream
 * @param audioSampleRate samples per second of the audio stream, 0 without audio
 * @param audioChannels channels of the audio stream, 0 without audio
 * @param rotation the clockwise turn, in degrees (0, 90, 180, 270), that the file's display matrix asks players to
 *        apply (phone clips); the Face Aligner applies it
 */
public record ClipInfo(String clipId, Path path, double durationSeconds, double fps, long frames, int width,
    int height, String videoCodec, boolean hasAudio, int audioSampleRate, int audioChannels, int rotation) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %.3f s, %.3f fps, %d frames, %dx%d%s %s, %s", clipId, durationSeconds,
            fps, frames, width, height, rotation == 0 ? "" : " (turned " + rotation + " deg)", videoCodec,
            hasAudio ? "audio " + audioSampleRate + " Hz x" + audioChannels : "no audio");
    }
}
