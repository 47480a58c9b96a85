package org.knime.core.data.vector.doublevector;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellFactory;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;

/**
 * Creates double vector cells.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/vector/doublevector/DoubleVectorCellFactory.java
 */
public class DoubleVectorCellFactory implements DataCellFactory {

    /** The type of double vector cells. */
    public static final DataType TYPE = DataType.getType(DenseDoubleVectorCell.class, DoubleCell.TYPE);

    /**
     * Declared exactly as in KNIME ({@code DoubleVectorValue} here is a second type variable, not the interface), so
     * that the erased signature is {@code createCell([D)Lorg/knime/core/data/DataCell;}.
     *
     * @param vector the values (copied)
     * @return a {@link DenseDoubleVectorCell}
     */
    @SuppressWarnings({"unchecked", "hiding"})
    public static <T extends DataCell, DoubleVectorValue> T createCell(final double[] vector) {
        return (T)new DenseDoubleVectorCell(vector);
    }

    @Override
    public DataType getDataType() {
        return TYPE;
    }
}
