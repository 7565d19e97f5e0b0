package org.portcullis.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.portcullis.http.errors.BodyTooLargeException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the configured maximum with 413. A declared Content-Length is checked before
 * anything is read; a chunked body is counted as it is read and cut off at the limit, so a client cannot
 * make the server buffer or parse megabytes by leaving the length out.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodySizeLimitFilter implements ContainerRequestFilter {
    private final long maxBytes;

    public BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw new BodyTooLargeException();
        }
        // Wrapped whether or not there is a body: hasEntity() would find out by reading the first byte, which
        // blocks until the body arrives, before the filters that refuse a request without reading it (the
        // bcrypt bulkhead's door) have run. An empty stream wrapped stays empty.
        request.setEntityStream(new LimitedStream(request.getEntityStream(), maxBytes));
    }

    /** Counts bytes and fails once more than the limit has been read. */
    static final class LimitedStream extends FilterInputStream {
        private final long max;
        private long read;

        LimitedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new BodyTooLargeException();
            }
        }
    }
}
