package org.vavl.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.Test;

/** FFmpeg's error texts end at their NUL: nothing of the rest of the buffer reaches a message. */
class FfmpegLogTest {

    @Test
    void errorTextIsFfmpegsTextAlone() {
        for (int i = 0; i < 3; i++) { // a reused native buffer may hold an earlier, longer text after the NUL
            assertEquals("Invalid data found when processing input", FfmpegLog.errorText(avutil.AVERROR_INVALIDDATA()));
            assertEquals("End of file", FfmpegLog.errorText(avutil.AVERROR_EOF()));
        }
    }
}
