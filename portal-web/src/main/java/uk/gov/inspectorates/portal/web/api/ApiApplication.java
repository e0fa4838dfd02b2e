package uk.gov.inspectorates.portal.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Inspectorates' secure document-exchange portal", version = "1",
        description = "Pre-publication reports under embargo and JTAI evidence exchange. Errors are RFC 9457 "
                + "application/problem+json; state-changing calls need the session's CSRF token in X-CSRF-Token."))
public class ApiApplication extends Application {
}
