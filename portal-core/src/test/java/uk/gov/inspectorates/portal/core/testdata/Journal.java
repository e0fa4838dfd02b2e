package uk.gov.inspectorates.portal.core.testdata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;

/**
 * Every call made through the ports it wraps, in order, each noting whether it was made inside a unit of work
 * ({@link UnitOfWorkProbe#inside()}). Wraps any port interface around its test fake.
 */
public final class Journal {

    public record Call(String port, String method, List<Object> arguments, boolean insideUnit) {
        @Override
        public String toString() {
            return port + "." + method + (insideUnit ? " (in a unit)" : " (outside any unit)");
        }
    }

    private final List<Call> calls = new ArrayList<>();

    public <T> T port(Class<T> port, T fake) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(fake, arguments);
                    }
                    calls.add(new Call(port.getSimpleName(), method.getName(),
                            arguments == null ? List.of() : Arrays.asList(arguments), UnitOfWorkProbe.inside()));
                    try {
                        return method.invoke(fake, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of one method of one port. */
    public List<Call> calls(Class<?> port, String method) {
        return calls.stream().filter(call -> call.port().equals(port.getSimpleName()) && call.method().equals(method))
                .toList();
    }

    /** The audit events recorded through a journalled {@link AuditTrail} with that outcome, with their calls. */
    public List<Call> recorded(AuditEvent.Outcome outcome) {
        return calls(AuditTrail.class, "record").stream()
                .filter(call -> ((AuditEvent) call.arguments().get(0)).outcome() == outcome).toList();
    }
}
