/**
 * Physio share links: a clinic's link, the client's answers and consent through it, the
 * account's dashboard, exports and retention. Every link belongs to a clinic account
 * ({@code account}), whose signed-in session every clinic page needs.
 *
 * <p>
 * The top of the graph: it runs the check of {@code assessment} as a {@code CheckHost}
 * (the clinic's heading, consent before the result, storing), and reuses the response
 * shape and strict reader from {@code api}, so the shared answers are the very ones a
 * runner gives alone; nothing below may point back at it.
 */
@ApplicationModule(displayName = "Physio share links",
		allowedDependencies = { "rules", "assessment", "api", "system", "account" })
package com.sciaticacheck.share;

import org.springframework.modulith.ApplicationModule;
