package org.npyfile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npyfile.internal.Shape;
import org.npyfile.internal.pickle.NumpyDType;
import org.npyfile.internal.pickle.PickleLimits;
import org.npyfile.internal.pickle.PickleReader;
import org.npyfile.internal.pickle.PickleWriter;
import org.npyfile.internal.pickle.PickledArray;
import org.npyfile.internal.pickle.Python2Strings;
import org.npyfile.python.PyInstance;
import org.npyfile.python.PyTuple;

/**
 * Object arrays between the internal pickle machine and the public values: a pickle is decoded
 * (nothing runs) and its arrays become {@link NpyArray}s, its dtypes {@link DType}s; values to
 * write go the other way.
 */
final class ObjectArrays {

    private ObjectArrays() {
    }

    /**
     * The object array an {@code .npy} file's pickle holds.
     *
     * @param pickle the data after the header, position at the pickle's first byte
     * @param header the file's header, whose dtype holds objects
     * @param limits the bounds; {@link NpyLimits#objectArrays()} must be on
     * @return the array, its stored bytes being the pickle itself
     * @throws NpyFormatException if the pickle is malformed, would need code to run, or holds another
     *     array than the header announces
     * @throws NpyLimitException if it exceeds the limits
     */
    static NpyArray read(ByteBuffer pickle, NpyHeader header, NpyLimits limits) throws NpyException {
        int start = pickle.position();
        Object value = PickleReader.read(pickle, header.dataOffset(), pickleLimits(limits), strings(limits));
        int end = pickle.position();
        if (pickle.remaining() > limits.maxTrailingBytes()) {
            throw new NpyFormatException(header.dataOffset() + end - start, "at most " + limits.maxTrailingBytes()
                    + " bytes after the pickle (NpyLimits.maxTrailingBytes)", pickle.remaining() + " bytes");
        }
        if (!(value instanceof PickledArray array) || !array.holdsObjects() || array.scalar()) {
            throw new NpyFormatException(header.dataOffset(), "a pickled numpy array of dtype " + header.dtype().descr(),
                    "a pickle of " + describe(value));
        }
        if (!Shape.of(array.shape()).equals(Shape.of(header.shape()))
                || !DType.parse(array.descr()).equals(header.dtype())) {
            throw new NpyFormatException(header.dataOffset(), "a pickled array of dtype " + header.dtype().descr()
                    + " and shape " + header.shapeString() + ", as the header says",
                    "dtype " + array.descr() + " and shape " + Shape.repr(array.shape()));
        }
        byte[] bytes = new byte[end - start];
        pickle.get(start, bytes);
        return new NpyArray(header.dtype(), header.shape(), header.fortranOrder(), ByteBuffer.wrap(bytes),
                publicValues(array.objects()));
    }

    /**
     * A new object array: its elements pickled as numpy pickles them, then read back, so that the
     * array holds exactly what numpy will load.
     *
     * @param elements the elements in C order, plain values
     * @param shape the dimensions
     * @return the array
     * @throws NpyShapeException if the element count does not match the shape
     * @throws IllegalArgumentException if a value cannot be pickled for numpy
     */
    static NpyArray of(List<?> elements, long[] shape) {
        Shape dims = Shape.of(shape);
        if (dims.elementCount() != elements.size()) {
            throw new NpyShapeException("shape " + dims.repr() + " holds " + dims.elementCount() + " elements, "
                    + elements.size() + " were given");
        }
        List<Object> pickleable = new ArrayList<>(elements.size());
        for (Object e : elements) {
            pickleable.add(pickleable(e));
        }
        byte[] pickle = PickleWriter.objectArray(dims.dims(), false, pickleable);
        DType objects = DType.of(DType.Kind.OBJECT, 8, ByteOrder.LITTLE_ENDIAN);
        NpyHeader header = NpyHeader.of(objects, dims.dims());
        try {
            return read(ByteBuffer.wrap(pickle), header, NpyLimits.DEFAULT.withObjectArrays(true));
        } catch (NpyException e) {
            throw new IllegalArgumentException("the elements do not pickle back to themselves: " + e.getMessage(), e);
        }
    }

    /** The reader's bounds: the array's byte limit for everything the pickle builds. */
    private static PickleLimits pickleLimits(NpyLimits limits) {
        return PickleLimits.DEFAULT.withMaxBytes(limits.maxArrayBytes());
    }

    private static Python2Strings strings(NpyLimits limits) {
        return switch (limits.pickleEncoding()) {
            case ASCII -> Python2Strings.ASCII;
            case LATIN1 -> Python2Strings.LATIN1;
            case BYTES -> Python2Strings.BYTES;
        };
    }

    /** Decoded values as the public API gives them: arrays as NpyArray, dtypes as DType. */
    private static List<Object> publicValues(List<Object> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(publicValue(v));
        }
        return Collections.unmodifiableList(out);
    }

    private static Object publicValue(Object v) {
        if (v instanceof PickledArray a) {
            DType dtype = DType.parse(a.descr());
            if (a.holdsObjects()) {
                NpyHeader header = NpyHeader.of(dtype, a.fortranOrder(), a.shape());
                byte[] pickle = PickleWriter.objectArray(a.shape(), a.fortranOrder(), a.objects());
                return new NpyArray(dtype, a.shape(), a.fortranOrder(), ByteBuffer.wrap(pickle),
                        publicValues(a.objects()));
            }
            return NpyArray.of(dtype, a.fortranOrder(), a.shape(), ByteBuffer.wrap(a.data()));
        }
        if (v instanceof NumpyDType d) {
            return DType.parse(d.descr());
        }
        if (v instanceof PyTuple t) {
            return PyTuple.copyOf(publicValues(t));
        }
        if (v instanceof List<?> list) {
            return publicValues(new ArrayList<>(list));
        }
        if (v instanceof Map<?, ?> map) {
            return publicMap(map);
        }
        if (v instanceof PyInstance i) {
            return new PyInstance(i.type(), publicValues(i.args()), publicMap(i.kwargs()), publicValue(i.state()),
                    publicValues(i.listItems()), publicMap(i.dictItems()));
        }
        return v;
    }

    private static Map<Object, Object> publicMap(Map<?, ?> map) {
        Map<Object, Object> out = new LinkedHashMap<>();
        map.forEach((k, value) -> out.put(publicValue(k), publicValue(value)));
        return Collections.unmodifiableMap(out);
    }

    /** Public values as the pickle writer takes them. */
    private static Object pickleable(Object v) {
        if (v instanceof NpyArray a) {
            if (a.dtype().hasObjects()) {
                return new PickledArray(a.dtype().descr(), a.shape(), false, null,
                        pickleableAll(Arrays.asList(a.asObjectArray())), false, null);
            }
            NpyArray c = a.toCOrder();
            ByteBuffer data = c.data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return new PickledArray(c.dtype().descr(), c.shape(), false, bytes, null, false, null);
        }
        if (v instanceof DType d) {
            return new NumpyDType(d.descr());
        }
        if (v instanceof PyTuple t) {
            return PyTuple.copyOf(pickleableAll(t));
        }
        if (v instanceof List<?> list) {
            return pickleableAll(list);
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, value) -> out.put(pickleable(k), pickleable(value)));
            return out;
        }
        return v;
    }

    private static List<Object> pickleableAll(List<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(pickleable(v));
        }
        return out;
    }

    private static String describe(Object value) {
        if (value instanceof PickledArray a) {
            return (a.scalar() ? "a numpy scalar of dtype " : "an array of dtype ") + a.descr();
        }
        return value == null ? "None" : "a " + value.getClass().getSimpleName();
    }
}
