/**
 * Mail to physios: through the SMTP server set in the environment, or, without one (the
 * embedded default, for trying the app out), as {@code .eml} files only the app's user
 * can read. Mail never carries health data or a secret address: its callers keep to that,
 * and this module never logs what it sends.
 */
@ApplicationModule(displayName = "Mail", allowedDependencies = {})
package com.sciaticacheck.mail;

import org.springframework.modulith.ApplicationModule;
