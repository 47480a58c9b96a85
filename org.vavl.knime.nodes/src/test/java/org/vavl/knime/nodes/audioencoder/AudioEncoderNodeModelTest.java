package org.vavl.knime.nodes.audioencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.vavl.core.features.Waveform;
import org.vavl.core.util.ClipOutputStore;
import org.vavl.core.util.Overwrite;
import org.vavl.knime.testkit.NodeTester;
import org.vavl.knime.testkit.Tables;

class AudioEncoderNodeModelTest {

    @TempDir
    static Path dir;

    static final DataTableSpec SPEC =
        Tables.spec("Clip", StringCell.TYPE, "Audio path", StringCell.TYPE, "Split", StringCell.TYPE);

    static Path fixture(final String name) {
        return Path.of(System.getProperty("vavl.repo.dir", ".."), "org.vavl.core", "src", "test", "resources", "org",
            "vavl", "core", "features", "fixtures", name);
    }

    static float[] noise(final int n, final double amplitude, final long seed) {
        final Random rnd = new Random(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float)(amplitude * rnd.nextGaussian());
        }
        return x;
    }

    @BeforeAll
    static void wavs() throws Exception {
        Waveform.writePcm16(dir.resolve("a.wav"), noise(16000, 0.1, 1));
        Waveform.writePcm16(dir.resolve("b.wav"), noise(8000, 0.3, 2));
        // 44.1 kHz: refused
        final byte[] data = new byte[44100 * 2];
        try (AudioInputStream in = new AudioInputStream(new java.io.ByteArrayInputStream(data),
            new AudioFormat(44100, 16, 1, true, false), 44100)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, dir.resolve("cd.wav").toFile());
        }
    }

    private static BufferedDataTable input() {
        return Tables.table(SPEC, new Object[]{"a", dir.resolve("a.wav").toString(), "Train"},
            new Object[]{"b", dir.resolve("b.wav").toString(), "Test"},
            new Object[]{"cd", dir.resolve("cd.wav").toString(), "Train"});
    }

    @Test
    void builtInLogMelByDefault() throws Exception {
        final Path out = dir.resolve("mel");
        final NodeTester<AudioEncoderNodeModel> t = NodeTester.of(new AudioEncoderNodeFactory()).settings(s -> {
            s.addString("output folder", out.toString());
            s.addString("on error", "skip");
        });
        final DataTableSpec spec = t.configureTable(SPEC);
        assertEquals(List.of("Clip", "Audio path", "Split", "Audio features", "Audio feature frames",
            "Audio feature dim", "Audio features error"), Arrays.asList(spec.getColumnNames()));
        final BufferedDataTable r = t.executeTable(input());
        assertEquals(Arrays.asList(97, 47, null), Tables.column(r, "Audio feature frames"));
        assertEquals(Arrays.asList(80, 80, null), Tables.column(r, "Audio feature dim"));
        assertTrue(((String)Tables.value(r, 2, "Audio features error")).contains("44100 Hz"),
            (String)Tables.value(r, 2, "Audio features error"));
        assertTrue(t.warning().contains("1 of 3"), t.warning());
        // fail mode names the file
        final NodeTester<AudioEncoderNodeModel> fail = NodeTester.of(new AudioEncoderNodeFactory())
            .settings(s -> s.addString("output folder", out.toString()));
        fail.configure(SPEC);
        final Exception e = assertThrows(Exception.class, () -> fail.executeTable(input()));
        assertTrue(e.getMessage().contains("cd.wav") && e.getMessage().contains("16000 Hz mono"), e.getMessage());
    }

    @Test
    void speechModelWithStatisticsOfTheTrainingSplit() throws Exception {
        final Path out = dir.resolve("w2v");
        final NodeTester<AudioEncoderNodeModel> t = NodeTester.of(new AudioEncoderNodeFactory()).settings(s -> {
            s.addString("encoder", "model file");
            s.addString("model file", fixture("tiny_wav2vec2.pt").toString());
            s.addString("waveform normalisation", "statistics");
            s.addString("statistics source", "input clips");
            s.addString("statistics split column", "Split");
            s.addString("statistics split value", "Train");
            s.addString("output folder", out.toString());
            s.addString("on error", "skip");
        });
        t.configure(SPEC);
        final BufferedDataTable r = t.executeTable(input());
        assertEquals(Arrays.asList(49, 24, null), Tables.column(r, "Audio feature frames"));
        assertEquals(Arrays.asList(64, 64, null), Tables.column(r, "Audio feature dim"));
        final Map<String, String> rec = new ClipOutputStore(out, "npy", Map.of(), Overwrite.IF_CHANGED).readSettings("b");
        // statistics of the Train rows only: a.wav (noise of std 0.1); cd.wav cannot be read and is left out
        final String norm = rec.get("waveform normalisation");
        assertTrue(norm.startsWith("statistics (mean"), rec.toString());
        final double std = Double.parseDouble(norm.replaceAll(".*std ([-0-9.eE]+)\\).*", "$1"));
        assertEquals(0.1, std, 0.005, norm);
        assertEquals(64, rec.get("model sha256").length());
    }

    @Test
    void settingsAreChecked() throws Exception {
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> NodeTester.of(new AudioEncoderNodeFactory()).settings(s -> s.addDouble("hop (ms)", 40.0))
                .configure(SPEC));
        assertTrue(e.getMessage().contains("Hop must be between 1 ms and the window"), e.getMessage());
        final InvalidSettingsException e2 = assertThrows(InvalidSettingsException.class,
            () -> NodeTester.of(new AudioEncoderNodeFactory()).settings(s -> {
                s.addString("encoder", "model file");
                s.addString("model file", "m.pt");
                s.addString("waveform normalisation", "statistics");
                s.addString("statistics split column", "Partition");
            }).configure(SPEC));
        assertTrue(e2.getMessage().contains("'Partition'"), e2.getMessage());
        final NodeTester<AudioEncoderNodeModel> t = NodeTester.of(new AudioEncoderNodeFactory());
        assertTrue(t.hasDialog());
        t.settings(s -> s.addString("output folder", dir.toString())).dialogRoundTrip(SPEC);
    }
}
