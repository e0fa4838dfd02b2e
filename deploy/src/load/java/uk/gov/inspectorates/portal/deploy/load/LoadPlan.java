package uk.gov.inspectorates.portal.deploy.load;

import java.util.List;
import java.util.Map;

/**
 * What {@link LoadRun} prepared for the simulation, handed over in the same JVM (Gatling instantiates the
 * simulation itself): the portal's address, the concurrency steps, and the people and files the virtual users act
 * with (each person a signed-in session: its cookie and CSRF token).
 */
record LoadPlan(String baseUrl, List<Integer> steps, int stepSeconds, List<Map<String, Object>> uploaders,
                List<Map<String, Object>> files, List<Map<String, Object>> largeFiles,
                List<Map<String, Object>> inspectors, List<Map<String, Object>> readers,
                List<Map<String, Object>> siros, int drainSeconds) {

    static volatile LoadPlan current;

    int totalSeconds() {
        return steps.size() * stepSeconds;
    }
}
