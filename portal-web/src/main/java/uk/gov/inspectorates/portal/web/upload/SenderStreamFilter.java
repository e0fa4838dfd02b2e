package uk.gov.inspectorates.portal.web.upload;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Marks a failure to read a request's body as the sender's ({@link SenderFailure}): a client that closes or resets its
 * connection mid-upload is then told apart from a failure of ours (the object store, the scanner), so that
 * {@link UploadPlaces} makes it the quiet {@link UploadAbandoned} rather than a 503 logged as unexpected.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SenderStreamFilter extends HttpFilter {

    /** Reading the request's body failed: the sender stopped sending (closed, reset or timed out). */
    public static final class SenderFailure extends IOException {
        SenderFailure(IOException cause) {
            super("the sender stopped sending: " + cause.getMessage(), cause);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method)) {
            Marked marked = new Marked(request);
            chain.doFilter(marked, new Unheard(response, marked));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** True when the failure, or one it was caused by, is the sender's. */
    public static boolean bySender(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 32; t = t.getCause()) {
            if (t instanceof SenderFailure) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof SenderFailure) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class Marked extends HttpServletRequestWrapper {
        private ServletInputStream body;
        private volatile boolean senderGone;

        Marked(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new MarkedStream(super.getInputStream(), this);
            }
            return body;
        }
    }

    /**
     * Once the sender is gone, the answer has nobody to go to: it is written to nothing, so that committing it does not
     * fail (and the REST runtime does not log that failure as SEVERE).
     */
    private static final class Unheard extends jakarta.servlet.http.HttpServletResponseWrapper {
        private final Marked request;

        Unheard(HttpServletResponse response, Marked request) {
            super(response);
            this.request = request;
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
            closingIfRefused();
            return request.senderGone ? new Nowhere() : super.getOutputStream();
        }

        @Override
        public java.io.PrintWriter getWriter() throws IOException {
            closingIfRefused();
            return request.senderGone ? new java.io.PrintWriter(java.io.Writer.nullWriter()) : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            closingIfRefused();
            if (!request.senderGone) {
                super.flushBuffer();
            }
        }

        @Override
        public void setStatus(int status) {
            closingIfRefused();
            super.setStatus(status);
        }

        /** A refused upload's body was not read to its end: the connection cannot be used again (UploadPlaces). */
        private void closingIfRefused() {
            if (request.getAttribute(UploadPlaces.CLOSE_AFTER_ANSWER) != null && !isCommitted()) {
                setHeader("Connection", "close");
            }
        }
    }

    private static final class Nowhere extends jakarta.servlet.ServletOutputStream {
        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(jakarta.servlet.WriteListener listener) {
        }
    }

    private static final class MarkedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final Marked request;

        MarkedStream(ServletInputStream in, Marked request) {
            this.in = in;
            this.request = request;
        }

        private SenderFailure gone(IOException e) {
            request.senderGone = true;
            return e instanceof SenderFailure failure ? failure : new SenderFailure(e);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw gone(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw gone(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw gone(e);
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
