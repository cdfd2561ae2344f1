package com.sciaticacheck.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides whether and how soon to see a professional, before and apart from the score: a
 * low score never hides a warning sign. The highest tier that applies wins, and only its
 * reasons are given.
 *
 * <p>
 * Tiers follow the NHS sciatica page and the NHS back and radicular pain pathway; the
 * routine thresholds put numbers on the source article's "persistent or severe" pain.
 */
final class Triage {

	/** Pain lasting this many weeks or more is persistent. */
	static final int PERSISTENT_PAIN_WEEKS = 4;

	/** Pain rated this high or higher, out of 10, is severe. */
	static final int SEVERE_PAIN = 7;

	private static final Set<Symptom> ROUTINE_SYMPTOMS = Set.of(Symptom.GETTING_WORSE, Symptom.STOPS_NORMAL_ACTIVITIES,
			Symptom.NUMBNESS_OR_TINGLING, Symptom.LEG_WEAKNESS);

	private Triage() {
	}

	record Decision(Referral referral, List<String> reasonKeys) {
	}

	static Decision decide(Answers answers) {
		List<String> emergency = emergencyReasons(answers.get(Question.WARNING_SIGNS), answers.get(Question.PAIN));
		if (!emergency.isEmpty()) {
			return new Decision(Referral.EMERGENCY, emergency);
		}
		if (!answers.get(Question.PAIN).present()) {
			// urgent signs are red flags only together with current back or leg pain
			return new Decision(Referral.NONE, List.of());
		}
		List<String> urgent = answers.get(Question.WARNING_SIGNS)
			.stream()
			.filter((sign) -> !sign.emergency())
			.map(Triage::reason)
			.toList();
		if (!urgent.isEmpty()) {
			return new Decision(Referral.URGENT, urgent);
		}
		List<String> routine = routineReasons(answers);
		return routine.isEmpty() ? new Decision(Referral.NONE, List.of()) : new Decision(Referral.ROUTINE, routine);
	}

	static List<String> emergencyReasons(Set<WarningSign> signs, Pain pain) {
		List<String> reasons = new ArrayList<>();
		signs.stream().filter(WarningSign::emergency).forEach((sign) -> reasons.add(reason(sign)));
		if (pain == Pain.BOTH_LEGS) {
			reasons.add("referral.reason.BOTH_LEGS");
		}
		return reasons;
	}

	private static List<String> routineReasons(Answers answers) {
		List<String> reasons = new ArrayList<>();
		Integer weeks = answers.get(Question.PAIN_WEEKS);
		Integer severity = answers.get(Question.PAIN_SEVERITY);
		if (weeks != null && weeks >= PERSISTENT_PAIN_WEEKS) {
			reasons.add("referral.reason.PERSISTENT_PAIN");
		}
		if (severity != null && severity >= SEVERE_PAIN) {
			reasons.add("referral.reason.SEVERE_PAIN");
		}
		answers.get(Question.SYMPTOMS)
			.stream()
			.filter(ROUTINE_SYMPTOMS::contains)
			.forEach((symptom) -> reasons.add(reason(symptom)));
		if (!answers.get(Question.CONDITIONS).isEmpty()) {
			reasons.add("referral.reason.KNOWN_CONDITION");
		}
		return reasons;
	}

	private static String reason(Enum<?> answer) {
		return "referral.reason." + answer.name();
	}

}
