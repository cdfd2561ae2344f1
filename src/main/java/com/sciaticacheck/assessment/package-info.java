/**
 * The runner's questionnaire in the browser: the safety questions, the form and the
 * result pages, which hand the answers to {@code rules}.
 */
@ApplicationModule(displayName = "Assessment pages", allowedDependencies = { "rules", "system" })
package com.sciaticacheck.assessment;

import org.springframework.modulith.ApplicationModule;
