package uk.gov.inspectorates.portal.web.config;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Tells the report sweeps apart (three beans of one class); the runner takes them all with {@code @Any}. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface ReportSweep {

    Category value();

    enum Category { PUBLISHED, WITHDRAWN, LETTERS }
}
