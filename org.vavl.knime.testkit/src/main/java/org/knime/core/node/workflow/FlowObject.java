package org.knime.core.node.workflow;

/**
 * The package-private super class of {@link FlowVariable} (and of KNIME's loop contexts) on a workflow's flow object
 * stack. A stand-in with KNIME's name, kind and interface and none of its members (owner node, cloning): the kit's
 * flow variables are not put on a stack.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/node/workflow/FlowObject.java (5.3.0 and head:
 * {@code abstract class FlowObject implements Cloneable}).
 */
abstract class FlowObject implements Cloneable {

    FlowObject() {
    }
}
