package com.sciaticacheck.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether and how soon to see a professional (clinical basis version 2, section
 * 1), before and apart from the score: a low score never hides a warning sign. The
 * highest tier that applies wins, and all of its reasons are given.
 *
 * <p>
 * Tiers follow the nhs.uk sciatica and back pain pages, the NHS back and radicular pain
 * pathway's community red flags, the GIRFT cauda equina pathway and NICE NG234. Where
 * this is stricter than the red flags list (cancer and major motor loss: today, not
 * within 2 weeks) it is on purpose: a self-check cannot examine, so it errs to sooner.
 */
final class Triage {

	/** Pain lasting this many weeks or more is persistent. */
	static final int PERSISTENT_PAIN_WEEKS = 4;

	/** Pain rated this high or higher, out of 10, is severe. */
	static final int SEVERE_PAIN = 7;

	/**
	 * From this age a fall is a possible fragility fracture, and a first ever episode of
	 * back pain needs a look this week.
	 */
	static final int OLDER_AGE = 60;

	static final String PREFIX = "referral.reason.";

	/**
	 * The safety net on every result: the signs that mean A&amp;E at once if they start.
	 */
	static final List<String> SAFETY_NET = List.of("safetyNet.saddle", "safetyNet.bladderOrBowel",
			"safetyNet.sexualFunction", "safetyNet.bothLegs", "safetyNet.cancerLegSigns", "safetyNet.chestPain",
			"safetyNet.sepsis", "safetyNet.stroke");

	/** Signs in one leg that matter with or without pain: nerve signs. */
	private static final Set<Symptom> NERVE_SYMPTOMS = EnumSet.of(Symptom.NUMBNESS_OR_TINGLING, Symptom.LEG_WEAKNESS);

	/** Motor loss in one leg that is new or getting worse: today, pain or not. */
	private static final Set<WarningSign> MOTOR_LOSS = EnumSet.of(WarningSign.ONE_LEG_WEAKNESS_WORSENING,
			WarningSign.FOOT_DROP);

	/** Signs that need advice today together with back or leg pain. */
	private static final Set<WarningSign> URGENT_WITH_PAIN = EnumSet.of(WarningSign.FEVER_OR_UNWELL,
			WarningSign.CANCER_HISTORY, WarningSign.UNEXPLAINED_WEIGHT_LOSS, WarningSign.NIGHT_OR_CONSTANT_PAIN);

	/** Signs that need a look this week together with back or leg pain. */
	private static final Set<WarningSign> SOON_WITH_PAIN = EnumSet.of(WarningSign.STEROIDS_OR_IMMUNOSUPPRESSION,
			WarningSign.OSTEOPOROSIS);

	/**
	 * Known spinal conditions that, with pain now, need an appointment; earlier back pain
	 * or sciatica alone raise the score instead.
	 */
	private static final Set<Condition> SPINAL_CONDITIONS = EnumSet.of(Condition.HERNIATED_DISC,
			Condition.SPINAL_STENOSIS, Condition.DEGENERATIVE_DISC_DISEASE, Condition.BACK_SURGERY);

	private static final Set<Symptom> ROUTINE_SYMPTOMS = EnumSet.of(Symptom.GETTING_WORSE,
			Symptom.STOPS_NORMAL_ACTIVITIES);

	private Triage() {
	}

	record Decision(Referral referral, List<String> reasonKeys) {
	}

	static Decision decide(Answers answers) {
		Map<Referral, List<String>> reasons = new EnumMap<>(Referral.class);
		reasons.put(Referral.EMERGENCY, emergency(answers));
		reasons.put(Referral.URGENT, urgent(answers));
		reasons.put(Referral.SOON, soon(answers));
		reasons.put(Referral.ROUTINE, routine(answers));
		for (Referral tier : List.of(Referral.EMERGENCY, Referral.URGENT, Referral.SOON, Referral.ROUTINE)) {
			if (!reasons.get(tier).isEmpty()) {
				return new Decision(tier, reasons.get(tier));
			}
		}
		return new Decision(Referral.NONE, List.of());
	}

	/**
	 * The emergency reasons among the safety check's answers alone, so the safety step
	 * can stop before the rest of the check.
	 */
	static List<String> safetyReasons(Map<Question<?>, ?> answers) {
		List<String> reasons = new ArrayList<>();
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			if (Boolean.TRUE.equals(answers.get(question))) {
				reasons.add(PREFIX + question.pageName());
			}
		}
		return reasons;
	}

	private static List<String> emergency(Answers answers) {
		List<String> reasons = safetyReasons(answers.asMap());
		if (answers.get(Question.PAIN) == Pain.BOTH_LEGS) {
			reasons.add(PREFIX + Pain.BOTH_LEGS);
		}
		// cancer with leg signs: possible spinal cord compression (NICE NG234); both legs
		// count too, so the cancer team's line is named there as well
		Set<WarningSign> signs = answers.get(Question.WARNING_SIGNS);
		boolean legSigns = answers.get(Question.PAIN) == Pain.ONE_LEG || answers.get(Question.PAIN) == Pain.BOTH_LEGS
				|| Boolean.TRUE.equals(answers.get(Question.BOTH_LEGS_WEAK_OR_NUMB))
				|| answers.get(Question.SYMPTOMS).stream().anyMatch(NERVE_SYMPTOMS::contains)
				|| signs.stream().anyMatch(MOTOR_LOSS::contains);
		if (signs.contains(WarningSign.CANCER_HISTORY) && legSigns) {
			reasons.add(PREFIX + "CANCER_WITH_LEG_SIGNS");
		}
		return reasons;
	}

	private static List<String> urgent(Answers answers) {
		List<String> reasons = new ArrayList<>();
		Set<WarningSign> signs = answers.get(Question.WARNING_SIGNS);
		signs.stream().filter(MOTOR_LOSS::contains).forEach((sign) -> reasons.add(PREFIX + sign));
		if (painNow(answers)) {
			signs.stream().filter(URGENT_WITH_PAIN::contains).forEach((sign) -> reasons.add(PREFIX + sign));
			boolean fragile = signs.contains(WarningSign.OSTEOPOROSIS)
					|| signs.contains(WarningSign.STEROIDS_OR_IMMUNOSUPPRESSION)
					|| answers.get(Question.AGE_YEARS) >= OLDER_AGE;
			if (signs.contains(WarningSign.MINOR_FALL) && fragile) {
				reasons.add(PREFIX + "FRAGILITY_FALL");
			}
		}
		return reasons;
	}

	private static List<String> soon(Answers answers) {
		List<String> reasons = new ArrayList<>();
		if (!painNow(answers)) {
			return reasons;
		}
		answers.get(Question.WARNING_SIGNS)
			.stream()
			.filter(SOON_WITH_PAIN::contains)
			.forEach((sign) -> reasons.add(PREFIX + sign));
		// "first ever": no earlier back pain, sciatica, spinal condition or surgery
		if (answers.get(Question.AGE_YEARS) >= OLDER_AGE && answers.get(Question.CONDITIONS).isEmpty()) {
			reasons.add(PREFIX + "FIRST_EPISODE_AGE_60");
		}
		return reasons;
	}

	private static List<String> routine(Answers answers) {
		List<String> reasons = new ArrayList<>();
		Set<Symptom> symptoms = answers.get(Question.SYMPTOMS);
		if (painNow(answers)) {
			Integer weeks = answers.get(Question.PAIN_WEEKS);
			Integer severity = answers.get(Question.PAIN_SEVERITY);
			if (weeks != null && weeks >= PERSISTENT_PAIN_WEEKS) {
				reasons.add(PREFIX + "PERSISTENT_PAIN");
			}
			if (severity != null && severity >= SEVERE_PAIN) {
				reasons.add(PREFIX + "SEVERE_PAIN");
			}
			symptoms.stream().filter(ROUTINE_SYMPTOMS::contains).forEach((symptom) -> reasons.add(PREFIX + symptom));
			if (answers.get(Question.CONDITIONS).stream().anyMatch(SPINAL_CONDITIONS::contains)) {
				reasons.add(PREFIX + "KNOWN_CONDITION");
			}
			if (Boolean.TRUE.equals(answers.get(Question.PREGNANT_OR_POSTPARTUM))) {
				reasons.add(PREFIX + "PREGNANT_OR_POSTPARTUM");
			}
		}
		// nerve signs in one leg need a look whether or not there is pain
		symptoms.stream().filter(NERVE_SYMPTOMS::contains).forEach((symptom) -> reasons.add(PREFIX + symptom));
		return reasons;
	}

	private static boolean painNow(Answers answers) {
		return answers.get(Question.PAIN).present();
	}

	/**
	 * Every tier, most urgent first, with every reason it can give in the order they are
	 * given (none for NONE): for the rules page and the API, and for tests that check
	 * each reason has its words.
	 */
	static Map<Referral, List<String>> reasonKeysByTier() {
		Map<Referral, List<String>> tiers = new LinkedHashMap<>();
		List<String> emergency = new ArrayList<>();
		Question.SAFETY_CHECK.forEach((question) -> emergency.add(PREFIX + question.pageName()));
		emergency.add(PREFIX + Pain.BOTH_LEGS);
		emergency.add(PREFIX + "CANCER_WITH_LEG_SIGNS");
		tiers.put(Referral.EMERGENCY, emergency);
		List<String> urgent = new ArrayList<>();
		MOTOR_LOSS.forEach((sign) -> urgent.add(PREFIX + sign));
		URGENT_WITH_PAIN.forEach((sign) -> urgent.add(PREFIX + sign));
		urgent.add(PREFIX + "FRAGILITY_FALL");
		tiers.put(Referral.URGENT, urgent);
		List<String> soon = new ArrayList<>();
		SOON_WITH_PAIN.forEach((sign) -> soon.add(PREFIX + sign));
		soon.add(PREFIX + "FIRST_EPISODE_AGE_60");
		tiers.put(Referral.SOON, soon);
		List<String> routine = new ArrayList<>(List.of(PREFIX + "PERSISTENT_PAIN", PREFIX + "SEVERE_PAIN"));
		ROUTINE_SYMPTOMS.forEach((symptom) -> routine.add(PREFIX + symptom));
		routine.add(PREFIX + "KNOWN_CONDITION");
		routine.add(PREFIX + "PREGNANT_OR_POSTPARTUM");
		NERVE_SYMPTOMS.forEach((symptom) -> routine.add(PREFIX + symptom));
		tiers.put(Referral.ROUTINE, routine);
		tiers.put(Referral.NONE, List.of());
		return tiers;
	}

}
