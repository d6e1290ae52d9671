package org.npyfile.internal;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The C library calls behind {@link ArrayToFile} and {@link FileToArray}, linked once through the
 * FFM API; {@link #LIBC} is null where they are not to be used.
 *
 * <p>Calling C is a restricted operation: it is used only where the application enabled native
 * access for npyfile ({@code --enable-native-access=org.npyfile}, {@code ALL-UNNAMED} on the class
 * path, or an executable jar's {@code Enable-Native-Access} attribute), so that npyfile never makes
 * the JDK print its restricted-method warning; and only on Linux on x86-64 or AArch64.
 *
 * <p>{@code pread} and {@code pwrite} read and write Java arrays in place
 * ({@code Linker.Option.critical(true)}): the collector cannot move the array meanwhile, and the
 * calling thread reaches no safepoint until the call returns. So callers move at most
 * {@link #MAX_CALL_BYTES} per call, which keeps that wait to about a millisecond.
 */
@SuppressWarnings("restricted") // guarded: used only where native access is enabled (see find)
final class Libc {

    /** The calls, or null without native access or off Linux on x86-64 and AArch64. */
    static final Libc LIBC = find();

    /** Largest read or write per call: bounds how long a thread holds off the collector. */
    static final long MAX_CALL_BYTES = 4L << 20;

    static final int EINTR = 4;
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    /** The same on x86-64 and AArch64 Linux. */
    static final int O_CLOEXEC = 0x80000;
    /** The same on x86-64 and AArch64 Linux. */
    static final int O_NONBLOCK = 0x800;

    final StructLayout callState = Linker.Option.captureStateLayout();
    private final VarHandle errno = callState.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** {@code O_NOFOLLOW}, the one flag used here whose value differs between the two. */
    final int noFollow;
    final MethodHandle open;
    final MethodHandle pread;
    final MethodHandle pwrite;
    final MethodHandle close;
    private final MethodHandle strerror;

    private Libc(int noFollow) {
        this.noFollow = noFollow;
        Linker linker = Linker.nativeLinker();
        Linker.Option errnoOption = Linker.Option.captureCallState("errno");
        open = linker.downcallHandle(linker.defaultLookup().find("open").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
                errnoOption, Linker.Option.firstVariadicArg(2));
        FunctionDescriptor transfer = FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
        pread = linker.downcallHandle(linker.defaultLookup().find("pread").orElseThrow(), transfer,
                errnoOption, Linker.Option.critical(true));
        pwrite = linker.downcallHandle(linker.defaultLookup().find("pwrite").orElseThrow(), transfer,
                errnoOption, Linker.Option.critical(true));
        close = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), errnoOption);
        strerror = linker.downcallHandle(linker.defaultLookup().find("strerror").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    }

    private static Libc find() {
        if (!Libc.class.getModule().isNativeAccessEnabled() || !"Linux".equals(System.getProperty("os.name"))) {
            return null;
        }
        int noFollow = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 0x20000;
            case "aarch64" -> 0x8000;
            default -> -1;
        };
        if (noFollow < 0) {
            return null;
        }
        try {
            return new Libc(noFollow);
        } catch (RuntimeException | LinkageError e) {
            // A JDK that refuses a linker option (critical with captured errno) or lacks a symbol.
            return null;
        }
    }

    /**
     * Calls {@code pread} or {@code pwrite} until the memory is done or a call moves nothing (the
     * end of the file for a read): at most {@link #MAX_CALL_BYTES} per call, retried on
     * {@code EINTR}.
     *
     * @param call {@link #pread} or {@link #pwrite}
     * @param state the caller's captured-state segment
     * @param fd the descriptor
     * @param memory the memory to read into or write from (a heap or native segment)
     * @param position the file offset of its first byte
     * @return the bytes moved: all of {@code memory}, or fewer where a call moved nothing
     * @throws IOException with the system's message if a call fails
     */
    long transfer(MethodHandle call, MemorySegment state, int fd, MemorySegment memory, long position)
            throws IOException {
        long size = memory.byteSize();
        long done = 0;
        try {
            while (done < size) {
                long n = Math.min(MAX_CALL_BYTES, size - done);
                long moved = (long) call.invokeExact(state, fd, memory.asSlice(done, n), n, position + done);
                if (moved < 0) {
                    int errno = errno(state);
                    if (errno == EINTR) {
                        continue;
                    }
                    throw new IOException(message(errno));
                }
                if (moved == 0) {
                    break;
                }
                done += moved;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling " + (call == pread ? "pread(2)" : "pwrite(2)") + " failed", e);
        }
        return done;
    }

    int errno(MemorySegment state) {
        return (int) errno.get(state, 0L);
    }

    /** The C library's text for an error number, as the JDK's own I/O exceptions say it. */
    String message(int errno) {
        try {
            MemorySegment text = (MemorySegment) strerror.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable e) {
            return "error " + errno;
        }
    }
}
