package org.vavl.core.media;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg's native log: quiet by default, because the engine reports every problem in its own messages
 * (naming the clip). Set the system property {@code vavl.ffmpeg.log=info} (or {@code warning},
 * {@code error}, {@code debug}) to see FFmpeg's own lines on standard error.
 */
public final class FfmpegLog {

    private static volatile boolean s_done;

    private FfmpegLog() {
    }

    /** Sets FFmpeg's log level once per JVM (from {@code vavl.ffmpeg.log}, default: fatal errors only). */
    public static void quiet() {
        if (s_done) {
            return;
        }
        org.vavl.core.util.NativeLibraries.check(); // before FFmpeg's natives load: one message if they cannot
        synchronized (FfmpegLog.class) {
            if (s_done) {
                return;
            }
            final String level = System.getProperty("vavl.ffmpeg.log", "fatal").trim().toLowerCase();
            switch (level) {
                case "debug":
                    avutil.av_log_set_level(avutil.AV_LOG_DEBUG);
                    break;
                case "info":
                    avutil.av_log_set_level(avutil.AV_LOG_INFO);
                    break;
                case "warning":
                    avutil.av_log_set_level(avutil.AV_LOG_WARNING);
                    break;
                case "error":
                    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
                    break;
                default:
                    avutil.av_log_set_level(avutil.AV_LOG_FATAL);
            }
            s_done = true;
        }
    }

    /** @return FFmpeg's text for an error code (e.g. "Invalid data found when processing input") */
    public static String errorText(final int code) {
        final BytePointer buf = new BytePointer(256);
        try {
            avutil.av_strerror(code, buf, 256);
            // the text ends at its NUL: the bytes after it are whatever the buffer held (getString reads all 256)
            final String text = buf.getString();
            final int end = text.indexOf('\0');
            return end < 0 ? text : text.substring(0, end);
        } finally {
            buf.deallocate();
        }
    }
}
