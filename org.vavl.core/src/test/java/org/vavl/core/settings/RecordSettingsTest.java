package org.vavl.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordSettingsTest {

    enum Colour {
        RED, DARK_BLUE;

        String label() {
            return this == RED ? "Red" : "Dark blue";
        }
    }

    public record Sample(int count, float rate, double scale, boolean on, String name, Path file, Colour colour) {

        static final Setting<Integer> COUNT = Setting.integer("count", 3, 1, 10).withKey("number of things");

        static final Setting<Float> RATE = Setting.single("rate", 0.1f, 0f, 0.99f);

        static final Setting<Double> SCALE = Setting.decimal("scale", 1.25, 1, 4).withLabel("Crop scale");

        static final Setting<Boolean> ON = Setting.flag("on", true);

        static final Setting<String> NAME = Setting.text("name", "Emotion");

        static final Setting<Path> FILE = Setting.path("file");

        static final Setting<Colour> COLOUR = Setting.choice("colour", Colour.class, Colour.RED, Colour::label);

        static final RecordSettings<Sample> SETTINGS =
            RecordSettings.of(Sample.class, COUNT, RATE, SCALE, ON, NAME, FILE, COLOUR);

        public Sample {
            if (!on && count > 5) {
                throw new IllegalArgumentException("count above 5 needs on");
            }
        }
    }

    public record Mismatch(int count, boolean on) {
    }

    @Test
    void defaultsAndMapRoundTrip() {
        final Sample d = Sample.SETTINGS.defaults();
        assertEquals(new Sample(3, 0.1f, 1.25, true, "Emotion", null, Colour.RED), d);
        final Map<String, String> m = Sample.SETTINGS.toMap(d);
        assertEquals("{count=3, rate=0.1, scale=1.25, on=true, name=Emotion, file=, colour=RED}", m.toString());
        final Sample s = Sample.SETTINGS.builder().set(Sample.COUNT, 7).set(Sample.FILE, Path.of("a b.onnx"))
            .set(Sample.COLOUR, Colour.DARK_BLUE).build();
        assertEquals(s, Sample.SETTINGS.fromMap(Sample.SETTINGS.toMap(s)));
        assertEquals(Colour.DARK_BLUE, Sample.SETTINGS.fromMap(Map.of("colour", " dark_blue ")).colour());
        assertEquals(d, Sample.SETTINGS.fromMap(Map.of()));
        assertEquals(s, Sample.SETTINGS.builder(s).build());
        assertEquals(8, Sample.SETTINGS.with(s, Sample.COUNT, 8).count());
        assertEquals(Colour.DARK_BLUE, Sample.SETTINGS.get(s, Sample.COLOUR));
        assertNull(d.file());
    }

    @Test
    void badValuesAreNamed() {
        final Map<String, String> m = new HashMap<>();
        m.put("cuont", "3");
        assertEquals("Unknown Sample setting 'cuont' (known: count, rate, scale, on, name, file, colour).",
            assertThrows(IllegalArgumentException.class, () -> Sample.SETTINGS.fromMap(m)).getMessage());
        assertEquals("Count ('count'): 'x' is not a number.", assertThrows(IllegalArgumentException.class,
            () -> Sample.SETTINGS.fromMap(Map.of("count", "x"))).getMessage());
        assertEquals("Crop scale must be between 1.0 and 4.0, not 5.0.", assertThrows(IllegalArgumentException.class,
            () -> Sample.SETTINGS.builder().set(Sample.SCALE, 5.0).build()).getMessage());
        assertEquals("Rate must be between 0.0 and 0.99, not NaN.", assertThrows(IllegalArgumentException.class,
            () -> Sample.SETTINGS.fromMap(Map.of("rate", "NaN"))).getMessage());
        assertEquals("On ('on'): 'yes' is neither true nor false.", assertThrows(IllegalArgumentException.class,
            () -> Sample.SETTINGS.fromMap(Map.of("on", "yes"))).getMessage());
        assertEquals("Colour ('colour'): 'green' is not one of [red, dark_blue].", assertThrows(
            IllegalArgumentException.class, () -> Sample.SETTINGS.fromMap(Map.of("colour", "green"))).getMessage());
        assertEquals("count above 5 needs on", assertThrows(IllegalArgumentException.class,
            () -> Sample.SETTINGS.fromMap(Map.of("on", "false", "count", "6"))).getMessage());
    }

    @Test
    void choicesAreShownAndSavedByTheirLabels() {
        assertEquals("Dark blue", Sample.COLOUR.choiceLabel(Colour.DARK_BLUE));
        assertEquals(Colour.DARK_BLUE, Sample.COLOUR.fromChoiceLabel("Dark blue"));
        assertEquals(Colour.DARK_BLUE, Sample.COLOUR.fromChoiceLabel("DARK_BLUE"));
        assertEquals("Colour: 'Blue' is not one of [Red, Dark blue].",
            assertThrows(IllegalArgumentException.class, () -> Sample.COLOUR.fromChoiceLabel("Blue")).getMessage());
        assertEquals("number of things", Sample.COUNT.key());
        assertEquals("count", Sample.COUNT.name());
    }

    @Test
    void aRecordMustHaveOneSettingPerComponent() {
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> RecordSettings.of(Mismatch.class, Sample.COUNT, Sample.RATE));
        assertEquals("Mismatch's component 1 is boolean on but its setting is Float rate.", e.getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> RecordSettings.of(Mismatch.class, Sample.COUNT))
            .getMessage().contains("2 components but 1 settings"));
        assertThrows(IllegalArgumentException.class, () -> Setting.integer("n", 0, 1, 10));
    }
}
