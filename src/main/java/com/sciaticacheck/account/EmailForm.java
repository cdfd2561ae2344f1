package com.sciaticacheck.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Forgot password": the address to send the link to. */
record EmailForm(
		@NotBlank(message = "{account.email.required}") @Size(max = 254, message = "{account.email.size}") @Email(
				regexp = ".+@.+\\..+", message = "{account.email.format}") String email) {

}
