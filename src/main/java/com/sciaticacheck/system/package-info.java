/**
 * Cross-cutting infrastructure every feature uses: security and CSRF, security headers,
 * error pages, static files, the clock and the binding of Spring-bound forms.
 *
 * <p>
 * A closed module that may depend on no other: everything else may lean on it, so a
 * single reference from here into a feature would tie every module to that feature. Its
 * users list it in their own {@code allowedDependencies} rather than it being declared a
 * shared module, because that needs {@code @Modulithic} on the application class; it is
 * not open either, as open modules are left out of cycle detection.
 */
@ApplicationModule(displayName = "System", allowedDependencies = {})
package com.sciaticacheck.system;

import org.springframework.modulith.ApplicationModule;
