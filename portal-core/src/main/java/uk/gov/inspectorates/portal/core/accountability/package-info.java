/**
 * Accountability (issue 18): the SIRO reading the audit trail through the gate. Above {@code audit} (the trail and
 * its ports), {@code access} (the rules) and {@code report}, which all record into the trail.
 */
package uk.gov.inspectorates.portal.core.accountability;
