package org.knime.core.node.defaultnodesettings;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.border.TitledBorder;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.JTextComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;

/**
 * A file or folder chooser for a string setting, drawn as KNIME draws it: a panel with a titled border ("Selected
 * File:" or "Selected Directory:" until {@link #setBorderTitle(String)} names what the file is for) holding an
 * editable combo box with the history of this history id and a "Browse..." button. What is typed (or chosen)
 * goes into the model.
 * <p>
 * Differs from KNIME: KNIME refuses to save an empty field ("Please specify a filename."); the kit saves it.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/defaultnodesettings/DialogComponentFileChooser.java
 * (own implementation, test-kit subset).
 */
public class DialogComponentFileChooser extends DialogComponent {

    /** Histories by id, as KNIME's StringHistory (in memory only). */
    private static final Map<String, List<String>> HISTORIES = new LinkedHashMap<>();

    private final TitledBorder m_border;

    private final JComboBox<String> m_fileComboBox;

    private final JButton m_browseButton;

    private final String m_historyID;

    private final int m_dialogType;

    private final boolean m_directoryOnly;

    private final String[] m_extensions;

    private boolean m_updating;

    /** @param stringModel model @param historyID history key @param validExtensions file extensions */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final String... validExtensions) {
        this(stringModel, historyID, javax.swing.JFileChooser.OPEN_DIALOG, false, validExtensions);
    }

    /** @param stringModel model @param historyID history key @param dialogType open/save
     * @param directoryOnly select folders */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly) {
        this(stringModel, historyID, dialogType, directoryOnly, new String[0]);
    }

    /** @param stringModel model @param historyID history key @param dialogType open/save
     * @param validExtensions file extensions */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final String... validExtensions) {
        this(stringModel, historyID, dialogType, false, validExtensions);
    }

    /** @param stringModel model @param historyID history key @param dialogType open/save
     * @param directoryOnly select folders @param validExtensions file extensions */
    public DialogComponentFileChooser(final SettingsModelString stringModel, final String historyID,
        final int dialogType, final boolean directoryOnly, final String... validExtensions) {
        super(stringModel);
        m_historyID = historyID;
        m_dialogType = dialogType;
        m_directoryOnly = directoryOnly;
        m_extensions = validExtensions == null ? new String[0] : validExtensions.clone();
        getComponentPanel().setLayout(new FlowLayout());
        final JPanel p = new JPanel();
        m_fileComboBox = new JComboBox<>();
        m_fileComboBox.setEditable(true);
        m_fileComboBox.setPreferredSize(new Dimension(300, m_fileComboBox.getPreferredSize().height));
        synchronized (HISTORIES) {
            HISTORIES.getOrDefault(historyID, List.of()).forEach(m_fileComboBox::addItem);
        }
        m_browseButton = new JButton("Browse...");
        m_browseButton.addActionListener(e -> browse());
        m_border = BorderFactory.createTitledBorder(directoryOnly ? "Selected Directory:" : "Selected File:");
        p.setBorder(m_border);
        p.add(m_fileComboBox);
        p.add(m_browseButton);
        getComponentPanel().add(p);
        final Component editor = m_fileComboBox.getEditor().getEditorComponent();
        if (editor instanceof JTextComponent) {
            ((JTextComponent)editor).getDocument().addDocumentListener(new DocumentListener() {
                @Override
                public void insertUpdate(final DocumentEvent e) {
                    typed();
                }

                @Override
                public void removeUpdate(final DocumentEvent e) {
                    typed();
                }

                @Override
                public void changedUpdate(final DocumentEvent e) {
                    typed();
                }
            });
        }
        m_fileComboBox.addItemListener(e -> typed());
        followModel();
        updateComponent();
    }

    private String shownText() {
        final Object item = m_fileComboBox.getEditor().getItem();
        return item == null ? "" : item.toString();
    }

    private void typed() {
        if (m_updating) {
            return;
        }
        m_updating = true;
        try {
            ((SettingsModelString)getModel()).setStringValue(shownText());
        } finally {
            m_updating = false;
        }
    }

    private void browse() {
        final JFileChooser chooser = new JFileChooser(shownText());
        chooser.setDialogType(m_dialogType);
        if (m_directoryOnly) {
            chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        }
        if (chooser.showDialog(getComponentPanel().getParent(), null) == JFileChooser.APPROVE_OPTION) {
            final String f = chooser.getSelectedFile().getAbsoluteFile().toString();
            m_fileComboBox.removeItem(f);
            m_fileComboBox.addItem(f);
            m_fileComboBox.setSelectedItem(f);
        }
    }

    /** @return the extensions the chooser offers */
    String[] validExtensions() {
        return m_extensions.clone();
    }

    /**
     * Replaces the title of the border around the field and the button (by default "Selected File:" or "Selected
     * Directory:").
     *
     * @param newTitle the new title, not null
     */
    public void setBorderTitle(final String newTitle) {
        if (newTitle == null) {
            throw new NullPointerException("New title to display can't be null.");
        }
        m_border.setTitle(newTitle);
    }

    @Override
    protected void updateComponent() {
        if (!m_updating) {
            final String v = ((SettingsModelString)getModel()).getStringValue();
            final String shown = v == null ? "" : v;
            if (!Objects.equals(shown, shownText())) {
                m_updating = true;
                try {
                    if (!shown.isEmpty()) {
                        m_fileComboBox.removeItem(shown);
                        m_fileComboBox.addItem(shown);
                    }
                    m_fileComboBox.setSelectedItem(shown);
                    m_fileComboBox.getEditor().setItem(shown);
                } finally {
                    m_updating = false;
                }
            }
        }
        setEnabledComponents(getModel().isEnabled());
    }

    @Override
    protected void validateSettingsBeforeSave() throws InvalidSettingsException {
        typed();
        final String v = ((SettingsModelString)getModel()).getStringValue();
        if (v != null && !v.trim().isEmpty()) {
            synchronized (HISTORIES) {
                final List<String> h = HISTORIES.computeIfAbsent(m_historyID, k -> new ArrayList<>());
                h.remove(v);
                h.add(0, v);
            }
        }
    }

    @Override
    protected void checkConfigurabilityBeforeLoad(final PortObjectSpec[] specs) throws NotConfigurableException {
    }

    @Override
    protected void setEnabledComponents(final boolean enabled) {
        m_browseButton.setEnabled(enabled);
        m_fileComboBox.setEnabled(enabled);
    }

    @Override
    public void setToolTipText(final String text) {
        m_browseButton.setToolTipText(text);
        m_fileComboBox.setToolTipText(text);
    }
}
