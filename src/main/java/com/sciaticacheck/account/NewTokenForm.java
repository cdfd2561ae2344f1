package com.sciaticacheck.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new personal access token: only its name, which says what it is for ("Clinic
 * software") so the physio knows which one to revoke.
 */
record NewTokenForm(@NotBlank(message = "{tokens.name.required}") @Size(max = ApiTokens.MAX_NAME_LENGTH,
		message = "{tokens.name.size}") @Pattern(regexp = SignUpForm.ONE_LINE_VISIBLE,
				message = "{text.hiddenFormatting}") String name) {

	static NewTokenForm blank() {
		return new NewTokenForm(null);
	}

}
