package com.sciaticacheck.share;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A physio's new client: a label of their own choosing, how often to ask for a check, and
 * how long the client's link takes answers. The label is kept short and to letters,
 * digits, spaces and a few marks ({@code . - _ / # '}), enough for initials or a clinic's
 * own reference and too little for an email address, an address or a note: the app never
 * needs a name, date of birth or contact details, and its pages say so.
 *
 * @param label initials or the physio's own reference, stripped of surrounding spaces
 * @param followUp {@code none}, or the weeks between checks: {@code 1}, {@code 2} or
 * {@code 4}
 * @param days how long the client's link takes answers; their answers are deleted when it
 * ends, as for any link
 */
public record ClientForm(
		@NotBlank(message = "{clinic.client.label.required}") @Size(max = LABEL_LENGTH,
				message = "{clinic.client.label.size}") @Pattern(regexp = LABEL_CHARACTERS,
						message = "{clinic.client.label.characters}") String label,
		@NotNull(message = "{clinic.client.followUp.required}") @Pattern(regexp = FOLLOW_UP,
				message = "{clinic.client.followUp.required}") String followUp,
		@NotNull(message = "{link.days.required}") @Min(value = 7, message = "{link.days.range}") @Max(value = 365,
				message = "{link.days.range}") Integer days) {

	static final int LABEL_LENGTH = 30;

	/**
	 * The follow-up choices as the pages post them: none, or the weeks between checks.
	 */
	static final String FOLLOW_UP = "none|1|2|4";

	/**
	 * Starts with a letter or digit, then letters, digits, spaces and
	 * {@code . - _ / # '}: no {@code @}, so no email address, and no control or invisible
	 * formatting characters.
	 */
	static final String LABEL_CHARACTERS = "([\\p{L}\\p{N}][\\p{L}\\p{N} ._/#'-]*)?";

	/** Long enough for a course of follow-ups; the physio can choose up to a year. */
	static final int DEFAULT_DAYS = 180;

	public ClientForm {
		label = (label != null) ? label.strip() : null;
	}

	static ClientForm blank() {
		return new ClientForm(null, "none", DEFAULT_DAYS);
	}

	/** The weeks between checks, or {@code null} for no follow-up. */
	Integer followUpWeeks() {
		return (this.followUp == null || this.followUp.equals("none")) ? null : Integer.valueOf(this.followUp);
	}

}
