package org.npyfile.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.npyfile.DType;
import org.npyfile.DType.Kind;
import org.npyfile.NpyArray;
import org.npyfile.NpyShapeException;
import org.npyfile.NpyTypeException;

/**
 * Structured arrays in bytes: records assembled from one column per field, one field's values cut
 * out of records, and records whose scalars change byte order. Records are C order here; the
 * public {@link NpyArray} takes care of layouts.
 */
public final class Records {

    private Records() {
    }

    /**
     * Records from columns, padding bytes zero.
     *
     * @param recordType a structured dtype
     * @param shape the records' shape
     * @param columns per field name (or title), its values: the record shape followed by the
     *     field's sub-array shape, of the field's dtype in any byte order
     * @return the records' bytes, C order, position 0
     * @throws NpyTypeException if a column's dtype is not its field's
     * @throws NpyShapeException if a field has no column, a column no field, or a column's element
     *     count does not match
     */
    public static ByteBuffer assemble(DType recordType, Shape shape, Map<String, NpyArray> columns) {
        long count = shape.elementCount();
        Set<String> unused = new LinkedHashSet<>(columns.keySet());
        int itemSize = recordType.itemSize();
        ByteBuffer out = ByteBuffer.allocate(checkedSize(shape.byteSize(itemSize)));
        byte[] target = out.array();
        for (DType.Field f : recordType.fields()) {
            String key = columns.containsKey(f.name()) ? f.name()
                    : f.title() != null && columns.containsKey(f.title()) ? f.title() : null;
            if (key == null) {
                throw new NpyShapeException("no column for field '" + f.name() + "' of " + recordType);
            }
            unused.remove(key);
            NpyArray column = columns.get(key);
            if (column.dtype().kind() != Kind.RECORD && f.dtype().kind() != Kind.RECORD) {
                column = column.withByteOrder(f.dtype().byteOrder());
            }
            if (!column.dtype().equals(f.dtype())) {
                throw new NpyTypeException("column '" + f.name() + "' holds " + column.dtype()
                        + ", the field needs " + f.dtype());
            }
            if (column.elementCount() != count * f.elementCount()) {
                throw new NpyShapeException("column '" + f.name() + "' holds " + column.elementCount()
                        + " elements, the field needs " + count * f.elementCount() + " (records of shape "
                        + shape.repr() + ", field shape " + Shape.repr(f.shape()) + ")");
            }
            ByteBuffer in = column.toCOrder().data();
            int fieldBytes = (int) f.byteSize();
            for (int i = 0; i < count; i++) {
                in.get(i * fieldBytes, target, i * itemSize + f.offset(), fieldBytes);
            }
        }
        if (!unused.isEmpty()) {
            throw new NpyShapeException("no field of " + recordType + " for columns " + unused);
        }
        return out;
    }

    /**
     * One field's bytes out of every record.
     *
     * @param records the records' bytes, position 0, in any layout
     * @param recordType their dtype
     * @param field one of its fields
     * @param count the number of records
     * @return the field's bytes record after record (each field's sub-array in C order), position 0
     */
    public static ByteBuffer field(ByteBuffer records, DType recordType, DType.Field field, long count) {
        int itemSize = recordType.itemSize();
        int fieldBytes = (int) field.byteSize();
        // A field's bytes never exceed its record's, so this fits the array already held.
        byte[] out = new byte[fieldBytes == 0 ? 0 : Math.toIntExact(count * fieldBytes)];
        for (int i = 0, n = fieldBytes == 0 ? 0 : (int) count; i < n; i++) {
            records.get(i * itemSize + field.offset(), out, i * fieldBytes, fieldBytes);
        }
        return ByteBuffer.wrap(out).order(field.dtype().byteOrder());
    }

    /**
     * Records with every scalar in another byte order.
     *
     * @param records the records' bytes, position 0
     * @param recordType their dtype
     * @param order the byte order wanted
     * @return a swapped copy, position 0
     */
    public static ByteBuffer withByteOrder(ByteBuffer records, DType recordType, ByteOrder order) {
        ByteBuffer copy = ByteBuffer.allocate(records.capacity());
        copy.put(records.duplicate().clear()).clear();
        List<int[]> plan = new ArrayList<>();
        swapPlan(recordType, order, 0, plan);
        Codec.swapInPlace(copy.array(), recordType.itemSize(), plan);
        return copy;
    }

    /** Collects {offset, scalar size, scalar count} runs within one record whose byte order changes. */
    private static void swapPlan(DType record, ByteOrder order, int base, List<int[]> plan) {
        for (DType.Field f : record.fields()) {
            DType t = f.dtype();
            int at = base + f.offset();
            if (t.kind() == Kind.RECORD) {
                for (long k = 0; k < f.elementCount(); k++) {
                    swapPlan(t, order, (int) (at + k * t.itemSize()), plan);
                }
            } else if (t.hasByteOrder() && t.byteOrder() != order && t.scalarSize() > 1) {
                plan.add(new int[] {at, t.scalarSize(), (int) (f.byteSize() / t.scalarSize())});
            }
        }
    }

    private static int checkedSize(long bytes) {
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new NpyShapeException(bytes + " bytes exceed what one in-memory array can hold");
        }
        return (int) bytes;
    }
}
