package com.sciaticacheck.assessment;

import java.util.EnumSet;
import java.util.Set;

import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.WarningSign;
import jakarta.validation.constraints.NotNull;

/**
 * Step 1, the safety check: every question needs an explicit yes or no, so a skipped
 * question is never read as "no".
 */
public record SafetyForm(@NotNull(message = "{safety.answerRequired}") Boolean saddleNumbness,
		@NotNull(message = "{safety.answerRequired}") Boolean bladderChange,
		@NotNull(message = "{safety.answerRequired}") Boolean bowelChange,
		@NotNull(message = "{safety.answerRequired}") Boolean sexualDysfunction,
		@NotNull(message = "{safety.answerRequired}") Boolean painInBothLegs,
		@NotNull(message = "{safety.answerRequired}") Boolean legWeakness,
		@NotNull(message = "{safety.answerRequired}") Boolean feverOrUnwell) {

	public static SafetyForm empty() {
		return new SafetyForm(null, null, null, null, null, null, null);
	}

	public Set<WarningSign> warningSigns() {
		Set<WarningSign> signs = EnumSet.noneOf(WarningSign.class);
		for (SafetyQuestion question : SafetyQuestion.values()) {
			if (question.sign() != null && answer(question)) {
				signs.add(question.sign());
			}
		}
		return signs;
	}

	/**
	 * Both legs here is a yes-or-no; the questionnaire asks where the pain is in full.
	 */
	public Pain pain() {
		return Boolean.TRUE.equals(this.painInBothLegs) ? Pain.BOTH_LEGS : Pain.NONE;
	}

	private boolean answer(SafetyQuestion question) {
		return Boolean.TRUE.equals(switch (question) {
			case SADDLE_NUMBNESS -> this.saddleNumbness;
			case BLADDER_CHANGE -> this.bladderChange;
			case BOWEL_CHANGE -> this.bowelChange;
			case SEXUAL_DYSFUNCTION -> this.sexualDysfunction;
			case PAIN_IN_BOTH_LEGS -> this.painInBothLegs;
			case LEG_WEAKNESS -> this.legWeakness;
			case FEVER_OR_UNWELL -> this.feverOrUnwell;
		});
	}

}
