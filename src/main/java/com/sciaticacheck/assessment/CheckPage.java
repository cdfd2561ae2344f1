package com.sciaticacheck.assessment;

import com.sciaticacheck.rules.Asking;

/**
 * Where a check's forms post to, and what its host adds to the check's pages, each a
 * Thymeleaf fragment expression (such as {@code "share/fragments :: clinicBanner"}) or
 * {@code null} for nothing. The check's templates include these without knowing whose
 * they are.
 *
 * @param basePath the path the check's forms post under, such as {@code /assessment}
 * @param startPath where "start again" leads
 * @param heading above the safety questions and the questionnaire
 * @param outcomeNotice at the top of the result and the emergency page
 * @param emergencyFooter at the end of the emergency page
 * @param disclaimerKey the message key of the result's disclaimer
 * @param followUp whether this check follows an earlier one of the same person: its
 * questionnaire also asks how they are compared with that check, which no other check
 * shows or takes. The host knows: the runner's own check never is one.
 */
public record CheckPage(String basePath, String startPath, String heading, String outcomeNotice, String emergencyFooter,
		String disclaimerKey, boolean followUp) {

	/** The model attribute the check's templates read this from. */
	public static final String ATTRIBUTE = "check";

	static final String DISCLAIMER = "result.disclaimer";

	/** How this check's questionnaire asks: a follow-up's asks one question more. */
	public Asking asking() {
		return Asking.onPage(this.followUp);
	}

	/** The same page parts with another notice at the top of the outcome. */
	public CheckPage withOutcomeNotice(String fragment) {
		return new CheckPage(this.basePath, this.startPath, this.heading, fragment, this.emergencyFooter,
				this.disclaimerKey, this.followUp);
	}

	/** The same page parts with another footer under the emergency advice. */
	public CheckPage withEmergencyFooter(String fragment) {
		return new CheckPage(this.basePath, this.startPath, this.heading, this.outcomeNotice, fragment,
				this.disclaimerKey, this.followUp);
	}

}
