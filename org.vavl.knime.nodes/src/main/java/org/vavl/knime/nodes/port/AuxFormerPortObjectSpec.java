package org.vavl.knime.nodes.port;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.swing.JComponent;
import javax.swing.JEditorPane;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.vavl.core.model.Architecture;
import org.vavl.core.model.Task;
import org.vavl.core.train.TrainedAuxFormer;

/**
 * What is known about an AuxFormer model before it exists (at configure time) and without its weights: the task,
 * the class or attribute names in output order, the feature dims of both modalities, the architecture and the
 * model format version. The Predictor configures its output columns from it.
 */
public final class AuxFormerPortObjectSpec extends AbstractSimplePortObjectSpec {

    private static final String TASK = "task";

    private static final String LABELS = "labels";

    private static final String AUDIO_DIM = "audioDim";

    private static final String VISUAL_DIM = "visualDim";

    private static final String ARCHITECTURE = "architecture";

    private static final String FORMAT_VERSION = "formatVersion";

    private Task m_task;

    private String[] m_labels;

    private int m_audioDim;

    private int m_visualDim;

    private Architecture m_architecture;

    private int m_formatVersion;

    /** The serializer of the spec, registered in plugin.xml. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<AuxFormerPortObjectSpec> {
    }

    /** For the serializer. */
    public AuxFormerPortObjectSpec() {
    }

    /**
     * @param task categorical or dimensional
     * @param labels class or attribute names in output order
     * @param audioDim feature dim of the audio feature sequences
     * @param visualDim feature dim of the visual feature sequences
     * @param architecture the network
     * @param formatVersion the model format version
     */
    public AuxFormerPortObjectSpec(final Task task, final List<String> labels, final int audioDim,
        final int visualDim, final Architecture architecture, final int formatVersion) {
        m_task = Objects.requireNonNull(task);
        m_labels = labels.toArray(new String[0]);
        m_audioDim = audioDim;
        m_visualDim = visualDim;
        m_architecture = Objects.requireNonNull(architecture);
        m_formatVersion = formatVersion;
    }

    /** @return the spec of a trained model */
    public static AuxFormerPortObjectSpec of(final TrainedAuxFormer model) {
        return new AuxFormerPortObjectSpec(model.task(), model.labelNames(), model.config().audioDim(),
            model.config().visualDim(), model.config().architecture(), model.formatVersion());
    }

    /** @return categorical or dimensional */
    public Task task() {
        return m_task;
    }

    /** @return class names (categorical) or attribute names (dimensional), in output order */
    public List<String> labels() {
        return Collections.unmodifiableList(Arrays.asList(m_labels));
    }

    /** @return the audio feature dim, 0 when not known yet */
    public int audioDim() {
        return m_audioDim;
    }

    /** @return the visual feature dim, 0 when not known yet */
    public int visualDim() {
        return m_visualDim;
    }

    /** @return the network */
    public Architecture architecture() {
        return m_architecture;
    }

    /** @return the model format version of the port */
    public int formatVersion() {
        return m_formatVersion;
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString(TASK, m_task.name());
        model.addStringArray(LABELS, m_labels);
        model.addInt(AUDIO_DIM, m_audioDim);
        model.addInt(VISUAL_DIM, m_visualDim);
        model.addString(ARCHITECTURE, m_architecture.name());
        model.addInt(FORMAT_VERSION, m_formatVersion);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        try {
            m_task = Task.valueOf(model.getString(TASK));
            m_architecture = Architecture.valueOf(model.getString(ARCHITECTURE));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("The AuxFormer model spec names an unknown task or architecture: "
                + e.getMessage(), e);
        }
        m_labels = model.getStringArray(LABELS);
        m_audioDim = model.getInt(AUDIO_DIM);
        m_visualDim = model.getInt(VISUAL_DIM);
        m_formatVersion = model.getInt(FORMAT_VERSION);
    }

    /** @return a one-line description */
    public String describe() {
        return String.format("AuxFormer (%s), %s: %s; audio features %d-d, visual features %d-d; format %d",
            m_architecture == Architecture.VAVL ? "VAVL" : "AuxFormer 2022",
            m_task == Task.CATEGORICAL ? m_labels.length + " classes" : m_labels.length + " attributes",
            String.join(", ", m_labels), m_audioDim, m_visualDim, m_formatVersion);
    }

    @Override
    public JComponent[] getViews() {
        final JEditorPane pane = new JEditorPane("text/html", "<html><body>" + escape(describe()) + "</body></html>");
        pane.setEditable(false);
        pane.setName("AuxFormer model spec");
        return new JComponent[] {pane};
    }

    static String escape(final String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof AuxFormerPortObjectSpec)) {
            return false;
        }
        final AuxFormerPortObjectSpec s = (AuxFormerPortObjectSpec)o;
        return m_task == s.m_task && Arrays.equals(m_labels, s.m_labels) && m_audioDim == s.m_audioDim
            && m_visualDim == s.m_visualDim && m_architecture == s.m_architecture
            && m_formatVersion == s.m_formatVersion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_task, Arrays.hashCode(m_labels), m_audioDim, m_visualDim, m_architecture,
            m_formatVersion);
    }

    @Override
    public String toString() {
        return describe();
    }
}
