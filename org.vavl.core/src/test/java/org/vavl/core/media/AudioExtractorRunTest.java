package org.vavl.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vavl.core.util.CancelledException;
import org.vavl.core.util.ClipException;
import org.vavl.core.util.ClipWorkPool.Outcome;
import org.vavl.core.util.OnError;
import org.vavl.core.util.Overwrite;
import org.vavl.core.util.Progress;

/** Many clips through {@link AudioExtractor#extractAll}: bad files, re-runs, cancellation. */
class AudioExtractorRunTest {

    @TempDir
    static Path media;

    static Path good1;

    static Path good2;

    static Path silentVideo;

    static Path zeroBytes;

    static Path truncatedMoovAtEnd;

    static Path truncatedFastStart;

    static Path notVideo;

    @BeforeAll
    static void makeMedia() throws IOException {
        final ClipRecorder.Format mp4 = ClipRecorder.Format.MP4_H264_AAC;
        good1 = TestMedia.clip(media.resolve("good1.mp4"), mp4, 160, 120, 25, 2.0, 44100, 2,
            TestMedia.tone(440, 0.5, 44100));
        good2 = TestMedia.clip(media.resolve("good2.flv"), ClipRecorder.Format.FLV_FLV1_MP3, 160, 120, 25, 2.0,
            22050, 1, TestMedia.tone(300, 0.5, 22050));
        silentVideo = TestMedia.clip(media.resolve("silent.mp4"), mp4, 160, 120, 25, 1.0, 44100, 0, null);
        zeroBytes = Files.createFile(media.resolve("empty.mp4"));
        final Path full = TestMedia.clip(media.resolve("full.mp4"), mp4, 160, 120, 25, 4.0, 44100, 2,
            TestMedia.tone(440, 0.5, 44100), false);
        truncatedMoovAtEnd = truncate(full, media.resolve("cut.mp4"));
        final Path fast = TestMedia.clip(media.resolve("fast.mp4"), mp4, 160, 120, 25, 4.0, 44100, 2,
            TestMedia.tone(440, 0.5, 44100), true);
        truncatedFastStart = truncate(fast, media.resolve("cutfast.mp4"));
        notVideo = Files.writeString(media.resolve("notes.mp4"), "FileName,Emotion\nclip1,angry\n".repeat(50));
    }

    private static Path truncate(final Path from, final Path to) throws IOException {
        final byte[] b = Files.readAllBytes(from);
        Files.write(to, java.util.Arrays.copyOf(b, b.length / 2));
        return to;
    }

    private static AudioExtractor.Job job(final String id, final Path p) {
        return new AudioExtractor.Job(id, p);
    }

    @Test
    void badFilesGiveClearErrorsNamingTheClipOrAreSkipped(@TempDir final Path out) throws Exception {
        final AudioExtractor ex = new AudioExtractor();
        final Object[][] cases = {
            {"silent", silentVideo, "has no audio track"},
            {"empty", zeroBytes, "is empty (0 bytes)"},
            {"cut", truncatedMoovAtEnd, "FFmpeg cannot read"},
            {"cutfast", truncatedFastStart, "looks truncated"},
            {"notes", notVideo, "not a media file"},
            {"missing", media.resolve("nope.mp4"), "does not exist"},
        };
        for (Object[] c : cases) {
            final ClipException e = assertThrows(ClipException.class, () -> ex.extractAll(
                List.of(job("good1", good1), job((String)c[0], (Path)c[1])), out, Overwrite.IF_CHANGED, 1,
                OnError.FAIL, Progress.NONE), (String)c[0]);
            System.out.println(e.getMessage());
            assertEquals(c[0], e.getClipId());
            assertTrue(e.getMessage().contains("Clip '" + c[0] + "'"), e.getMessage());
            assertTrue(e.getMessage().contains((String)c[2]), e.getMessage());
        }
        final List<AudioExtractor.Job> jobs = new ArrayList<>();
        jobs.add(job("good1", good1));
        for (Object[] c : cases) {
            jobs.add(job((String)c[0], (Path)c[1]));
        }
        jobs.add(job("good2", good2));
        final List<Outcome<ExtractedAudio>> r = ex.extractAll(jobs, out, Overwrite.IF_CHANGED, 2, OnError.SKIP,
            Progress.NONE);
        assertEquals(jobs.size(), r.size());
        assertTrue(r.get(0).ok());
        assertEquals(2.0, r.get(0).value().durationSeconds(), 0.02);
        for (int i = 0; i < cases.length; i++) {
            final Outcome<ExtractedAudio> o = r.get(i + 1);
            assertFalse(o.ok(), (String)cases[i][0]);
            assertNull(o.value());
            assertTrue(o.error().contains((String)cases[i][2]) && o.error().contains((String)cases[i][0]), o.error());
        }
        assertTrue(r.get(jobs.size() - 1).ok());
        // only the two good clips have files; nothing half-written
        assertEquals(List.of("good1.wav", "good1.wav.settings", "good2.wav", "good2.wav.settings"), list(out));
    }

    @Test
    void secondRunSkipsEverythingAndChangedSettingsExtractAgain(@TempDir final Path out) throws Exception {
        final List<AudioExtractor.Job> jobs = List.of(job("a", good1), job("b", good2));
        final List<Outcome<ExtractedAudio>> first = new AudioExtractor().extractAll(jobs, out, Overwrite.IF_CHANGED,
            2, OnError.FAIL, Progress.NONE);
        assertTrue(first.stream().noneMatch(o -> o.value().reused()));
        final FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve("a.wav"), old);
        Files.setLastModifiedTime(out.resolve("b.wav"), old);

        final List<Outcome<ExtractedAudio>> second = new AudioExtractor().extractAll(jobs, out, Overwrite.IF_CHANGED,
            2, OnError.FAIL, Progress.NONE);
        for (int i = 0; i < 2; i++) {
            final ExtractedAudio a = first.get(i).value();
            final ExtractedAudio b = second.get(i).value();
            assertTrue(b.reused());
            assertEquals(a.samples(), b.samples());
            assertEquals(a.rmsDbfs(), b.rmsDbfs(), 1e-9);
            assertEquals(a.clippedRatio(), b.clippedRatio(), 1e-12);
            assertEquals(a.wav(), b.wav());
        }
        assertEquals(old, Files.getLastModifiedTime(out.resolve("a.wav")));

        // another rate: made again
        final List<Outcome<ExtractedAudio>> third = new AudioExtractor(8000, AudioSampleFormat.PCM_16, 0).extractAll(
            jobs, out, Overwrite.IF_CHANGED, 2, OnError.FAIL, Progress.NONE);
        assertTrue(third.stream().noneMatch(o -> o.value().reused()));
        assertEquals(8000, TestMedia.wavRate(out.resolve("a.wav")));
        assertEquals(16000, third.get(0).value().samples());
        assertEquals("8000", new org.vavl.core.util.ClipOutputStore(out, "wav", Map.of(), Overwrite.NEVER)
            .readSettings("a").get("sample rate (Hz)"));

        // overwrite = never keeps the 8 kHz files although 16 kHz is asked for; always makes them again
        final List<Outcome<ExtractedAudio>> never = new AudioExtractor().extractAll(jobs, out, Overwrite.NEVER, 1,
            OnError.FAIL, Progress.NONE);
        assertTrue(never.get(0).value().reused());
        assertEquals(8000, never.get(0).value().sampleRate());
        final List<Outcome<ExtractedAudio>> always = new AudioExtractor(8000, AudioSampleFormat.PCM_16, 0).extractAll(
            jobs, out, Overwrite.ALWAYS, 1, OnError.FAIL, Progress.NONE);
        assertFalse(always.get(0).value().reused());

        // a replaced source video is extracted again (its size and time are recorded)
        final Path copy = Files.copy(good1, out.resolve("src.mp4"));
        new AudioExtractor().extract("c", copy, out, Overwrite.IF_CHANGED, null);
        assertTrue(new AudioExtractor().extract("c", copy, out, Overwrite.IF_CHANGED, null).reused());
        Files.copy(good2, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        final ExtractedAudio replaced = new AudioExtractor().extract("c", copy, out, Overwrite.IF_CHANGED, null);
        assertFalse(replaced.reused());
        assertEquals(300, AudioExtractorTest.peakHz(TestMedia.readWav(replaced.wav()), 16000), 2.0);
    }

    @Test
    void cancellationMidClipLeavesNoPartialFiles(@TempDir final Path out) throws Exception {
        final List<AudioExtractor.Job> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(job("clip" + i, i % 2 == 0 ? good1 : good2));
        }
        // cancelled after 150 polls: the extractor polls once per decoded audio frame, so this falls inside a
        // clip (a 2 s AAC clip has about 87 frames)
        final AtomicInteger polls = new AtomicInteger();
        final Progress cancelLater = new Progress() {
            @Override
            public void update(final double fraction, final String message) {
                // nothing
            }

            @Override
            public boolean isCancelled() {
                return polls.incrementAndGet() >= 150;
            }
        };
        assertThrows(CancelledException.class, () -> new AudioExtractor().extractAll(jobs, out, Overwrite.IF_CHANGED,
            2, OnError.FAIL, cancelLater));
        // every worker stops at its next frame: far fewer polls after the cancellation than one clip's ~87 frames
        // (how soon in seconds is measured by bench/run responsiveness)
        assertTrue(polls.get() - 150 < 40, "polls after cancellation: " + (polls.get() - 150));
        final List<String> files = list(out);
        assertTrue(files.stream().noneMatch(f -> f.contains(".part-")), files.toString());
        // every WAV that exists is complete and has its settings record
        for (String f : files) {
            if (f.endsWith(".wav")) {
                assertTrue(files.contains(f + ".settings"), f);
                final ExtractedAudio a = ExtractedAudio.measure(f, out.resolve(f), true);
                assertTrue(a.durationSeconds() > 1.9, f + " " + a);
            }
        }
        assertTrue(files.size() < 12, "cancelled before all clips were done: " + files);

        // a run after the cancelled one completes the rest
        final List<Outcome<ExtractedAudio>> r = new AudioExtractor().extractAll(jobs, out, Overwrite.IF_CHANGED, 2,
            OnError.FAIL, Progress.NONE);
        assertEquals(6, r.size());
        r.forEach(o -> assertNotNull(o.value()));
        assertEquals(12, list(out).size());
    }

    private static List<String> list(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
