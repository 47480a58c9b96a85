package org.vavl.core.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes feature sequences as NumPy {@code .npy} files (format version 1.0), the layout of the
 * reference ({@code <clip>.npy}, float, frames x dim). DJL reads {@code .npy} but has no public writer of
 * single {@code .npy} files, so the documented header is written here.
 *
 * <p>Reading accepts little- and big-endian float32 and float64, C order, 1-D (one frame) or 2-D arrays,
 * so features made by the reference's scripts ({@code np.save} of float32 or float64) can be used.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte)0x93, 'N', 'U', 'M', 'P', 'Y'};

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-z])(\\d+)'");

    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");

    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Writes a feature sequence as little-endian float32 {@code .npy} of shape (frames, dim). */
    public static void write(final Path file, final FeatureSequence seq) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, seq);
        }
    }

    /** Writes a feature sequence as little-endian float32 {@code .npy} of shape (frames, dim). */
    public static void write(final OutputStream out, final FeatureSequence seq) throws IOException {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + seq.frames() + ", " + seq.dim()
            + "), }";
        // magic (6) + version (2) + header length (2) + header + '\n' must be a multiple of 64
        final int unpadded = 10 + header.length() + 1;
        final int pad = (64 - unpadded % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write((header.length() >> 8) & 0xff);
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : seq.values()) {
            if (buf.remaining() < 4) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putFloat(v);
        }
        out.write(buf.array(), 0, buf.position());
    }

    /**
     * Reads a {@code .npy} file as a feature sequence.
     *
     * @throws IOException naming the file when it is not a float {@code .npy} of rank 1 or 2
     */
    public static FeatureSequence read(final Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads only the header of a {@code .npy} feature file.
     *
     * @return {frames, dim} (a 1-D file counts as one frame)
     * @throws IOException naming the file when it is not a float {@code .npy} of rank 1 or 2
     */
    public static int[] readShape(final Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 4096)) {
            final Header h = readHeader(new DataInputStream(in), file.toString());
            return new int[]{h.frames, h.dim};
        }
    }

    /** Reads {@code .npy} content; {@code name} is used in error messages. */
    public static FeatureSequence read(final InputStream stream, final String name) throws IOException {
        final DataInputStream in = new DataInputStream(stream);
        final Header h = readHeader(in, name);
        final int frames = h.frames;
        final int dim = h.dim;
        final int width = h.width;
        final ByteOrder order = h.order;
        final long count = (long)frames * dim;
        final float[] values = new float[Math.toIntExact(count)];
        final byte[] chunk = new byte[width * 8192];
        int filled = 0;
        while (filled < values.length) {
            final int n = Math.min(8192, values.length - filled);
            try {
                in.readFully(chunk, 0, n * width);
            } catch (IOException e) {
                throw new IOException("'" + name + "' is truncated: expected " + count + " values of shape ("
                    + frames + ", " + dim + ").", e);
            }
            final ByteBuffer bb = ByteBuffer.wrap(chunk, 0, n * width).order(order);
            for (int i = 0; i < n; i++) {
                values[filled++] = width == 4 ? bb.getFloat() : (float)bb.getDouble();
            }
        }
        return new FeatureSequence(values, frames, dim);
    }

    private static final class Header {
        int frames;

        int dim;

        int width;

        ByteOrder order;
    }

    private static Header readHeader(final DataInputStream in, final String name) throws IOException {
        final byte[] magic = new byte[6];
        try {
            in.readFully(magic);
        } catch (IOException e) {
            throw new IOException("'" + name + "' is not a NumPy .npy file (too short).", e);
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("'" + name + "' is not a NumPy .npy file (no \\x93NUMPY magic).");
        }
        final int major = in.readUnsignedByte();
        in.readUnsignedByte();
        final int headerLen;
        if (major == 1) {
            headerLen = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
        } else {
            final byte[] b = new byte[4];
            in.readFully(b);
            headerLen = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        final byte[] hb = new byte[headerLen];
        in.readFully(hb);
        final String header = new String(hb, StandardCharsets.ISO_8859_1);
        final Matcher d = DESCR.matcher(header);
        final Matcher f = FORTRAN.matcher(header);
        final Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IOException("'" + name + "' has a .npy header that cannot be read: " + header.trim());
        }
        final ByteOrder order = ">".equals(d.group(1)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        final char kind = d.group(2).charAt(0);
        final int width = Integer.parseInt(d.group(3));
        if (kind != 'f' || (width != 4 && width != 8)) {
            throw new IOException("'" + name + "' holds " + d.group(2) + d.group(3)
                + " values; feature files must be float32 or float64.");
        }
        if ("True".equals(f.group(1))) {
            throw new IOException("'" + name + "' is in Fortran order; save it in C order (np.ascontiguousarray).");
        }
        final String[] dims = s.group(1).trim().split("\\s*,\\s*");
        final int frames;
        final int dim;
        final String[] nonEmpty = Arrays.stream(dims).filter(x -> !x.isEmpty()).toArray(String[]::new);
        if (nonEmpty.length == 1) {
            frames = 1;
            dim = Integer.parseInt(nonEmpty[0]);
        } else if (nonEmpty.length == 2) {
            frames = Integer.parseInt(nonEmpty[0]);
            dim = Integer.parseInt(nonEmpty[1]);
        } else {
            throw new IOException("'" + name + "' has shape (" + s.group(1).trim()
                + "); feature files must be 2-D (frames, dim) or 1-D (dim).");
        }
        if (dim <= 0) {
            throw new IOException("'" + name + "' has a feature dimension of " + dim + ".");
        }
        final Header h = new Header();
        h.frames = frames;
        h.dim = dim;
        h.width = width;
        h.order = order;
        return h;
    }
}
