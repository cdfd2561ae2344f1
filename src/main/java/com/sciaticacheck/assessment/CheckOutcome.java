package com.sciaticacheck.assessment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;

/**
 * How a check ended: stopped at the safety step by an emergency sign, or assessed in
 * full. Each carries the answers that led to it, keyed by the catalogue's questions.
 */
public sealed interface CheckOutcome {

	Referral referral();

	List<String> referralReasonKeys();

	/** The answers given, as far as the check went. */
	Map<Question<?>, Object> answers();

	default boolean emergency() {
		return referral() == Referral.EMERGENCY;
	}

	/**
	 * A "yes" to a safety question: the check stopped there, with no score, and only the
	 * six safety questions were answered.
	 */
	record StoppedAtSafety(Map<Question<?>, Object> answers, List<String> referralReasonKeys) implements CheckOutcome {

		public StoppedAtSafety {
			answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
			referralReasonKeys = List.copyOf(referralReasonKeys);
		}

		@Override
		public Referral referral() {
			return Referral.EMERGENCY;
		}

	}

	/** Every question answered and scored. */
	record Assessed(Map<Question<?>, Object> answers, Assessment assessment) implements CheckOutcome {

		public Assessed {
			answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
		}

		public Assessed(Answers answers, Assessment assessment) {
			this(answers.asMap(), assessment);
		}

		@Override
		public Referral referral() {
			return this.assessment.referral();
		}

		@Override
		public List<String> referralReasonKeys() {
			return this.assessment.referralReasonKeys();
		}

	}

}
