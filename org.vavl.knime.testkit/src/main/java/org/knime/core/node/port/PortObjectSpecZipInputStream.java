package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/**
 * The zip stream a serializer reads or writes (one zip per port object / spec).
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/port/PortObjectSpecZipInputStream.java (constructor not for clients).
 */
public class PortObjectSpecZipInputStream extends ZipInputStream {

    PortObjectSpecZipInputStream(final InputStream stream) {
        super(stream);
    }
}
