package uk.gov.inspectorates.portal.web.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gives every request an id that its log records carry ({@link LogFields}) and its response names in
 * {@code X-Request-Id}, so that an operator can match a user's report of a failure to the log. The id of a proxy in
 * front ({@code X-Request-Id} on the request) is kept when it is a plain token, otherwise a random one is made.
 */
@WebFilter("/*")
public class RequestIds extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The id of the request this thread is serving, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String given = request.getHeader(HEADER);
        String id = given != null && PLAIN_TOKEN.matcher(given).matches() ? given : newId();
        response.setHeader(HEADER, id);
        String outer = CURRENT.get();
        CURRENT.set(id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
