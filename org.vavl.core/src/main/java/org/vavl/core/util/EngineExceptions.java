package org.vavl.core.util;

import java.io.IOException;

/**
 * The checked exceptions of the engine's public API: {@link IOException} (a file or model that cannot be read or
 * written), {@link ClipException} (a clip that cannot be used, named in the message) and {@link CancelledException}.
 * Work run through a generic runner ({@link DjlRuntime#call}, a thread pool) comes back as {@link Exception}; this
 * class throws it again as the type it is.
 */
public final class EngineExceptions {

    private EngineExceptions() {
    }

    /**
     * Throws {@code t} again as the engine exception or unchecked exception it is.
     *
     * @return never normally: an {@link IllegalStateException} wrapping {@code t} when it is another checked
     *         exception (a programming error), for the caller to throw ({@code throw EngineExceptions.rethrow(e);})
     */
    public static RuntimeException rethrow(final Throwable t) throws IOException, ClipException, CancelledException {
        if (t instanceof IOException e) {
            throw e;
        } else if (t instanceof ClipException e) {
            throw e;
        } else if (t instanceof CancelledException e) {
            throw e;
        } else if (t instanceof RuntimeException e) {
            throw e;
        } else if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
