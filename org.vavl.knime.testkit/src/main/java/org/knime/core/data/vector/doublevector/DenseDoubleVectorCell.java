package org.knime.core.data.vector.doublevector;

import java.util.Arrays;
import java.util.Iterator;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.collection.CollectionDataValue;
import org.knime.core.data.def.DoubleCell;

/**
 * A dense vector of doubles; create with {@link DoubleVectorCellFactory#createCell(double[])}.
 * <p>
 * Mirrors knime-core org.knime.core/src/eclipse/org/knime/core/data/vector/doublevector/DenseDoubleVectorCell.java
 */
public class DenseDoubleVectorCell extends DataCell implements DoubleVectorValue, CollectionDataValue {

    private static final long serialVersionUID = 1L;

    private final double[] m_values;

    DenseDoubleVectorCell(final double[] doubleVector) {
        m_values = doubleVector.clone();
    }

    @Override
    public int getLength() {
        return m_values.length;
    }

    @Override
    public double getValue(final int index) {
        return m_values[index];
    }

    @Override
    public DataType getElementType() {
        return DoubleCell.TYPE;
    }

    @Override
    public int size() {
        return m_values.length;
    }

    @Override
    public Iterator<DataCell> iterator() {
        return Arrays.stream(m_values).mapToObj(v -> (DataCell)new DoubleCell(v)).iterator();
    }

    @Override
    public boolean containsBlobWrapperCells() {
        return false;
    }

    @Override
    public String toString() {
        return Arrays.toString(m_values);
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return Arrays.equals(((DenseDoubleVectorCell)dc).m_values, m_values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_values);
    }
}
