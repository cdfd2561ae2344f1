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
				regexp = ONE_LINE, message = "{text.controlCharacters}") @Pattern(regexp = NO_HIDDEN_FORMATTING,
						message = "{text.hiddenFormatting}") String clinicName,
		@Size(max = 500, message = "{link.message.size}") @Pattern(regexp = LINES,
				message = "{text.controlCharacters}") @Pattern(regexp = NO_HIDDEN_FORMATTING,
						message = "{text.hiddenFormatting}") String message,
		@NotNull(message = "{link.days.required}") @Min(value = 7, message = "{link.days.range}") @Max(value = 365,
				message = "{link.days.range}") Integer days) {

	static final int DEFAULT_DAYS = 90;

	/** Text on one line: no control characters (PostgreSQL refuses NUL outright). */
	static final String ONE_LINE = "[^\\p{Cntrl}]*";

	/** Text over several lines: line breaks and tabs, but no other control characters. */
	static final String LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	/**
	 * No invisible characters that reorder or hide text: bidi overrides, isolates and
	 * marks (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), which can make
	 * a clinic's name read as another's on the client's page and in the physio's lists,
	 * and zero-width characters (U+200B to U+200D, U+2060 to U+2064, U+FEFF), which make
	 * two names that look alike differ. Control characters are refused by the patterns
	 * above.
	 */
	static final String NO_HIDDEN_FORMATTING = "[^\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]*";

	static NewLinkForm blank() {
		return new NewLinkForm(null, null, DEFAULT_DAYS);
	}

}
