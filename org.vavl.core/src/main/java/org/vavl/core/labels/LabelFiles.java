package org.vavl.core.labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.vavl.core.train.Vocabulary;

/**
 * Reads label files into {@link LabelSet}s: the CREMA-D and MSP-IMPROV consensus formats of the VAVL
 * split files, a generic CSV, and the shipped partitions 1..5 of both corpora.
 *
 * <p>Files: comma, semicolon or tab separated (taken from the header line), Windows or Unix line
 * endings, UTF-8 with or without byte order mark (UTF-16 with one), quoted fields as in RFC 4180. Column
 * names are matched ignoring case and surrounding spaces. Output columns of the corpus formats (the
 * table contract): CREMA-D: {@code Emotion} (the class), {@code angry, sad, disgust, fear, neutral, happy}
 * (the soft vector); MSP-IMPROV: {@code arousal, valence, dominance}.
 */
public final class LabelFiles {

    /** CREMA-D's classes in the reference's order (the order of the soft vector). */
    public static final List<String> CREMA_D_CLASSES = List.of("angry", "sad", "disgust", "fear", "neutral", "happy");

    /**
     * @return the column of the annotators' share of a class, {@code P(<class>) (annotators)}: named as the AuxFormer
     *         Predictor names its probabilities, {@code P(<class>) (<modality>)}
     */
    public static String annotatorShareColumn(final String cls) {
        return Vocabulary.probability(cls, Vocabulary.ANNOTATORS);
    }

    /** The output attributes of MSP-IMPROV, in this order. */
    public static final List<String> MSP_ATTRIBUTES = List.of("arousal", "valence", "dominance");

    /** The class column of CREMA-D. */
    public static final String CLASS_COLUMN = "Emotion";

    /** Number of shipped partitions per corpus. */
    public static final int PARTITIONS = 5;

    private static final String SHIPPED_FOLDER = "vavl-splits/";

    private LabelFiles() {
    }

    /**
     * Reads a label file.
     *
     * @param msp used for {@link LabelFormat#MSP_IMPROV}
     * @param generic used for {@link LabelFormat#GENERIC}
     * @throws LabelFileException a missing column, a value that is not a number, a repeated clip, naming
     *             the file and the column or line
     * @throws IOException when the file cannot be read
     */
    public static LabelSet read(final Path file, final LabelFormat format, final MspOptions msp,
        final GenericColumns generic) throws IOException {
        Objects.requireNonNull(file, "file");
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LabelFileException("Label file " + file + " does not exist. Check the label file setting.", e);
        }
        return parse(decode(bytes), file.toString(), format, msp, generic);
    }

    /** Reads a CREMA-D consensus label file. */
    public static LabelSet readCremaD(final Path file) throws IOException {
        return read(file, LabelFormat.CREMA_D, null, null);
    }

    /** Reads an MSP-IMPROV consensus label file. */
    public static LabelSet readMspImprov(final Path file, final MspOptions options) throws IOException {
        return read(file, LabelFormat.MSP_IMPROV, options, null);
    }

    /** Reads a generic label file. */
    public static LabelSet readGeneric(final Path file, final GenericColumns columns) throws IOException {
        return read(file, LabelFormat.GENERIC, null, columns);
    }

    /**
     * Reads a shipped partition: the speaker-independent splits and consensus labels of the VAVL paper
     * (public repository ilucasgoncalves/VAVL, MIT licence, copyright 2023 Lucas Goncalves).
     *
     * @param corpus {@link LabelFormat#CREMA_D} or {@link LabelFormat#MSP_IMPROV}
     * @param partition 1..5
     * @param msp used for MSP-IMPROV
     */
    public static LabelSet shipped(final LabelFormat corpus, final int partition, final MspOptions msp)
        throws IOException {
        final String resource = shippedResource(corpus, partition);
        try (InputStream in = LabelFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LabelFileException("The shipped partition " + resource + " is missing from the VAVL engine "
                    + "bundle. Reinstall the extension.");
            }
            return parse(decode(in.readAllBytes()), shippedName(corpus, partition), corpus, msp, null);
        }
    }

    /** @return the resource path (relative to this class) of a shipped partition */
    public static String shippedResource(final LabelFormat corpus, final int partition) {
        if (partition < 1 || partition > PARTITIONS) {
            throw new IllegalArgumentException(
                "Partition " + partition + " does not exist: the shipped partitions are 1 to " + PARTITIONS + ".");
        }
        switch (corpus) {
            case CREMA_D:
                return SHIPPED_FOLDER + "CREMA-D/label_consensus_" + partition + ".csv";
            case MSP_IMPROV:
                return SHIPPED_FOLDER + "MSP-IMPROV/labels_consensus_" + partition + ".csv";
            default:
                throw new IllegalArgumentException("Shipped partitions exist for CREMA-D and MSP-IMPROV, not for "
                    + corpus.settingValue() + " label files.");
        }
    }

    /** @return the name of a shipped partition in messages, e.g. "CREMA-D partition 1 (shipped)" */
    public static String shippedName(final LabelFormat corpus, final int partition) {
        return corpus.settingValue() + " partition " + partition + " (shipped)";
    }

    /**
     * Parses label file text.
     *
     * @param source names the file in messages
     */
    public static LabelSet parse(final String text, final String source, final LabelFormat format,
        final MspOptions msp, final GenericColumns generic) throws LabelFileException {
        Objects.requireNonNull(format, "format");
        final CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setHeader()
            .setSkipHeaderRecord(true).setTrim(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
            final Header header = new Header(parser.getHeaderNames(), source, format);
            switch (format) {
                case CREMA_D:
                    return cremaD(parser, header, source);
                case MSP_IMPROV:
                    return mspImprov(parser, header, source, msp == null ? MspOptions.REFERENCE : msp);
                default:
                    return generic(parser, header, source, Objects.requireNonNull(generic,
                        "the columns of a generic label file"));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof LabelFileException) {
                throw (LabelFileException)e;
            }
            throw new LabelFileException("Label file " + source + " cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    private static LabelSet cremaD(final CSVParser parser, final Header h, final String source)
        throws LabelFileException {
        final int id = h.require("FileName");
        final int[] soft = new int[CREMA_D_CLASSES.size()];
        for (int i = 0; i < soft.length; i++) {
            soft[i] = h.require(CREMA_D_CLASSES.get(i));
        }
        final int split = h.require("Split_Set");
        final int speaker = h.optional("SpkrID");
        final int gender = h.optional("Gender");
        final List<String> columns = new ArrayList<>();
        final List<LabelSet.Type> types = new ArrayList<>();
        columns.add(CLASS_COLUMN);
        types.add(LabelSet.Type.STRING);
        // the annotators' shares, named and ordered as the Predictor's probabilities: P(<class>) (annotators),
        // classes in alphabetical order (the order the Learner gives its outputs)
        final List<String> sorted = Vocabulary.classOrder(CREMA_D_CLASSES);
        final int[] order = new int[sorted.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = CREMA_D_CLASSES.indexOf(sorted.get(i));
            columns.add(annotatorShareColumn(sorted.get(i)));
            types.add(LabelSet.Type.DOUBLE);
        }
        final RowCollector rows = new RowCollector(source);
        for (CSVRecord r : parser) {
            final int line = line(r);
            final String clip = h.text(r, id, line, true);
            final double[] share = new double[soft.length];
            int best = 0;
            for (int i = 0; i < soft.length; i++) {
                share[i] = h.number(r, soft[i], line);
                if (share[i] > share[best]) {
                    best = i; // ties: the first in the file's column order, as before
                }
            }
            final Object[] values = new Object[1 + soft.length];
            values[0] = CREMA_D_CLASSES.get(best);
            for (int i = 0; i < order.length; i++) {
                values[1 + i] = share[order[i]];
            }
            rows.add(new ClipLabel(clip, line, values, normaliseSplit(h.text(r, split, line, true)),
                h.text(r, speaker, line, false), h.text(r, gender, line, false)));
        }
        return new LabelSet(source, LabelFormat.CREMA_D, columns, types, rows.rows(), true, speaker >= 0, gender >= 0);
    }

    private static LabelSet mspImprov(final CSVParser parser, final Header h, final String source,
        final MspOptions options) throws LabelFileException {
        final int id = h.require("FileName");
        final int act = h.require("EmoAct");
        final int val = h.require("EmoVal");
        final int dom = h.require("EmoDom");
        final int split = h.require("Split_Set");
        final int speaker = h.optional("SpkrID");
        final int gender = h.optional("Gender");
        final RowCollector rows = new RowCollector(source);
        for (CSVRecord r : parser) {
            final int line = line(r);
            final String clip = h.text(r, id, line, true);
            double a = h.number(r, act, line);
            double v = h.number(r, val, line);
            double d = h.number(r, dom, line);
            if (options.flipArousal()) {
                a = 6 - a;
            }
            if (options.scaleToUnit()) {
                a = (a - 1) / 4;
                v = (v - 1) / 4;
                d = (d - 1) / 4;
            }
            rows.add(new ClipLabel(clip, line, new Object[] {a, v, d}, normaliseSplit(h.text(r, split, line, true)),
                h.text(r, speaker, line, false), h.text(r, gender, line, false)));
        }
        return new LabelSet(source, LabelFormat.MSP_IMPROV, MSP_ATTRIBUTES,
            List.of(LabelSet.Type.DOUBLE, LabelSet.Type.DOUBLE, LabelSet.Type.DOUBLE), rows.rows(), true,
            speaker >= 0, gender >= 0);
    }

    private static LabelSet generic(final CSVParser parser, final Header h, final String source,
        final GenericColumns g) throws LabelFileException {
        if (g.idColumn().isBlank()) {
            throw new LabelFileException("No id column is set for the generic label file " + source
                + ": name the column that holds the clip ids.");
        }
        if (g.labelColumns().isEmpty()) {
            throw new LabelFileException("No label column is set for the generic label file " + source
                + ": name one or more label columns.");
        }
        final int id = h.require(g.idColumn());
        final int[] labels = new int[g.labelColumns().size()];
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = h.require(g.labelColumns().get(i));
            names.add(h.name(labels[i]));
        }
        final int split = g.splitColumn().isEmpty() ? -1 : h.require(g.splitColumn());
        final int speaker = g.speakerColumn().isEmpty() ? -1 : h.require(g.speakerColumn());
        final int gender = g.genderColumn().isEmpty() ? -1 : h.require(g.genderColumn());
        final List<String[]> raw = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
        final boolean[] numeric = new boolean[labels.length];
        java.util.Arrays.fill(numeric, true);
        final List<CSVRecord> records = parser.getRecords();
        for (CSVRecord r : records) {
            final int line = line(r);
            final String[] texts = new String[labels.length];
            for (int i = 0; i < labels.length; i++) {
                texts[i] = h.text(r, labels[i], line, false);
                if (texts[i] != null && parseNumber(texts[i]) == null) {
                    numeric[i] = false;
                }
            }
            raw.add(texts);
            lines.add(line);
        }
        final RowCollector rows = new RowCollector(source);
        for (int k = 0; k < records.size(); k++) {
            final CSVRecord r = records.get(k);
            final int line = lines.get(k);
            final Object[] values = new Object[labels.length];
            for (int i = 0; i < labels.length; i++) {
                final String t = raw.get(k)[i];
                values[i] = t == null ? null : numeric[i] ? parseNumber(t) : t;
            }
            rows.add(new ClipLabel(h.text(r, id, line, true), line, values,
                split < 0 ? null : normaliseSplit(h.text(r, split, line, false)), h.text(r, speaker, line, false),
                h.text(r, gender, line, false)));
        }
        final List<LabelSet.Type> types = new ArrayList<>();
        for (boolean n : numeric) {
            types.add(n ? LabelSet.Type.DOUBLE : LabelSet.Type.STRING);
        }
        return new LabelSet(source, LabelFormat.GENERIC, names, types, rows.rows(), split >= 0, speaker >= 0,
            gender >= 0);
    }

    /**
     * @return {@code Train}, {@code Development} or {@code Test} for the usual spellings (train,
     *         training; dev, development, val, valid, validation; test, testing), else the value as it is
     */
    public static String normaliseSplit(final String split) {
        if (split == null) {
            return null;
        }
        switch (split.trim().toLowerCase(Locale.ROOT)) {
            case "train":
            case "training":
                return "Train";
            case "dev":
            case "development":
            case "val":
            case "valid":
            case "validation":
                return "Development";
            case "test":
            case "testing":
                return "Test";
            default:
                return split.trim();
        }
    }

    /** Decodes file bytes: UTF-8 unless a byte order mark says UTF-16; the mark is dropped. */
    static String decode(final byte[] bytes) throws IOException {
        try (BOMInputStream in = BOMInputStream.builder().setInputStream(new java.io.ByteArrayInputStream(bytes))
            .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get()) {
            final String charset = in.getBOMCharsetName();
            return new String(in.readAllBytes(), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
        }
    }

    /** The delimiter of the header line: the most frequent of comma, semicolon and tab (comma on ties). */
    static char delimiter(final String text) {
        int end = text.indexOf('\n');
        final String head = end < 0 ? text : text.substring(0, end);
        final char[] candidates = {',', ';', '\t'};
        char best = ',';
        long bestCount = head.chars().filter(c -> c == ',').count();
        for (char c : candidates) {
            final long n = head.chars().filter(x -> x == c).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    private static int line(final CSVRecord r) {
        return (int)r.getRecordNumber() + 1;
    }

    static Double parseNumber(final String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            final double d = Double.parseDouble(s.trim());
            return Double.isNaN(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The header of a file: finds columns ignoring case and spaces, and names the file when one is missing. */
    private static final class Header {
        private final List<String> m_names;

        private final Map<String, Integer> m_index = new HashMap<>();

        private final String m_source;

        private final LabelFormat m_format;

        Header(final List<String> names, final String source, final LabelFormat format) throws LabelFileException {
            m_names = names;
            m_source = source;
            m_format = format;
            if (names.isEmpty()) {
                throw new LabelFileException("Label file " + source + " is empty: it has no header line.");
            }
            for (int i = 0; i < names.size(); i++) {
                m_index.putIfAbsent(norm(names.get(i)), i);
            }
        }

        private static String norm(final String s) {
            return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        }

        int require(final String column) throws LabelFileException {
            final Integer i = m_index.get(norm(column));
            if (i == null) {
                final String expected;
                switch (m_format) {
                    case CREMA_D:
                        expected = " A CREMA-D label file has the columns FileName,angry,sad,disgust,fear,neutral,"
                            + "happy,Split_Set (SpkrID and Gender optional); choose the format that fits the file.";
                        break;
                    case MSP_IMPROV:
                        expected = " An MSP-IMPROV label file has the columns FileName,EmoAct,EmoVal,EmoDom,"
                            + "Split_Set (SpkrID and Gender optional); choose the format that fits the file.";
                        break;
                    default:
                        expected = " Set the column names of the generic format to columns of the file.";
                }
                throw new LabelFileException("Label file " + m_source + " has no column '" + column
                    + "' (its columns: " + String.join(", ", m_names) + ")." + expected);
            }
            return i;
        }

        int optional(final String column) {
            final Integer i = m_index.get(norm(column));
            return i == null ? -1 : i;
        }

        String name(final int index) {
            return m_names.get(index).trim();
        }

        /** @return the trimmed text, null when empty or absent (an error when required) */
        String text(final CSVRecord r, final int column, final int line, final boolean required)
            throws LabelFileException {
            final String v = column < 0 || column >= r.size() ? null : r.get(column);
            if (v == null || v.isBlank()) {
                if (required) {
                    throw new LabelFileException("Label file " + m_source + ", line " + line + ": column '"
                        + name(column) + "' is empty. Fill it in or delete the line.");
                }
                return null;
            }
            return v.trim();
        }

        double number(final CSVRecord r, final int column, final int line) throws LabelFileException {
            final String t = text(r, column, line, true);
            final Double d = parseNumber(t);
            if (d == null) {
                throw new LabelFileException("Label file " + m_source + ", line " + line + ": column '" + name(column)
                    + "' holds '" + t + "', not a number. Correct the value or choose the format that fits the file.");
            }
            return d;
        }
    }

    /** Collects rows and refuses a clip listed twice. */
    private static final class RowCollector {
        private final String m_source;

        private final List<ClipLabel> m_rows = new ArrayList<>();

        private final Map<String, ClipLabel> m_seen = new HashMap<>();

        RowCollector(final String source) {
            m_source = source;
        }

        void add(final ClipLabel row) throws LabelFileException {
            final ClipLabel before = m_seen.putIfAbsent(ClipKeys.baseName(row.id()), row);
            if (before != null) {
                throw new LabelFileException("Label file " + m_source + " lists clip '" + row.id() + "' twice (lines "
                    + before.line() + " and " + row.line() + "). Keep one of the lines.");
            }
            m_rows.add(row);
        }

        List<ClipLabel> rows() {
            return m_rows;
        }
    }
}
