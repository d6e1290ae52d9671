package org.npyfile.cli.repr;

import java.nio.charset.StandardCharsets;
import org.npyfile.DType;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyTypeException;

/**
 * numpy's {@code str} of a 0-d array, which is the {@code str} of its scalar
 * ({@code _guarded_repr_or_str} in {@code arrayprint.py}, and the scalar types' {@code str} in
 * {@code scalartypes.c}): floats with their shortest digits ({@code 0.1}, {@code 1e-05}), complex
 * numbers as Python writes them ({@code (1+2j)}), strings without quotes, bytes as their
 * {@code repr}, datetimes in ISO 8601, timedeltas with their unit's name.
 */
public final class ScalarText {

    private ScalarText() {
    }

    /**
     * The {@code str} of a 0-d array.
     *
     * @param scalar a 0-d array
     * @param options the print options (for structured scalars, whose fields print as in arrays)
     * @return the text, as {@code str(array)} gives it
     * @throws NpyException if the value cannot be decoded
     */
    static String str(NpyArray scalar, PrintOptions options) throws NpyException {
        DType dtype = scalar.dtype();
        return switch (dtype.kind()) {
            case BOOL -> scalar.asBooleanArray()[0] ? "True" : "False";
            case INT -> Long.toString(ElementFormats.longs(scalar)[0]);
            case UINT -> Long.toUnsignedString(ElementFormats.longs(scalar)[0]);
            case FLOAT -> {
                int size = dtype.itemSize();
                yield floatStr(ElementFormats.floatValues(scalar, size)[0], ElementFormats.floatType(size));
            }
            case COMPLEX -> {
                int part = dtype.itemSize() / 2;
                FloatValue[] parts = ElementFormats.floatValues(scalar, part);
                yield complexStr(parts[0], parts[1], ElementFormats.floatType(part));
            }
            // numpy's str of a bytes scalar is its repr
            case BYTES -> "np.bytes_(" + PythonText.bytes(scalar.asStringArray()[0].getBytes(StandardCharsets.ISO_8859_1))
                    + ")";
            case UNICODE -> scalar.asStringArray()[0];
            case DATETIME -> DatetimeText.forUnit(dtype.unit()).format(scalar.asLongArray()[0]);
            case TIMEDELTA -> DatetimeText.forUnit(dtype.unit()).duration(scalar.asLongArray()[0]);
            case VOID -> ElementFormats.of(scalar, true, options).format(0);
            case RECORD -> ElementFormats.recordScalar(scalar, options);
            case OBJECT -> throw new NpyTypeException("printing dtype " + dtype.descr() + " (Python objects) is not supported");
        };
    }

    /**
     * numpy's {@code str} of a float scalar, for example of {@code numpy.nanmin} of a
     * {@code float128} array.
     *
     * @param value the value
     * @param type its dtype
     * @return for example {@code 0.1}, {@code 3.0}, {@code 1e-05}, {@code -inf}
     */
    public static String floatStr(FloatValue value, FloatDType type) {
        return Dragon4.scalar(value, type, false, Dragon4.Trim.ONE_ZERO, Dragon4.Trim.DECIMAL_POINT);
    }

    /**
     * numpy's {@code str} of a complex scalar ({@code c@name@type_str}): Python's form, the real
     * part left out when it is {@code +0}, trailing zeros and points trimmed.
     *
     * @param real the real part
     * @param imag the imaginary part
     * @param type the dtype of each part
     * @return for example {@code (1+2j)}, {@code 2.5j}, {@code (-0+0j)}, {@code (nan+infj)}
     */
    static String complexStr(FloatValue real, FloatValue imag, FloatDType type) {
        if (real.isZero() && !real.negative()) {
            return part(imag, type, false) + "j";
        }
        return "(" + part(real, type, false) + part(imag, type, true) + "j)";
    }

    private static String part(FloatValue value, FloatDType type, boolean sign) {
        if (value.isNaN()) {
            return sign ? "+nan" : "nan";
        }
        if (!value.isFinite()) {
            return (value.negative() ? "-" : sign ? "+" : "") + "inf";
        }
        return Dragon4.scalar(value, type, sign, Dragon4.Trim.DECIMAL_POINT, Dragon4.Trim.DECIMAL_POINT);
    }
}
