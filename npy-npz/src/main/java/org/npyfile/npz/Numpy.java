package org.npyfile.npz;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.npyfile.DType;
import org.npyfile.Npy;
import org.npyfile.NpyArray;
import org.npyfile.NpyException;
import org.npyfile.NpyFormatException;
import org.npyfile.NpyHeader;
import org.npyfile.NpyLimitException;
import org.npyfile.NpyLimits;
import org.npyfile.internal.HeaderFormat;
import org.npyfile.internal.Heap;
import org.npyfile.internal.pickle.PickleLimits;
import org.npyfile.internal.pickle.PickleReader;
import org.npyfile.internal.pickle.PickledArray;
import org.npyfile.internal.pickle.Python2Strings;
import org.npyfile.npz.internal.zip.ZipNames;
import org.npyfile.python.PyGlobal;
import org.npyfile.python.PyInstance;
import org.npyfile.python.PyTuple;

/**
 * {@code numpy.load} for callers who do not know in advance whether a file is an {@code .npy} or an
 * {@code .npz}: the file's first bytes decide, exactly as numpy decides, never its name.
 *
 * <ol>
 *   <li>{@code PK\x03\x04} (a ZIP local header) or {@code PK\x05\x06} (the end record an empty ZIP
 *       starts with): an archive, read whole as {@link Npz#read(Path, NpzLimits)} reads it;</li>
 *   <li>the six bytes {@code \x93NUMPY}: an array, read as {@link Npy#read(Path, NpyLimits)} reads it;</li>
 *   <li>anything else numpy tries as a pickle, if {@code allow_pickle=True}. Here, unless the limits
 *       allow object arrays, such a file is refused with an {@link NpyFormatException} naming the
 *       file and the bytes found. With object arrays allowed, the file is decoded as a pickle without
 *       running anything; a pickled numpy array (what {@code ndarray.dump} and
 *       {@code pickle.dump(array, f)} write) is read as that array, and any other pickled value is
 *       refused, naming what it holds: numpy would return the Python object itself, which is no
 *       array;</li>
 *   <li>an empty file: refused, where numpy raises {@code EOFError}.</li>
 * </ol>
 *
 * <p>Every failure names the file ({@link NpyException#file()}).
 */
public final class Numpy {

    /** numpy's {@code _ZIP_PREFIX}: a ZIP local file header, the first record of a non-empty archive. */
    private static final byte[] ZIP_PREFIX = {'P', 'K', 3, 4};

    /** numpy's {@code _ZIP_SUFFIX}: the end record, which is all an empty archive holds. */
    private static final byte[] ZIP_SUFFIX = {'P', 'K', 5, 6};

    /** What the first bytes may be, for messages. */
    private static final String KINDS = "an .npy file (magic \\x93NUMPY) or an .npz archive (ZIP signature "
            + "PK\\x03\\x04, or PK\\x05\\x06 if empty)";

    private Numpy() {
    }

    /**
     * Reads an {@code .npy} file or an {@code .npz} archive with the default limits,
     * {@link NpzLimits#DEFAULT}: object arrays and pickles are refused, as by {@code numpy.load}.
     *
     * @param path the file
     * @return {@link Loaded.Array} for an {@code .npy} file, {@link Loaded.Archive} for an archive
     * @throws NpyFormatException if the file is empty, neither kind, or malformed
     * @throws NpyLimitException if it exceeds the limits or the heap, or holds objects
     * @throws IOException if the file cannot be read
     */
    public static Loaded load(Path path) throws IOException {
        return load(path, NpzLimits.DEFAULT);
    }

    /**
     * Reads an {@code .npy} file, an {@code .npz} archive, or, if the limits allow object arrays, a
     * pickled numpy array; see the class description.
     *
     * @param path the file
     * @param limits the bounds: {@link NpzLimits#npy()} for an {@code .npy} file and each entry, the
     *     rest for an archive
     * @return {@link Loaded.Array} for an {@code .npy} file or a pickled array, {@link Loaded.Archive}
     *     for an archive
     * @throws NpyFormatException if the file is empty, neither kind, or malformed, or a pickle that
     *     holds no array
     * @throws NpyLimitException if it exceeds the limits or the heap, or holds objects and the limits
     *     do not allow them
     * @throws IOException if the file cannot be read
     */
    public static Loaded load(Path path, NpzLimits limits) throws IOException {
        byte[] first = firstBytes(path, HeaderFormat.MAGIC.length);
        if (startsWith(first, ZIP_PREFIX) || startsWith(first, ZIP_SUFFIX)) {
            return new Loaded.Archive(Npz.read(path, limits));
        }
        if (Arrays.equals(first, HeaderFormat.MAGIC)) {
            return new Loaded.Array(Npy.read(path, limits.npy()));
        }
        try {
            if (first.length == 0) {
                throw new NpyFormatException(0, KINDS, "an empty file");
            }
            if (!limits.npy().objectArrays()) {
                throw new NpyFormatException(0, KINDS, "the bytes " + ZipNames.hex(first) + " (numpy.load would try "
                        + "the file as a pickle, with allow_pickle=True; npyfile decodes pickled arrays only with "
                        + "NpyLimits.withObjectArrays(true))");
            }
            return new Loaded.Array(pickledArray(path, first, limits.npy()));
        } catch (NpyException e) {
            throw e.withFile(path.toString());
        }
    }

    /** A file that is a pickle, or nothing numpy loads. */
    private static NpyArray pickledArray(Path path, byte[] first, NpyLimits limits) throws IOException {
        byte[] pickle = readWhole(path, limits);
        Object value;
        try {
            value = PickleReader.read(ByteBuffer.wrap(pickle), 0, PickleLimits.DEFAULT.withMaxBytes(limits.maxArrayBytes()),
                    strings(limits));
        } catch (NpyFormatException e) {
            throw new NpyFormatException(0, "expected " + KINDS + ", or a pickle, found the bytes "
                    + ZipNames.hex(first) + ", which are no pickle either: " + e.getMessage(), e);
        }
        if (!(value instanceof PickledArray array) || array.scalar()) {
            throw new NpyFormatException(0, "a pickled numpy array, such as ndarray.dump writes (numpy.load would "
                    + "return any other pickled object itself, which is no array)", "a pickle of " + describe(value));
        }
        DType dtype = DType.parse(array.descr());
        if (!array.holdsObjects()) {
            return NpyArray.of(dtype, array.fortranOrder(), array.shape(), ByteBuffer.wrap(array.data()));
        }
        // An object array: npy-core decodes it, and checks it, from the pickle under its header.
        byte[] header = NpyHeader.of(dtype, array.fortranOrder(), array.shape()).toBytes();
        byte[] npy = Arrays.copyOf(header, header.length + pickle.length);
        System.arraycopy(pickle, 0, npy, header.length, pickle.length);
        return Npy.read(npy, limits);
    }

    private static byte[] firstBytes(Path path, int n) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer first = ByteBuffer.allocate(n);
            while (first.hasRemaining() && channel.read(first) >= 0) {
                // read until n bytes or the end of the file
            }
            return Arrays.copyOf(first.array(), first.position());
        }
    }

    /** The whole file, within the in-memory limit and the heap. */
    private static byte[] readWhole(Path path, NpyLimits limits) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > limits.maxArrayBytes()) {
                throw new NpyLimitException("the pickle takes " + size + " bytes, over the in-memory limit of "
                        + limits.maxArrayBytes() + " (NpyLimits.maxArrayBytes)");
            }
            Heap.require(size, "the pickle's bytes");
            ByteBuffer bytes = ByteBuffer.allocate((int) size);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read to the end of the file
            }
            return Arrays.copyOf(bytes.array(), bytes.position());
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Python2Strings strings(NpyLimits limits) {
        return switch (limits.pickleEncoding()) {
            case ASCII -> Python2Strings.ASCII;
            case LATIN1 -> Python2Strings.LATIN1;
            case BYTES -> Python2Strings.BYTES;
        };
    }

    /** What a pickled value is, in Python's words. */
    private static String describe(Object value) {
        if (value instanceof PickledArray a) {
            return "a numpy scalar of dtype " + a.descr();
        }
        if (value instanceof PyInstance i) {
            return "an instance of " + i.type().qualifiedName();
        }
        if (value instanceof PyGlobal g) {
            return "a reference to " + g.qualifiedName();
        }
        String type = value == null ? "None" : value instanceof Map ? "dict" : value instanceof PyTuple ? "tuple"
                : value instanceof List ? "list" : value instanceof String ? "str" : value instanceof Boolean ? "bool"
                : value instanceof Long || value instanceof BigInteger ? "int" : value instanceof Double ? "float"
                : value instanceof byte[] ? "bytes" : value.getClass().getSimpleName();
        return value == null ? type : "a " + type;
    }
}
