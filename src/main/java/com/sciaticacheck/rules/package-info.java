/**
 * The rules service: a runner's answers in, a scored assessment and referral tier out,
 * read from a reviewable rule table.
 *
 * <p>
 * It depends on no other module, not even {@code system}: it stays plain Java (no web, no
 * clock, no I/O) so the same answers always give the same assessment, and every other
 * module can build on it without pulling anything back in.
 */
@ApplicationModule(displayName = "Rules", allowedDependencies = {})
package com.sciaticacheck.rules;

import org.springframework.modulith.ApplicationModule;
