package org.knime.core.node;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The node logger. In the test kit it writes to standard error (WARN and above unless the system property
 * {@code vavl.log.level} is {@code debug} or {@code info}) and, while a test or the runner captures it, to a sink.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/NodeLogger.java (own implementation). The
 * {@code debug/info/warn/error/fatal(Throwable)} overloads are left out: KNIME has them only from 5.4, and the
 * nodes must link against 5.3 (log {@code (message, throwable)} instead).
 */
public final class NodeLogger {

    private enum Level {
        DEBUG, INFO, WARN, ERROR, FATAL, CODING
    }

    private static volatile Consumer<String> s_sink;

    private final String m_name;

    private NodeLogger(final String name) {
        m_name = name;
    }

    /** @return a logger named after the class */
    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    /** @return a logger with the name */
    public static NodeLogger getLogger(final String s) {
        return new NodeLogger(s);
    }

    static void setSink(final Consumer<String> sink) {
        s_sink = sink;
    }

    private static Level threshold() {
        String l = System.getProperty("vavl.log.level", "warn").toUpperCase(Locale.ROOT);
        try {
            return Level.valueOf(l);
        } catch (IllegalArgumentException e) {
            return Level.WARN;
        }
    }

    private static boolean isEnabled(final Level l) {
        return s_sink != null || l.ordinal() >= threshold().ordinal();
    }

    /** @return whether DEBUG messages are logged */
    public boolean isDebugEnabled() {
        return isEnabled(Level.DEBUG);
    }

    /** @return whether INFO messages are logged */
    public boolean isInfoEnabled() {
        return isEnabled(Level.INFO);
    }

    private void log(final Level level, final Object o, final Throwable t) {
        String line = level + " " + m_name.substring(m_name.lastIndexOf('.') + 1) + " : " + o;
        if (t != null) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            line += System.lineSeparator() + w;
        }
        Consumer<String> sink = s_sink;
        if (sink != null) {
            sink.accept(line);
        }
        if (level.ordinal() >= threshold().ordinal()) {
            System.err.println(line);
        }
    }

    /** Logs at DEBUG. */
    public void debug(final Object o) {
        log(Level.DEBUG, o, null);
    }

    /** Logs at DEBUG. */
    public void debug(final Object o, final Throwable t) {
        log(Level.DEBUG, o, t);
    }

    /** Logs at DEBUG; the supplier is called only when the level is enabled. */
    public void debug(final Supplier<Object> supplier) {
        if (isEnabled(Level.DEBUG)) {
            log(Level.DEBUG, supplier.get(), null);
        }
    }


    /** Logs at DEBUG, formatted with {@link String#format(String, Object...)}. */
    public void debugWithFormat(final String format, final Object... args) {
        if (isEnabled(Level.DEBUG)) {
            log(Level.DEBUG, String.format(format, args), null);
        }
    }

    /** Logs at INFO. */
    public void info(final Object o) {
        log(Level.INFO, o, null);
    }

    /** Logs at INFO. */
    public void info(final Object o, final Throwable t) {
        log(Level.INFO, o, t);
    }

    /** Logs at INFO; the supplier is called only when the level is enabled. */
    public void info(final Supplier<Object> supplier) {
        if (isEnabled(Level.INFO)) {
            log(Level.INFO, supplier.get(), null);
        }
    }


    /** Logs at INFO, formatted with {@link String#format(String, Object...)}. */
    public void infoWithFormat(final String format, final Object... args) {
        if (isEnabled(Level.INFO)) {
            log(Level.INFO, String.format(format, args), null);
        }
    }

    /** Logs at WARN. */
    public void warn(final Object o) {
        log(Level.WARN, o, null);
    }

    /** Logs at WARN. */
    public void warn(final Object o, final Throwable t) {
        log(Level.WARN, o, t);
    }

    /** Logs at WARN; the supplier is called only when the level is enabled. */
    public void warn(final Supplier<Object> supplier) {
        if (isEnabled(Level.WARN)) {
            log(Level.WARN, supplier.get(), null);
        }
    }


    /** Logs at WARN, formatted with {@link String#format(String, Object...)}. */
    public void warnWithFormat(final String format, final Object... args) {
        if (isEnabled(Level.WARN)) {
            log(Level.WARN, String.format(format, args), null);
        }
    }

    /** Logs at ERROR. */
    public void error(final Object o) {
        log(Level.ERROR, o, null);
    }

    /** Logs at ERROR. */
    public void error(final Object o, final Throwable t) {
        log(Level.ERROR, o, t);
    }

    /** Logs at ERROR; the supplier is called only when the level is enabled. */
    public void error(final Supplier<Object> supplier) {
        if (isEnabled(Level.ERROR)) {
            log(Level.ERROR, supplier.get(), null);
        }
    }


    /** Logs at ERROR, formatted with {@link String#format(String, Object...)}. */
    public void errorWithFormat(final String format, final Object... args) {
        if (isEnabled(Level.ERROR)) {
            log(Level.ERROR, String.format(format, args), null);
        }
    }

    /** Logs at FATAL. */
    public void fatal(final Object o) {
        log(Level.FATAL, o, null);
    }

    /** Logs at FATAL. */
    public void fatal(final Object o, final Throwable t) {
        log(Level.FATAL, o, t);
    }

    /** Logs at FATAL; the supplier is called only when the level is enabled. */
    public void fatal(final Supplier<Object> supplier) {
        if (isEnabled(Level.FATAL)) {
            log(Level.FATAL, supplier.get(), null);
        }
    }


    /** Logs at FATAL, formatted with {@link String#format(String, Object...)}. */
    public void fatalWithFormat(final String format, final Object... args) {
        if (isEnabled(Level.FATAL)) {
            log(Level.FATAL, String.format(format, args), null);
        }
    }

    /** Logs at CODING. */
    public void coding(final Object o) {
        log(Level.CODING, o, null);
    }

    /** Logs at CODING. */
    public void coding(final Object o, final Throwable t) {
        log(Level.CODING, o, t);
    }

    /** Logs at CODING; the supplier is called only when the level is enabled. */
    public void coding(final Supplier<Object> supplier) {
        if (isEnabled(Level.CODING)) {
            log(Level.CODING, supplier.get(), null);
        }
    }
}
