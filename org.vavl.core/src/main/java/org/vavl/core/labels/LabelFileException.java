package org.vavl.core.labels;

import java.io.IOException;

/** A label file that cannot be used: the message names the file, and the column or line, and what to do. */
public class LabelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public LabelFileException(final String message) {
        super(message);
    }

    public LabelFileException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
