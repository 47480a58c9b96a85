package org.vavl.core.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelFilesTest {

    @TempDir
    Path tmp;

    static final String CREMA = "FileName,angry,sad,disgust,fear,neutral,happy,SpkrID,Gender,Split_Set\n"
        + "1026_IEO_ANG_HI.wav,0.856,0.01,0.01,0.104,0.01,0.01,1026,Male,Train\n"
        + "1065_IWL_SAD_XX.wav,0.104,0.104,0.01,0.198,0.574,0.01,1065,Male,Development\n"
        + "1001_DFA_HAP_XX.wav,0.3,0.1,0.1,0.1,0.1,0.3,1001,Female,Test\n";

    @Test
    void shippedCremaDPartitionsHaveTheReferenceCounts() throws Exception {
        final LabelSet p1 = LabelFiles.shipped(LabelFormat.CREMA_D, 1, null);
        assertEquals(5820, p1.size());
        assertEquals(Map.of("Train", 4043, "Development", 878, "Test", 899), p1.splitCounts());
        assertEquals(List.of("Emotion", "P(angry) (annotators)", "P(disgust) (annotators)", "P(fear) (annotators)",
            "P(happy) (annotators)", "P(neutral) (annotators)", "P(sad) (annotators)"), p1.columns());
        final ClipLabel first = p1.find("1026_IEO_ANG_HI");
        assertEquals("angry", first.value(0));
        assertEquals(0.856, (Double)first.value(1), 0);
        assertEquals(0.104, (Double)first.value(3), 0, "fear, third in alphabetical order");
        assertEquals("1026", first.speaker());
        assertEquals("Male", first.gender());
        assertEquals("Train", first.split());
        for (int p = 2; p <= 5; p++) {
            final LabelSet s = LabelFiles.shipped(LabelFormat.CREMA_D, p, null);
            assertEquals(5820, s.size(), "partition " + p);
            assertTrue(s.rows().stream().allMatch(r -> List.of("Train", "Development", "Test").contains(r.split())));
        }
        assertThrows(IllegalArgumentException.class, () -> LabelFiles.shipped(LabelFormat.CREMA_D, 6, null));
    }

    @Test
    void shippedMspImprovWithAndWithoutTheReferenceScaling() throws Exception {
        // MSP-IMPROV-S01A-F02-R-FF01.wav,2.666667,2.333333,3,2,Female,Train
        final LabelSet ref = LabelFiles.shipped(LabelFormat.MSP_IMPROV, 1, MspOptions.REFERENCE);
        assertEquals(8385, ref.size());
        assertEquals(List.of("arousal", "valence", "dominance"), ref.columns());
        final ClipLabel r = ref.find("MSP-IMPROV-S01A-F02-R-FF01.avi");
        assertEquals(((6 - 2.666667) - 1) / 4, (Double)r.value(0), 1e-12);
        assertEquals((2.333333 - 1) / 4, (Double)r.value(1), 1e-12);
        assertEquals(0.5, (Double)r.value(2), 1e-12);
        assertEquals("2", r.speaker());
        final ClipLabel raw = LabelFiles.shipped(LabelFormat.MSP_IMPROV, 1, MspOptions.RAW)
            .find("MSP-IMPROV-S01A-F02-R-FF01");
        assertEquals(2.666667, (Double)raw.value(0), 0);
        final ClipLabel flipOnly = LabelFiles.shipped(LabelFormat.MSP_IMPROV, 1, new MspOptions(true, false))
            .find("MSP-IMPROV-S01A-F02-R-FF01");
        assertEquals(6 - 2.666667, (Double)flipOnly.value(0), 1e-12);
        assertEquals(3.0, (Double)flipOnly.value(2), 0);
        for (int p = 1; p <= 5; p++) {
            for (ClipLabel row : LabelFiles.shipped(LabelFormat.MSP_IMPROV, p, MspOptions.REFERENCE).rows()) {
                for (int i = 0; i < 3; i++) {
                    final double v = (Double)row.value(i);
                    assertTrue(v >= 0 && v <= 1, row.toString());
                }
            }
        }
    }

    @Test
    void cremaDClassIsTheFirstArgmaxInReferenceOrder() throws Exception {
        final LabelSet s = LabelFiles.readCremaD(Files.writeString(tmp.resolve("l.csv"), CREMA));
        assertEquals("angry", s.find("1026_IEO_ANG_HI").value(0));
        assertEquals("neutral", s.find("1065_IWL_SAD_XX").value(0));
        // a tie between angry and happy: the first in the reference's order
        assertEquals("angry", s.find("1001_DFA_HAP_XX").value(0));
        assertEquals("Development", s.find("1065_IWL_SAD_XX").split());
    }

    @Test
    void joinMatchesClipIdsIgnoringExtensionsAndFoldersAndListsTheUnmatched() throws Exception {
        final LabelSet s = LabelFiles.readCremaD(Files.writeString(tmp.resolve("l.csv"), CREMA));
        final LabelSet.Join j = s.join(Arrays.asList("1065_IWL_SAD_XX", "1026_IEO_ANG_HI.flv", "9999_NOT_THERE",
            "videos/1065_IWL_SAD_XX.flv"));
        assertEquals("1065_IWL_SAD_XX.wav", j.perClip().get(0).id());
        assertEquals("1026_IEO_ANG_HI.wav", j.perClip().get(1).id());
        assertNull(j.perClip().get(2));
        assertEquals("1065_IWL_SAD_XX.wav", j.perClip().get(3).id());
        assertEquals(List.of("9999_NOT_THERE"), j.unmatchedClips());
        assertEquals(1, j.unmatchedRows().size());
        assertEquals("1001_DFA_HAP_XX.wav", j.unmatchedRows().get(0).id());
        assertEquals(4, j.unmatchedRows().get(0).line());
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkReadTheSame() throws Exception {
        final byte[] bom = {(byte)0xEF, (byte)0xBB, (byte)0xBF};
        final byte[] text = CREMA.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        final byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        final LabelSet win = LabelFiles.readCremaD(Files.write(tmp.resolve("win.csv"), all));
        final LabelSet unix = LabelFiles.readCremaD(Files.writeString(tmp.resolve("unix.csv"), CREMA));
        assertEquals(unix.size(), win.size());
        for (int i = 0; i < unix.size(); i++) {
            assertEquals(unix.rows().get(i).toString(), win.rows().get(i).toString());
            assertEquals(unix.rows().get(i).gender(), win.rows().get(i).gender());
        }
        assertEquals("Test", win.find("1001_DFA_HAP_XX").split());
    }

    @Test
    void aMissingColumnNamesTheColumnAndTheFile() throws Exception {
        final Path f = Files.writeString(tmp.resolve("nosplit.csv"),
            "FileName,angry,sad,disgust,fear,neutral,happy\na.wav,1,0,0,0,0,0\n");
        final LabelFileException e = assertThrows(LabelFileException.class, () -> LabelFiles.readCremaD(f));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().contains("'Split_Set'") && e.getMessage().contains(f.toString()), e.getMessage());
        // an MSP-IMPROV file read as CREMA-D
        final Path msp = Files.writeString(tmp.resolve("msp.csv"), "FileName,EmoAct,EmoVal,EmoDom,Split_Set\n");
        final LabelFileException e2 = assertThrows(LabelFileException.class, () -> LabelFiles.readCremaD(msp));
        assertTrue(e2.getMessage().contains("'angry'") && e2.getMessage().contains("msp.csv"), e2.getMessage());
        final LabelFileException e3 = assertThrows(LabelFileException.class, () -> LabelFiles.readGeneric(msp,
            new GenericColumns("FileName", List.of("EmoAct", "Valence"), "Split_Set")));
        assertTrue(e3.getMessage().contains("'Valence'") && e3.getMessage().contains("msp.csv"), e3.getMessage());
    }

    @Test
    void badValuesAndRepeatedClipsNameTheLine() throws Exception {
        final Path f = Files.writeString(tmp.resolve("bad.csv"),
            "FileName,EmoAct,EmoVal,EmoDom,Split_Set\na.wav,1,2,3,Train\nb.wav,high,2,3,Train\n");
        final LabelFileException e = assertThrows(LabelFileException.class,
            () -> LabelFiles.readMspImprov(f, MspOptions.REFERENCE));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'EmoAct'")
            && e.getMessage().contains("'high'"), e.getMessage());
        final Path d = Files.writeString(tmp.resolve("dup.csv"),
            "FileName,EmoAct,EmoVal,EmoDom,Split_Set\na.wav,1,2,3,Train\na.wav,1,2,3,Test\n");
        final LabelFileException e2 = assertThrows(LabelFileException.class,
            () -> LabelFiles.readMspImprov(d, MspOptions.REFERENCE));
        assertTrue(e2.getMessage().contains("'a.wav' twice (lines 2 and 3)"), e2.getMessage());
        final Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
        assertThrows(LabelFileException.class, () -> LabelFiles.readCremaD(empty));
        assertThrows(LabelFileException.class, () -> LabelFiles.readCremaD(tmp.resolve("none.csv")));
    }

    @Test
    void genericFileWithSemicolonsTextAndNumberColumnsAndSplitSpellings() throws Exception {
        final Path f = Files.writeString(tmp.resolve("g.csv"), "clip; mood; Valence ;part;who\r\n"
            + "c1.mp4;happy;0.5;train;s1\r\n" + "c2.mp4;sad;;dev;s2\r\n" + "\"c3,x.mp4\";angry;-1e-1;validation;s3\r\n"
            + "c4.mp4;neutral;0.25;holdout;s4\r\n");
        final LabelSet s = LabelFiles.readGeneric(f, new GenericColumns("Clip", List.of("mood", "valence"), "part",
            "who", ""));
        assertEquals(List.of("mood", "Valence"), s.columns());
        assertEquals(List.of(LabelSet.Type.STRING, LabelSet.Type.DOUBLE), s.types());
        assertEquals("happy", s.find("c1").value(0));
        assertEquals(0.5, (Double)s.find("c1").value(1), 0);
        assertNull(s.find("c2").value(1));
        assertEquals(-0.1, (Double)s.find("c3,x").value(1), 1e-12);
        assertEquals("Train", s.find("c1").split());
        assertEquals("Development", s.find("c2").split());
        assertEquals("Development", s.find("c3,x").split());
        assertEquals("holdout", s.find("c4").split());
        assertEquals("s2", s.find("c2").speaker());
        assertNull(s.find("c2").gender());
        assertTrue(s.hasSplit() && s.hasSpeaker());
        assertFalse(s.hasGender());
    }

    @Test
    void genericUtf16TabSeparatedAsExcelSavesIt() throws Exception {
        final String text = "\uFEFFid\tlabel\n\u00e9t\u00e9_1.wav\t3\n";
        final Path f = Files.write(tmp.resolve("u16.txt"), text.getBytes(StandardCharsets.UTF_16LE));
        final LabelSet s = LabelFiles.readGeneric(f, new GenericColumns("id", List.of("label"), ""));
        assertEquals(3.0, (Double)s.find("\u00e9t\u00e9_1").value(0), 0);
        assertFalse(s.hasSplit());
        assertNull(s.find("\u00e9t\u00e9_1").split());
    }

    @Test
    void clipKeys() {
        assertEquals("1026_IEO_ANG_HI", ClipKeys.key("1026_IEO_ANG_HI.wav"));
        assertEquals("1026_IEO_ANG_HI", ClipKeys.key("C:\\data\\1026_IEO_ANG_HI.flv"));
        assertEquals("clip.v2", ClipKeys.key("clip.v2.mp4"));
        assertEquals("take.1", ClipKeys.key("take.1"));
        assertEquals("noext", ClipKeys.key(" noext "));
    }
}
