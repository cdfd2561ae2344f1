package com.sciaticacheck.share;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A physio's new link, from the page or the API (same names, same limits). */
public record NewLinkForm(
		@NotBlank(message = "{link.clinicName.required}") @Size(max = 80,
				message = "{link.clinicName.size}") String clinicName,
		@Size(max = 500, message = "{link.message.size}") String message,
		@NotNull(message = "{link.days.required}") @Min(value = 7, message = "{link.days.range}") @Max(value = 365,
				message = "{link.days.range}") Integer days) {

	static final int DEFAULT_DAYS = 90;

	static NewLinkForm blank() {
		return new NewLinkForm(null, null, DEFAULT_DAYS);
	}

}
