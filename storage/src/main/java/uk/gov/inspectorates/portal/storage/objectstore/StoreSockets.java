package uk.gov.inspectorates.portal.storage.objectstore;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Sockets to the object store whose reads time out in the kernel ({@code SO_TIMEOUT}) and nowhere else
 * (docs/adr/0037, addendum). OkHttp guards a read twice: the socket's {@code SO_TIMEOUT} and Okio's
 * {@code AsyncTimeout}, which enters a queue and wakes its watchdog thread around every read of at most 8 KiB: for a
 * 256 MiB download that is some 32,000 thread wake-ups, measured at about a sixth of the portal's CPU per download.
 * The store's client is therefore built with no read timeout of its own (so Okio queues nothing), and these sockets
 * refuse to be left without one: a request for no timeout keeps {@link #readTimeout} instead. A store that stops
 * sending still fails the read after that long, as before.
 */
final class StoreSockets extends SocketFactory {

    private final int readTimeoutMillis;

    StoreSockets(Duration readTimeout) {
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
        if (readTimeoutMillis <= 0) {
            throw new IllegalArgumentException("the store's read timeout must be positive");
        }
    }

    Duration readTimeout() {
        return Duration.ofMillis(readTimeoutMillis);
    }

    @Override
    public Socket createSocket() throws SocketException {
        return new TimedSocket(readTimeoutMillis);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress to, InetSocketAddress from) throws IOException {
        Socket socket = createSocket();
        try {
            if (from != null) {
                socket.bind(from);
            }
            socket.connect(to);
            return socket;
        } catch (IOException e) {
            socket.close(); // a store that cannot be reached must not leave a half-made socket open
            throw e;
        }
    }

    /** A socket whose read timeout is never "none". */
    static final class TimedSocket extends Socket {

        private final int floorMillis;

        TimedSocket(int floorMillis) throws SocketException {
            this.floorMillis = floorMillis;
            super.setSoTimeout(floorMillis);
        }

        @Override
        public synchronized void setSoTimeout(int timeout) throws SocketException {
            super.setSoTimeout(timeout == 0 ? floorMillis : timeout);
        }
    }
}
