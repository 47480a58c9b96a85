package org.vavl.knime.nodes.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.vavl.core.train.TrainedAuxFormer;
import org.vavl.core.util.AtomicFiles;
import org.vavl.knime.nodes.common.WorkflowPaths;

/**
 * An AuxFormer model saved as a file ({@code .auxformer}), so that a model trained in one workflow can be applied
 * in another, headless too: the bytes are those the model port stores (the versioned model format of
 * {@link TrainedAuxFormer}). The AuxFormer Learner writes it (setting "model file"); the AuxFormer Predictor reads it
 * when no model is connected.
 */
public final class AuxFormerModelFile {

    /** The file extension of model files. */
    public static final String EXTENSION = ".auxformer";

    /** The settings key (and the name users see) of the model file setting of both nodes. */
    public static final String KEY = "model file";

    private AuxFormerModelFile() {
    }

    /** @return the "model file" setting; empty = none */
    public static SettingsModelString createSetting() {
        return new SettingsModelString(KEY, "");
    }

    /**
     * Loads the setting; settings written before the setting existed have none, which means no file.
     */
    public static void load(final SettingsModelString model, final NodeSettingsRO settings)
        throws InvalidSettingsException {
        if (settings.containsKey(KEY)) {
            model.loadSettingsFrom(settings);
        } else {
            model.setStringValue("");
        }
    }

    /** @return the setting's value (empty when absent), checked as {@link #check(String)} does */
    public static String validate(final NodeSettingsRO settings) throws InvalidSettingsException {
        final SettingsModelString m = createSetting();
        load(m, settings);
        check(m.getStringValue());
        return m.getStringValue();
    }

    /**
     * Checks a setting's value without resolving it: empty, or a path whose name ends with {@code .auxformer}.
     */
    public static void check(final String value) throws InvalidSettingsException {
        if (value == null || value.isBlank()) {
            return;
        }
        final Path p;
        try {
            p = Paths.get(value.trim());
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException("Setting '" + KEY + "' is not a valid path: " + value, e);
        }
        if (p.getFileName() == null || !p.getFileName().toString().endsWith(EXTENSION)
            || p.getFileName().toString().equals(EXTENSION)) {
            throw new InvalidSettingsException("Setting '" + KEY + "' is '" + value + "': name a file ending with "
                + EXTENSION + " (for example knime://knime.workflow/vavl-data/model" + EXTENSION + ").");
        }
    }

    /** @return the file named by a non-empty setting, absolute or relative to the workflow folder */
    public static Path resolve(final String value) throws InvalidSettingsException {
        check(value);
        return WorkflowPaths.resolveFile(value, KEY);
    }

    /**
     * Proves that a model can be written to the file before the Learner trains, so that a bad path fails at
     * once and not after the training: the file is not a folder, and its folder is created and can be written
     * into (the model goes through a temporary file there, renamed when complete).
     *
     * @param create false (configure): check without changing anything on disk; true (execute): create the
     *            folder and write a test file into it
     * @throws InvalidSettingsException naming the setting and the reason
     */
    public static void checkWritable(final Path file, final boolean create) throws InvalidSettingsException {
        if (Files.isDirectory(file)) {
            throw new InvalidSettingsException("Setting '" + KEY + "': '" + file + "' is a folder. Name a file ending"
                + " with " + EXTENSION + " in it.");
        }
        final Path folder = file.toAbsolutePath().getParent();
        try {
            if (create) {
                WorkflowPaths.prepareOutputFolder(folder.toString(), KEY);
            } else {
                WorkflowPaths.resolveOutputFolder(folder.toString(), KEY);
            }
        } catch (InvalidSettingsException e) {
            throw new InvalidSettingsException(e.getMessage().replace(". Choose a folder you can write to.",
                ". The trained model could not be saved there: choose a file in a folder you can write to."), e);
        }
    }

    /**
     * Writes a model through a temporary file in the same folder that is renamed when complete; on failure the
     * previous file, if any, is left as it was.
     *
     * @throws IOException naming the file
     */
    public static void write(final TrainedAuxFormer model, final Path file) throws IOException {
        final Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        try {
            // readable by all: a model file is read by other workflows and executors too
            AtomicFiles.write(file, part -> {
                try (OutputStream out = Files.newOutputStream(part)) {
                    model.save(out);
                }
            });
        } catch (IOException e) {
            throw new IOException("Cannot write the model file '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model file.
     *
     * @throws InvalidSettingsException when the file is missing, is no AuxFormer model, or was written in another
     *             model format version (the message names both versions)
     */
    public static TrainedAuxFormer read(final Path file) throws InvalidSettingsException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingsException("The model file '" + file + "' does not exist. Execute the workflow "
                + "that trains the model (its AuxFormer Learner writes the file when its '" + KEY
                + "' is set), or correct the setting '" + KEY + "'.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return TrainedAuxFormer.load(in);
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot use the model file '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * Remembers the model last read from a file, so that configure and execute read a file only once while it is
     * unchanged (same path, size and modification time).
     */
    public static final class Cache {

        private Path m_file;

        private long m_size;

        private FileTime m_modified;

        private TrainedAuxFormer m_model;

        /** @return the model in the file, read again only when the file changed */
        public synchronized TrainedAuxFormer get(final Path file) throws InvalidSettingsException {
            long size = -1;
            FileTime modified = null;
            try {
                size = Files.size(file);
                modified = Files.getLastModifiedTime(file);
            } catch (IOException e) {
                // missing or unreadable: read() says so
            }
            if (m_model != null && file.equals(m_file) && size == m_size && Objects.equals(modified, m_modified)) {
                return m_model;
            }
            clear();
            final TrainedAuxFormer model = read(file);
            m_file = file;
            m_size = size;
            m_modified = modified;
            m_model = model;
            return model;
        }

        /** Forgets the model. */
        public synchronized void clear() {
            m_file = null;
            m_model = null;
            m_modified = null;
            m_size = -1;
        }
    }
}
