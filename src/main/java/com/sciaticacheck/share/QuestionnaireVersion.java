package com.sciaticacheck.share;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;

/**
 * The questions as each rules version asked them: the items of each version of the FHIR
 * Questionnaire, and the questions a physio sees for a submission. A stored submission
 * answered one of them, and is shown and exported against that one, never against
 * questions its client was not asked.
 */
enum QuestionnaireVersion {

	/**
	 * Rules version 1 (stored forms 1 and 2): no safety-check items (its emergency signs
	 * were warning signs), no intensity or pregnancy question, and its "urgent" meant
	 * this week. Frozen here, options included, because the catalogue has moved on.
	 */
	V1("1", "1", List.of(item(Question.AGE_YEARS), item(Question.HEIGHT_CM), item(Question.WEIGHT_KG),
			item(Question.SMOKER), item(Question.WEEKLY_DISTANCE_KM), item(Question.BASELINE_WEEKLY_DISTANCE_KM),
			item(Question.LONGEST_RUN_KM), item(Question.BASELINE_LONGEST_RUN_KM),
			item(Question.UNEVEN_SURFACES, "NONE", "SOME", "MOST"),
			item(Question.FOOTWEAR, "GOOD", "WORN", "NOT_RUNNING_SHOES"), item(Question.STRENGTH_SESSIONS_PER_WEEK),
			item(Question.SIDE_TO_SIDE_DIFFERENCE, "NONE", "SLIGHT", "CLEAR"),
			item(Question.FORM_CONCERNS, "NONE", "UNSURE", "YES"),
			item(Question.CONDITIONS, "HERNIATED_DISC", "SPINAL_STENOSIS", "DEGENERATIVE_DISC_DISEASE",
					"PREVIOUS_SCIATICA", "PREVIOUS_BACK_PAIN", "BACK_SURGERY"),
			item(Question.PAIN, "NONE", "BACK_ONLY", "ONE_LEG", "BOTH_LEGS"), item(Question.PAIN_WEEKS),
			item(Question.PAIN_SEVERITY),
			item(Question.SYMPTOMS, "WORSE_WHEN_RUNNING", "GETTING_WORSE", "STOPS_NORMAL_ACTIVITIES",
					"NUMBNESS_OR_TINGLING", "LEG_WEAKNESS"),
			item(Question.WARNING_SIGNS, "SADDLE_NUMBNESS", "BLADDER_CHANGE", "BOWEL_CHANGE", "SEXUAL_DYSFUNCTION",
					"SEVERE_OR_WORSENING_LEG_WEAKNESS", "FEVER_OR_UNWELL", "CANCER_HISTORY", "UNEXPLAINED_WEIGHT_LOSS",
					"NIGHT_OR_CONSTANT_PAIN", "RECENT_TRAUMA", "STEROIDS_OR_IMMUNOSUPPRESSION", "OSTEOPOROSIS",
					"FOOT_DROP")),
			List.of(Referral.NONE, Referral.ROUTINE, Referral.URGENT, Referral.EMERGENCY)),

	/**
	 * Rules version 2 as first asked (stored form 3): the six safety questions first, the
	 * intensity and pregnancy questions, and the warning signs of today. Frozen here,
	 * options included, since version 3 added questions.
	 */
	V2("2", "2", List.of(item(Question.SADDLE_NUMBNESS), item(Question.BLADDER_CHANGE), item(Question.BOWEL_CHANGE),
			item(Question.SEXUAL_DYSFUNCTION), item(Question.BOTH_LEGS_WEAK_OR_NUMB), item(Question.SERIOUS_ACCIDENT),
			item(Question.AGE_YEARS), item(Question.HEIGHT_CM), item(Question.WEIGHT_KG), item(Question.SMOKER),
			item(Question.PREGNANT_OR_POSTPARTUM), item(Question.WEEKLY_DISTANCE_KM),
			item(Question.BASELINE_WEEKLY_DISTANCE_KM), item(Question.LONGEST_RUN_KM),
			item(Question.BASELINE_LONGEST_RUN_KM), item(Question.INTENSITY_CHANGE, "NONE", "SOME_MORE", "MUCH_MORE"),
			item(Question.UNEVEN_SURFACES, "NONE", "SOME", "MOST"),
			item(Question.FOOTWEAR, "GOOD", "WORN", "NOT_RUNNING_SHOES"), item(Question.STRENGTH_SESSIONS_PER_WEEK),
			item(Question.SIDE_TO_SIDE_DIFFERENCE, "NONE", "SLIGHT", "CLEAR"),
			item(Question.FORM_CONCERNS, "NONE", "UNSURE", "YES"),
			item(Question.CONDITIONS, "HERNIATED_DISC", "SPINAL_STENOSIS", "DEGENERATIVE_DISC_DISEASE",
					"PREVIOUS_SCIATICA", "PREVIOUS_BACK_PAIN", "BACK_SURGERY"),
			item(Question.PAIN, "NONE", "BACK_ONLY", "ONE_LEG", "BOTH_LEGS"), item(Question.PAIN_WEEKS),
			item(Question.PAIN_SEVERITY),
			item(Question.SYMPTOMS, "WORSE_WHEN_RUNNING", "GETTING_WORSE", "STOPS_NORMAL_ACTIVITIES",
					"NUMBNESS_OR_TINGLING", "LEG_WEAKNESS"),
			item(Question.WARNING_SIGNS, "ONE_LEG_WEAKNESS_WORSENING", "FOOT_DROP", "FEVER_OR_UNWELL", "CANCER_HISTORY",
					"UNEXPLAINED_WEIGHT_LOSS", "NIGHT_OR_CONSTANT_PAIN", "MINOR_FALL", "STEROIDS_OR_IMMUNOSUPPRESSION",
					"OSTEOPOROSIS")),
			List.of(Referral.values())),

	/**
	 * Rules version 2 (stored form 4): the catalogue as it is, with leg and back pain on
	 * average over the last 7 days, and at a follow-up how the client is compared with
	 * their last check. The rules and tiers are version 2's: none of these is scored or
	 * decides a tier. When the questions change again, freeze this list as version 2 is
	 * frozen and add a version.
	 */
	V3("3", "2", Question.ALL.stream().map(QuestionnaireVersion::item).toList(), List.of(Referral.values()));

	/** A question as a version asked it: the options it offered then. */
	record Item(Question<?> question, List<String> options) {

		Item {
			options = List.copyOf(options);
		}

	}

	private final String version;

	private final String rules;

	private final List<Item> items;

	private final List<Referral> tiers;

	QuestionnaireVersion(String version, String rules, List<Item> items, List<Referral> tiers) {
		this.version = version;
		this.rules = rules;
		this.items = items;
		this.tiers = tiers;
	}

	private static Item item(Question<?> question, String... options) {
		return new Item(question, (options.length > 0) ? List.of(options) : question.options());
	}

	/** The Questionnaire's {@code version}, also its {@code meta.versionId}. */
	String version() {
		return this.version;
	}

	/**
	 * The version of the rules that scored its answers, which gave its tiers their
	 * meaning: several versions of the questions may be scored by the same rules.
	 */
	String rules() {
		return this.rules;
	}

	List<Item> items() {
		return this.items;
	}

	/** The tiers a result scored then could have, in their order. */
	List<Referral> tiers() {
		return this.tiers;
	}

	/** The version new checks answer. */
	static final QuestionnaireVersion CURRENT = V3;

	/**
	 * The questions a stored submission answered, by the stored form it was written in.
	 */
	static QuestionnaireVersion of(Submission submission) {
		if (submission.scoredByRulesVersionOne()) {
			return V1;
		}
		return (submission.storedFormVersion() == 3) ? V2 : V3;
	}

	/**
	 * Every question in the order of the CSV's answer columns: version 2's, then each
	 * question a later version added, so that no column a consumer reads by its position
	 * ever moves. (Version 1's questions are all in version 2.)
	 */
	static List<Question<?>> inColumnOrder() {
		List<Question<?>> columns = new ArrayList<>();
		for (QuestionnaireVersion version : values()) {
			if (version == V1) {
				continue;
			}
			version.items()
				.stream()
				.map(Item::question)
				.filter((question) -> !columns.contains(question))
				.forEach(columns::add);
		}
		return List.copyOf(columns);
	}

	/** The version with this {@code version} string, if there is one. */
	static Optional<QuestionnaireVersion> named(String version) {
		return Arrays.stream(values()).filter((each) -> each.version.equals(version)).findFirst();
	}

}
