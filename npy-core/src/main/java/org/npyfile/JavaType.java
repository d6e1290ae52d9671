package org.npyfile;

import java.nio.ByteBuffer;
import org.npyfile.DType.Kind;
import org.npyfile.internal.Codec;
import org.npyfile.internal.Shape;

/**
 * The Java element types of the exact accessors, reads and writes, and which dtypes each one
 * stores without loss. One home for the rule, so that {@link NpyArray}, {@link NpyReader} and
 * {@link NpyWriter} agree.
 */
enum JavaType {
    BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, STRING;

    /** Whether values of this Java type hold the dtype's elements exactly (raw bits for unsigned). */
    boolean holds(DType dtype) {
        Kind k = dtype.kind();
        int size = dtype.itemSize();
        boolean integer = k == Kind.INT || k == Kind.UINT;
        return switch (this) {
            case BOOLEAN -> k == Kind.BOOL;
            case BYTE -> integer && size == 1 || k == Kind.BOOL;
            case SHORT -> integer && size == 2;
            case INT -> integer && size == 4;
            case LONG -> integer && size == 8 || k == Kind.DATETIME || k == Kind.TIMEDELTA;
            case FLOAT -> k == Kind.FLOAT && (size == 2 || size == 4) || k == Kind.COMPLEX && size == 8;
            case DOUBLE -> k == Kind.FLOAT && size == 8 || k == Kind.COMPLEX && size == 16;
            case STRING -> k == Kind.BYTES || k == Kind.UNICODE;
        };
    }

    /**
     * The Java type of an array class.
     *
     * @throws IllegalArgumentException for any other class
     */
    static JavaType of(Class<?> arrayType) {
        if (arrayType == boolean[].class) {
            return BOOLEAN;
        } else if (arrayType == byte[].class) {
            return BYTE;
        } else if (arrayType == short[].class) {
            return SHORT;
        } else if (arrayType == int[].class) {
            return INT;
        } else if (arrayType == long[].class) {
            return LONG;
        } else if (arrayType == float[].class) {
            return FLOAT;
        } else if (arrayType == double[].class) {
            return DOUBLE;
        } else if (arrayType == String[].class) {
            return STRING;
        }
        throw new NpyTypeException("not an array type npyfile reads into: " + arrayType.getName());
    }

    /** The exact accessor's values of an array of a dtype this type holds. */
    Object extract(NpyArray array) throws NpyFormatException {
        return switch (this) {
            case BOOLEAN -> array.asBooleanArray();
            case BYTE -> array.asByteArray();
            case SHORT -> array.asShortArray();
            case INT -> array.asIntArray();
            case LONG -> array.asLongArray();
            case FLOAT -> array.asFloatArray();
            case DOUBLE -> array.asDoubleArray();
            case STRING -> array.asStringArray();
        };
    }

    /** Bytes one value of this type takes in a Java array (a reference for strings, whose text comes on top). */
    long bytesPer() {
        return switch (this) {
            case BOOLEAN, BYTE -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE, STRING -> 8;
        };
    }

    /**
     * Decodes values of a dtype this type holds from a buffer's position into a Java array of this
     * type, advancing the buffer.
     */
    void decode(ByteBuffer src, DType dtype, Object dst, int len) throws NpyFormatException {
        switch (this) {
            case BOOLEAN -> Codec.get(src, (boolean[]) dst, 0, len);
            case BYTE -> Codec.get(src, (byte[]) dst, 0, len);
            case SHORT -> Codec.get(src, (short[]) dst, 0, len);
            case INT -> Codec.get(src, (int[]) dst, 0, len);
            case LONG -> Codec.get(src, (long[]) dst, 0, len);
            case FLOAT -> Codec.get(src, dtype.isFloat16(), (float[]) dst, 0, len);
            case DOUBLE -> Codec.get(src, (double[]) dst, 0, len);
            case STRING -> Codec.get(src, dtype, (String[]) dst, 0, len);
        }
    }

    /** Java values per element: 2 for the interleaved parts of complex, else 1. */
    static int valuesPerElement(DType dtype) {
        return dtype.kind() == Kind.COMPLEX ? 2 : 1;
    }

    /**
     * Checks that this type holds the dtype.
     *
     * @param what the call, for the message ("asFloatArray()")
     * @throws NpyTypeException naming the dtype and shape if it does not
     */
    void check(String what, DType dtype, long[] shape) {
        if (!holds(dtype)) {
            throw mismatch(what, dtype, shape);
        }
    }

    static NpyTypeException mismatch(String what, DType dtype, long[] shape) {
        return new NpyTypeException(what + " cannot carry the values of dtype " + dtype.descr()
                + " (shape " + Shape.repr(shape) + ") without loss");
    }
}
