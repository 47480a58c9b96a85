package org.knime.core.node.workflow;

/**
 * The super class of {@link WorkflowManager} (and of KNIME's native and component node containers). A stand-in
 * with KNIME's name and kind (abstract, constructors package-private, so it cannot be extended outside this
 * package) and none of its members or interfaces ({@code NodeProgressListener},
 * {@code NodeContainerStateObservable}): the kit's workflow manager only carries a workflow context.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/workflow/NodeContainer.java (5.3.0 and head).
 */
public abstract class NodeContainer {

    NodeContainer() {
    }
}
