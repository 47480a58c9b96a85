package org.vavl.core.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a per-clip output was made from: the identity of its input file, recorded beside the output with the
 * settings ({@link ClipOutputStore}) so that an output is made again when its input is replaced.
 *
 * <p>The identity is the file's size, its modification time and a SHA-256 of its content: of the whole file
 * up to {@link #WHOLE_FILE_LIMIT} bytes, else of its first and last MiB (a replaced video almost always differs
 * there: container headers, index, first frames). The path is not part of it: a dataset folder that is moved
 * keeps its outputs, a different file copied over the old one does not.
 */
public final class InputIdentity {

    /** Inputs up to this size are hashed whole; larger ones by their first and last {@link #EDGE} bytes. */
    public static final long WHOLE_FILE_LIMIT = 2L << 20;

    /** How much of each end of a large input is hashed. */
    public static final int EDGE = 1 << 20;

    /** Record key of the input's size in bytes. */
    public static final String SIZE = "input size";

    /** Record key of the input's modification time. */
    public static final String MODIFIED = "input modified";

    /** Record key of the input's content hash. */
    public static final String HASH = "input sha-256";

    private InputIdentity() {
    }

    /**
     * @param input the input file, or null when the output has no input file
     * @return the identity as recorded beside the output (empty for null)
     * @throws IOException when the file cannot be read
     */
    public static Map<String, String> of(final Path input) throws IOException {
        final Map<String, String> id = new LinkedHashMap<>();
        if (input == null) {
            return id;
        }
        final long size = Files.size(input);
        id.put(SIZE, Long.toString(size));
        id.put(MODIFIED, Files.getLastModifiedTime(input).toString());
        id.put(HASH, hash(input, size));
        return id;
    }

    private static String hash(final Path input, final long size) throws IOException {
        final MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (FileChannel ch = FileChannel.open(input, StandardOpenOption.READ)) {
            final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            if (size <= WHOLE_FILE_LIMIT) {
                digest(ch, 0, Long.MAX_VALUE, md, buf);
                return HexFormat.of().formatHex(md.digest()) + " (whole file)";
            }
            digest(ch, 0, EDGE, md, buf);
            digest(ch, size - EDGE, EDGE, md, buf);
            return HexFormat.of().formatHex(md.digest()) + " (first and last MiB)";
        }
    }

    private static void digest(final FileChannel ch, final long from, final long length, final MessageDigest md,
        final ByteBuffer buf) throws IOException {
        long pos = from;
        long left = length;
        while (left > 0) {
            buf.clear();
            if (left < buf.capacity()) {
                buf.limit((int)left);
            }
            final int n = ch.read(buf, pos);
            if (n < 0) {
                return;
            }
            buf.flip();
            md.update(buf);
            pos += n;
            left -= n;
        }
    }
}
