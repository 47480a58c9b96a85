package org.vavl.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the feature files record about their encoder: its name and frame rate. */
class FeatureRecordTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInLogMelRecordsItsHopSo100FramesPerSecond() throws Exception {
        final FeatureRecord r = FeatureRecord.of(new LogMelEncoder().settings());
        assertEquals(100, r.framesPerSecond(), 1e-12);
        assertEquals("built-in log-mel v1, 80 values per frame, 100 frames/s", r.describe(80));
    }

    @Test
    void aModelEncoderRecordsItsMeasuredRateAndFileName() {
        final FeatureRecord r = FeatureRecord.of(Map.of("encoder", "audio model", "model file", "wav2vec2.pt",
            FeatureRecord.FRAMES_PER_SECOND, "50"));
        assertEquals("audio model (wav2vec2.pt), 1024 values per frame, 50 frames/s", r.describe(1024));
        assertEquals("62.5", FeatureRecord.rateText(62.5));
        assertEquals("33.33", FeatureRecord.rateText(100 / 3.0));
        assertEquals("1000", FeatureRecord.rateText(1000));
    }

    @Test
    void theRecordIsReadBesideTheFileAndFilesWithoutOneAreUnknown() throws Exception {
        final Path npy = dir.resolve("clip.npy");
        assertFalse(FeatureRecord.of(npy).knowsRate());
        assertNull(FeatureRecord.of(npy).encoder());
        assertEquals("encoder not recorded, 6 values per frame", FeatureRecord.of(npy).describe(6));
        Files.writeString(dir.resolve("clip.npy.settings"), "#x\nencoder=built-in HOG v1\n");
        assertEquals("built-in HOG v1", FeatureRecord.of(npy).encoder());
        assertFalse(FeatureRecord.of(npy).knowsRate());
        assertNull(FeatureRecord.of((Path)null).encoder());
    }
}
