package org.npyfile.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Releases a mapped buffer now rather than at some later garbage collection, through
 * {@code sun.misc.Unsafe.invokeCleaner} (module {@code jdk.unsupported}), the only way Java 17
 * has. Where that is not available the mapping is left to the collector, which is correct but
 * keeps address space and file handles longer.
 */
public final class Unmapper {

    private static final MethodHandle INVOKE_CLEANER = find();

    private Unmapper() {
    }

    private static MethodHandle find() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Object unsafe = theUnsafe.get(null);
            return MethodHandles.lookup()
                    .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * Unmaps a buffer returned by {@link java.nio.channels.FileChannel#map}; the buffer and every
     * view of it must not be used afterwards.
     *
     * @param mapped the mapped buffer, or null
     */
    public static void unmap(ByteBuffer mapped) {
        if (mapped == null || !mapped.isDirect() || INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invokeExact(mapped);
        } catch (Throwable e) {
            // A duplicate or slice cannot be cleaned; the collector will unmap it.
        }
    }
}
