package com.sciaticacheck.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new account: the name clients see, the address that confirms it, and a password that
 * {@link PasswordPolicy} accepts.
 */
record SignUpForm(
		@NotBlank(message = "{account.displayName.required}") @Size(max = 80,
				message = "{account.displayName.size}") @Pattern(regexp = ONE_LINE_VISIBLE,
						message = "{text.hiddenFormatting}") String displayName,
		@NotBlank(message = "{account.email.required}") @Size(max = 254, message = "{account.email.size}") @Email(
				regexp = ".+@.+\\..+", message = "{account.email.format}") String email,
		@NotBlank(message = "{account.password.required}") String password) {

	/**
	 * One line of visible text: no control characters and none of the invisible ones that
	 * reorder or hide text (as a link's clinic name).
	 */
	static final String ONE_LINE_VISIBLE = "[^\\p{Cntrl}\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]*";

	static SignUpForm blank() {
		return new SignUpForm(null, null, null);
	}

}
