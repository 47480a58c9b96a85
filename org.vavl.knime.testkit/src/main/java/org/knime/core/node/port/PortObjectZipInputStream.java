package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * The zip stream a serializer reads or writes (one zip per port object / spec).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObjectZipInputStream.java (constructor not for clients).
 */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
