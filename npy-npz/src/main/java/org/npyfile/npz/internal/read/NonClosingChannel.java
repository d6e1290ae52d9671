package org.npyfile.npz.internal.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view of a channel whose {@code close()} leaves the channel open, for a library that
 * closes what it is given, and which remembers the channel's own I/O failures, so that the library's
 * failures can be told apart: genuine I/O errors from malformed content.
 */
public final class NonClosingChannel implements SeekableByteChannel {

    private final SeekableByteChannel channel;
    private boolean open = true;
    private IOException failure;

    /**
     * Wraps a channel.
     *
     * @param channel the channel to keep open
     */
    public NonClosingChannel(SeekableByteChannel channel) {
        this.channel = channel;
    }

    /** @return the first I/O failure of the underlying channel, or null */
    public IOException failure() {
        return failure;
    }

    private IOException record(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        try {
            return channel.read(dst);
        } catch (IOException e) {
            throw record(e);
        }
    }

    /** @throws NonWritableChannelException always: the view is read-only */
    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        try {
            return channel.position();
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        try {
            channel.position(newPosition);
        } catch (IOException e) {
            throw record(e);
        }
        return this;
    }

    @Override
    public long size() throws IOException {
        try {
            return channel.size();
        } catch (IOException e) {
            throw record(e);
        }
    }

    /** @throws NonWritableChannelException always: the view is read-only */
    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open && channel.isOpen();
    }

    /** Marks this view closed; the underlying channel stays open. */
    @Override
    public void close() {
        open = false;
    }
}
