/**
 * The check in the browser, as one flow ({@code CheckFlow}): the safety questions, the
 * emergency gate, the questionnaire bound by the question catalogue, and the outcome,
 * with the runner's own pages around it.
 *
 * <p>
 * Whoever runs the check through another door (a clinic's link) implements the one
 * extension point, {@code CheckHost}: the steps and the gate stay here, and neither this
 * code nor its templates know who that is.
 */
@ApplicationModule(displayName = "Assessment pages", allowedDependencies = { "rules", "training", "system" })
package com.sciaticacheck.assessment;

import org.springframework.modulith.ApplicationModule;
