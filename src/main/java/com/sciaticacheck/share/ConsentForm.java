package com.sciaticacheck.share;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The client's choice before the result: share answers and result with the clinic or not,
 * with an optional reference so the physio can tell clients apart (on their dashboard, so
 * free of hidden formatting, as a clinic's name is).
 */
public record ConsentForm(@NotNull(message = "{consent.share.required}") Boolean share,
		@Size(max = 60, message = "{consent.reference.size}") @Pattern(regexp = NewLinkForm.ONE_LINE,
				message = "{text.controlCharacters}") @Pattern(regexp = NewLinkForm.NO_HIDDEN_FORMATTING,
						message = "{text.hiddenFormatting}") String reference) {

	static ConsentForm blank() {
		return new ConsentForm(null, null);
	}

	boolean shares() {
		return Boolean.TRUE.equals(this.share);
	}

}
