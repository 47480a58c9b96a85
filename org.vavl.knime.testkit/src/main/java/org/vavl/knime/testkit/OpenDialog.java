package org.vavl.knime.testkit;

import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTabbedPane;
import javax.swing.border.Border;
import javax.swing.border.CompoundBorder;
import javax.swing.border.TitledBorder;
import javax.swing.text.JTextComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObjectSpec;
import org.vavl.knime.testkit.internal.KitAccess;

/**
 * A node's dialog opened as KNIME opens it (settings and input specs loaded, then {@code onOpen}), seen through its
 * Swing widgets: the tabs, whether the widget with a given label is enabled, clicks on check boxes and radio
 * buttons, OK, and a picture of each tab.
 * <p>
 * A label names the widgets next to a {@code JLabel} with that text, a check box or radio button with that text, or
 * the widgets inside a panel whose titled border has that title (a file chooser, a button group, a group).
 */
public final class OpenDialog {

    private final NodeDialogPane m_pane;

    private final JTabbedPane m_tabs;

    private OpenDialog(final NodeDialogPane pane) {
        m_pane = pane;
        m_tabs = find(pane.getPanel(), JTabbedPane.class);
    }

    /** Opens the node's dialog on the tester's current settings and the given input specs. */
    public static OpenDialog open(final NodeTester<?> t, final PortObjectSpec... specs)
        throws NotConfigurableException {
        final NodeDialogPane d = t.createDialog();
        KitAccess.node().loadDialogSettings(d, t.savedSettings(), specs);
        d.onOpen();
        return new OpenDialog(d);
    }

    /** @return the dialog */
    public NodeDialogPane pane() {
        return m_pane;
    }

    /** Presses OK. @return the settings the dialog saves */
    public NodeSettings ok() throws InvalidSettingsException {
        final NodeSettings out = new NodeSettings("model");
        KitAccess.node().saveDialogSettings(m_pane, out);
        return out;
    }

    /** @return the tab titles, in order */
    public List<String> tabs() {
        final List<String> t = new ArrayList<>();
        for (int i = 0; i < m_tabs.getTabCount(); i++) {
            t.add(m_tabs.getTitleAt(i));
        }
        return t;
    }

    /** @return whether the widgets with that label are enabled (all of them); fails if some are and some not */
    public boolean enabled(final String label) {
        final List<JComponent> w = widgets(label);
        final boolean first = w.get(0).isEnabled();
        for (JComponent c : w) {
            if (c.isEnabled() != first) {
                throw new IllegalStateException("Some widgets labelled \"" + label + "\" are enabled, some not");
            }
        }
        return first;
    }

    /** Clicks the check box or radio button with that text. */
    public OpenDialog click(final String text) {
        final List<JComponent> w = widgets(text);
        for (JComponent c : w) {
            if (c instanceof AbstractButton && text.equals(((AbstractButton)c).getText())) {
                if (!c.isEnabled()) {
                    throw new IllegalStateException("\"" + text + "\" is disabled");
                }
                ((AbstractButton)c).doClick();
                return this;
            }
        }
        throw new IllegalArgumentException("No button \"" + text + "\"");
    }

    /** Selects an item of the combo box with that label. */
    public OpenDialog select(final String label, final String item) {
        for (JComponent c : widgets(label)) {
            if (c instanceof JComboBox) {
                ((JComboBox<?>)c).setSelectedItem(item);
                return this;
            }
        }
        throw new IllegalArgumentException("No combo box labelled \"" + label + "\"");
    }

    /** @return the text of the border titles of file choosers and button groups and of every label, in order */
    public List<String> labels() {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < m_tabs.getTabCount(); i++) {
            collectLabels(m_tabs.getComponentAt(i), out);
        }
        return out;
    }

    /** @return every label with whether its widgets are enabled (null: mixed), in order */
    public Map<String, Boolean> enabledStates() {
        final Map<String, Boolean> m = new LinkedHashMap<>();
        for (String l : labels()) {
            try {
                m.put(l, enabled(l));
            } catch (IllegalStateException e) {
                m.put(l, null);
            }
        }
        return m;
    }

    private static void collectLabels(final Component c, final List<String> out) {
        if (c instanceof JLabel && ((JLabel)c).getText() != null) {
            out.add(((JLabel)c).getText());
        } else if (c instanceof AbstractButton && ((AbstractButton)c).getText() != null
            && !((AbstractButton)c).getText().isEmpty() && !"Browse...".equals(((AbstractButton)c).getText())) {
            out.add(((AbstractButton)c).getText());
        }
        if (c instanceof JComponent) {
            final String title = title(((JComponent)c).getBorder());
            if (title != null) {
                out.add(title);
            }
        }
        if (c instanceof Container && !(c instanceof JSpinner) && !(c instanceof JComboBox)) {
            for (Component k : ((Container)c).getComponents()) {
                collectLabels(k, out);
            }
        }
    }

    private List<JComponent> widgets(final String label) {
        final List<JComponent> out = new ArrayList<>();
        for (int i = 0; i < m_tabs.getTabCount(); i++) {
            collect(m_tabs.getComponentAt(i), label, out);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("No widget labelled \"" + label + "\"; labels: " + labels());
        }
        return out;
    }

    private static void collect(final Component c, final String label, final List<JComponent> out) {
        if (c instanceof JLabel && label.equals(((JLabel)c).getText())) {
            for (Component s : c.getParent().getComponents()) {
                if (s != c && isWidget(s)) {
                    out.add((JComponent)s);
                }
            }
            if (out.isEmpty()) {
                out.add((JComponent)c); // a label on its own
            }
        } else if (c instanceof AbstractButton && label.equals(((AbstractButton)c).getText())) {
            out.add((JComponent)c);
        } else if (c instanceof JComponent && label.equals(title(((JComponent)c).getBorder()))) {
            allWidgets(c, out);
        }
        if (c instanceof Container && !isWidget(c)) {
            for (Component k : ((Container)c).getComponents()) {
                collect(k, label, out);
            }
        }
    }

    private static void allWidgets(final Component c, final List<JComponent> out) {
        if (isWidget(c)) {
            out.add((JComponent)c);
        } else if (c instanceof Container) {
            for (Component k : ((Container)c).getComponents()) {
                allWidgets(k, out);
            }
        }
    }

    private static boolean isWidget(final Component c) {
        return c instanceof JTextComponent || c instanceof JSpinner || c instanceof JComboBox
            || c instanceof AbstractButton;
    }

    private static String title(final Border b) {
        if (b instanceof TitledBorder) {
            return ((TitledBorder)b).getTitle();
        } else if (b instanceof CompoundBorder) {
            final String t = title(((CompoundBorder)b).getOutsideBorder());
            return t != null ? t : title(((CompoundBorder)b).getInsideBorder());
        }
        return null;
    }

    /**
     * Paints the dialog with the tab selected, without a display: sized to its preferred size (at least
     * {@code minWidth} wide), laid out recursively, painted into an image.
     */
    public BufferedImage paint(final String tab, final int minWidth) {
        final int i = m_tabs.indexOfTab(tab);
        if (i < 0) {
            throw new IllegalArgumentException("No tab \"" + tab + "\"; tabs: " + tabs());
        }
        m_tabs.setSelectedIndex(i);
        final JPanel root = m_pane.getPanel();
        root.setBackground(new JPanel().getBackground());
        final Dimension pref = root.getPreferredSize();
        final int w = Math.max(minWidth, pref.width);
        // the tabbed pane is as high as its highest tab; show this tab's own height
        final int h = m_tabs.getComponentAt(i).getPreferredSize().height + tabStripHeight() + 8;
        root.setSize(w, h);
        layout(root);
        final BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(root.getBackground() == null ? Color.LIGHT_GRAY : root.getBackground());
            g.fillRect(0, 0, w, h);
            root.printAll(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private int tabStripHeight() {
        final Dimension full = m_tabs.getPreferredSize();
        int highest = 0;
        for (int i = 0; i < m_tabs.getTabCount(); i++) {
            highest = Math.max(highest, m_tabs.getComponentAt(i).getPreferredSize().height);
        }
        return full.height - highest;
    }

    private static void layout(final Component c) {
        if (c instanceof Container) {
            final Container k = (Container)c;
            k.doLayout();
            for (Component child : k.getComponents()) {
                layout(child);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T find(final Component c, final Class<T> type) {
        if (type.isInstance(c)) {
            return (T)c;
        }
        if (c instanceof Container) {
            for (Component k : ((Container)c).getComponents()) {
                final T t = find(k, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
