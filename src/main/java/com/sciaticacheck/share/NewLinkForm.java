package com.sciaticacheck.share;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A physio's new link, from the page or the API (same names, same limits). */
public record NewLinkForm(
		@NotBlank(message = "{link.clinicName.required}") @Size(max = 80, message = "{link.clinicName.size}") @Pattern(
				regexp = ONE_LINE, message = "{text.controlCharacters}") String clinicName,
		@Size(max = 500, message = "{link.message.size}") @Pattern(regexp = LINES,
				message = "{text.controlCharacters}") String message,
		@NotNull(message = "{link.days.required}") @Min(value = 7, message = "{link.days.range}") @Max(value = 365,
				message = "{link.days.range}") Integer days) {

	static final int DEFAULT_DAYS = 90;

	/** Text on one line: no control characters (PostgreSQL refuses NUL outright). */
	static final String ONE_LINE = "[^\\p{Cntrl}]*";

	/** Text over several lines: line breaks and tabs, but no other control characters. */
	static final String LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	static NewLinkForm blank() {
		return new NewLinkForm(null, null, DEFAULT_DAYS);
	}

}
