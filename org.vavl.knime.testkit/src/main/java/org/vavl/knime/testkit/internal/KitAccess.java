package org.vavl.knime.testkit.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.data.container.DataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NotConfigurableException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Bridges from the test kit's helpers (NodeTester, runner) into package-private parts of the KNIME stand-in
 * classes, so that those classes expose no public member that real KNIME lacks. Each KNIME package has one
 * package-private {@code Kit*Bridge} class that registers its implementation here when loaded (the pattern of the
 * JDK's SharedSecrets). Not for node code.
 */
public final class KitAccess {

    private KitAccess() {
    }

    /** Access to org.knime.core.data.container internals. */
    public interface ContainerBridge {
        /** @return the rows added so far */
        List<DataRow> rows(DataContainer c);

        /** @return the spec the rearranger produces */
        DataTableSpec rearrangedSpec(ColumnRearranger r);

        /** Applies the rearranger to all rows, reporting progress and checking cancellation. */
        List<DataRow> rearrange(ColumnRearranger r, Iterable<DataRow> rows, long rowCount, ExecutionMonitor exec)
            throws CanceledExecutionException;
    }

    /** What happened during an execution: progress values, messages, cancellation. */
    public interface ProgressSink {
        /** A progress update (fraction may be NaN when only a message was set). */
        void progress(double fraction, String message);

        /** @return whether the user cancelled */
        boolean isCancelled();
    }

    /** Access to org.knime.core.node internals. */
    public interface NodeBridge {
        BufferedDataTable newTable(DataTableSpec spec, List<DataRow> rows);

        ExecutionContext newExecutionContext(ProgressSink sink);

        PortObjectSpec[] configure(NodeModel m, PortObjectSpec[] in) throws InvalidSettingsException;

        PortObject[] execute(NodeModel m, PortObject[] in, ExecutionContext exec) throws Exception;

        void validateSettings(NodeModel m, NodeSettingsRO s) throws InvalidSettingsException;

        void loadValidatedSettingsFrom(NodeModel m, NodeSettingsRO s) throws InvalidSettingsException;

        void saveSettingsTo(NodeModel m, NodeSettingsWO s);

        void reset(NodeModel m);

        void onDispose(NodeModel m);

        void saveInternals(NodeModel m, File dir, ExecutionMonitor exec) throws IOException, CanceledExecutionException;

        void loadInternals(NodeModel m, File dir, ExecutionMonitor exec) throws IOException, CanceledExecutionException;

        String getWarningMessage(NodeModel m);

        void clearWarningMessage(NodeModel m);

        PortType[] inPortTypes(NodeModel m);

        PortType[] outPortTypes(NodeModel m);

        /** Sets the flow variables a node sees (name to String / Integer / Double), replacing earlier ones. */
        void setFlowVariables(NodeModel m, Map<String, Object> variables);

        /** @return the variables the node pushed during configure/execute, in push order */
        Map<String, Object> pushedFlowVariables(NodeModel m);

        boolean hasDialog(NodeFactory<?> f);

        NodeDialogPane createNodeDialogPane(NodeFactory<?> f);

        int getNrNodeViews(NodeFactory<?> f);

        void loadDialogSettings(NodeDialogPane d, NodeSettingsRO s, PortObjectSpec[] specs)
            throws NotConfigurableException;

        void saveDialogSettings(NodeDialogPane d, NodeSettingsWO s) throws InvalidSettingsException;

        /** Sets the log sink of NodeLogger (null = standard error). */
        void setLogSink(Consumer<String> sink);
    }

    /** Access to org.knime.core.node.port internals (serializers over real zip streams). */
    public interface PortBridge {
        void savePortObject(PortObject po, OutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

        PortObject loadPortObject(Class<? extends PortObject> cls, PortObjectSpec spec, InputStream in,
            ExecutionMonitor exec) throws IOException, CanceledExecutionException;

        void savePortObjectSpec(PortObjectSpec spec, OutputStream out) throws IOException;

        PortObjectSpec loadPortObjectSpec(Class<? extends PortObject> objectClass, InputStream in) throws IOException;
    }

    /** Access to org.knime.core.node.workflow internals (node context with the workflow folder). */
    public interface WorkflowBridge {
        /**
         * Makes the given workflow folder the current node context of this thread, in the local mount point
         * {@code LOCAL} whose root is the folder above the workflow.
         */
        void pushWorkflowContext(Path workflowFolder);

        /** Like {@link #pushWorkflowContext(Path)}, with the root folder of the mount point {@code LOCAL}. */
        void pushWorkflowContext(Path workflowFolder, Path mountpointRoot);

        /** @return the workflow of this thread's node context, or null when there is none */
        WorkflowLocation currentWorkflow();

        /** Removes the context pushed last. */
        void popWorkflowContext();
    }

    /**
     * Where the executing workflow lies: its folder and the mount point it belongs to (what KNIME's
     * {@code AnalyticsPlatformExecutorInfo.getMountpoint()} gives: the mount point URI's authority is the mount ID).
     *
     * @param workflowFolder the workflow folder, absolute and normalised
     * @param mountId the mount point's ID, {@code LOCAL} in the test kit
     * @param mountpointRoot the mount point's root folder, absolute and normalised; it contains the workflow
     */
    public record WorkflowLocation(Path workflowFolder, String mountId, Path mountpointRoot) {
    }

    private static volatile ContainerBridge s_container;

    private static volatile NodeBridge s_node;

    private static volatile PortBridge s_port;

    private static volatile WorkflowBridge s_workflow;

    public static void register(final ContainerBridge b) {
        s_container = b;
    }

    public static void register(final NodeBridge b) {
        s_node = b;
    }

    public static void register(final PortBridge b) {
        s_port = b;
    }

    public static void register(final WorkflowBridge b) {
        s_workflow = b;
    }

    public static ContainerBridge container() {
        if (s_container == null) {
            load("org.knime.core.data.container.KitContainerBridge");
        }
        return s_container;
    }

    public static NodeBridge node() {
        if (s_node == null) {
            load("org.knime.core.node.KitNodeBridge");
        }
        return s_node;
    }

    public static PortBridge port() {
        if (s_port == null) {
            load("org.knime.core.node.port.KitPortBridge");
        }
        return s_port;
    }

    public static WorkflowBridge workflow() {
        if (s_workflow == null) {
            load("org.knime.core.node.workflow.KitWorkflowBridge");
        }
        return s_workflow;
    }

    private static void load(final String cls) {
        try {
            Class.forName(cls, true, KitAccess.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Test kit bridge missing: " + cls, e);
        }
    }
}
