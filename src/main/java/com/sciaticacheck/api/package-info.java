/**
 * The JSON API: assessments and the running rule table for other programs, with RFC 9457
 * problems for bad requests.
 *
 * <p>
 * It sits beside {@code assessment}, not on top of it: both map their own edge types onto
 * {@code rules}, so neither page nor API changes break the other.
 */
@ApplicationModule(displayName = "JSON API", allowedDependencies = { "rules", "system" })
package com.sciaticacheck.api;

import org.springframework.modulith.ApplicationModule;
