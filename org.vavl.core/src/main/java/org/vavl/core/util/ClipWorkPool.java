package org.vavl.core.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per clip on a fixed number of worker threads, keeps the clips' order in the result,
 * reports progress per finished clip, and stops within about a second of cancellation.
 *
 * <p>With {@link OnError#FAIL} the first failing clip stops the run and its {@link ClipException} is
 * thrown; with {@link OnError#SKIP} the failure is kept in that clip's {@link Outcome} and the run goes
 * on. Any other exception from a task is wrapped in a {@link ClipException} that names the clip.
 */
public final class ClipWorkPool {

    private ClipWorkPool() {
    }

    /** The work for one clip; poll {@code cancel} regularly (per frame, per batch). */
    @FunctionalInterface
    public interface ClipTask<I, R> {
        R process(I item, CancelToken cancel) throws Exception;
    }

    /** The result of one clip: a value, or the reason it was skipped. */
    public static final class Outcome<R> {
        private final R m_value;

        private final String m_error;

        private Outcome(final R value, final String error) {
            m_value = value;
            m_error = error;
        }

        /** @return the outcome of a clip that succeeded (for engines whose own results say whether it did) */
        public static <R> Outcome<R> ok(final R value) {
            return new Outcome<>(value, null);
        }

        /** @return the outcome of a clip that failed, with the reason (naming the clip) */
        public static <R> Outcome<R> failed(final String error) {
            return new Outcome<>(null, java.util.Objects.requireNonNull(error, "error"));
        }

        /** @return the value, or null when the clip failed */
        public R value() {
            return m_value;
        }

        /** @return the reason the clip failed, or null when it succeeded */
        public String error() {
            return m_error;
        }

        /** @return true when the clip succeeded */
        public boolean ok() {
            return m_error == null;
        }
    }

    /**
     * @param items the clips, in output order
     * @param threads worker threads (at least 1)
     * @param clipId names an item in messages (its clip id)
     * @param task the work per clip
     * @param onError fail the run, or skip the clip
     * @param progress progress per finished clip ("Clip 3 of 100: id") and cancellation
     * @return one outcome per item, in the items' order
     */
    public static <I, R> List<Outcome<R>> run(final List<I> items, final int threads,
        final Function<I, String> clipId, final ClipTask<I, R> task, final OnError onError,
        final Progress progress) throws ClipException, CancelledException {
        final int n = items.size();
        final List<Outcome<R>> outcomes = new ArrayList<>(n);
        if (n == 0) {
            return outcomes;
        }
        final CancelToken token = new CancelToken(progress);
        final AtomicInteger done = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r -> {
            final Thread t = new Thread(r, "vavl-clip-worker");
            t.setDaemon(true);
            return t;
        });
        final List<Future<R>> futures = new ArrayList<>(n);
        try {
            for (I item : items) {
                futures.add(pool.submit(() -> {
                    if (token.isCancelled()) {
                        throw new CancelledException();
                    }
                    try {
                        return task.process(item, token);
                    } finally {
                        final int d = done.incrementAndGet();
                        progress.update((double)d / n, "Clip " + d + " of " + n + ": " + clipId.apply(item));
                    }
                }));
            }
            pool.shutdown();
            for (int i = 0; i < n; i++) {
                final I item = items.get(i);
                final R value;
                try {
                    value = await(futures.get(i), token);
                } catch (ExecutionException e) {
                    final Throwable cause = e.getCause();
                    if (cause instanceof CancelledException || token.isCancelled()) {
                        throw cancelled(token);
                    }
                    final ClipException ce = asClipException(clipId.apply(item), cause);
                    if (onError == OnError.FAIL) {
                        token.cancel();
                        throw ce;
                    }
                    outcomes.add(new Outcome<>(null, ce.getMessage()));
                    continue;
                }
                outcomes.add(new Outcome<>(value, null));
            }
            return outcomes;
        } finally {
            token.cancel();
            pool.shutdownNow();
            try {
                // let workers delete their temporary files before the caller goes on
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static CancelledException cancelled(final CancelToken token) {
        token.cancel();
        return new CancelledException();
    }

    private static <R> R await(final Future<R> f, final CancelToken token)
        throws ExecutionException, CancelledException {
        while (true) {
            if (token.isCancelled()) {
                throw cancelled(token);
            }
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled(token);
            }
        }
    }

    /** Wraps any failure of a clip so that its message names the clip. */
    public static ClipException asClipException(final String clipId, final Throwable t) {
        if (t instanceof ClipException) {
            return (ClipException)t;
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        if (!msg.contains(clipId)) {
            msg = "Clip '" + clipId + "': " + msg;
        }
        return new ClipException(clipId, msg, t);
    }
}
