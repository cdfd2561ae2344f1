package com.sciaticacheck.share;

import java.util.ArrayList;
import java.util.List;

import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts the physio's views and exports build their keys for, for every tier of every
 * rules version and every question of every Questionnaire version: a missing one would
 * break the page of a stored submission, perhaps an old one nobody opens in a test.
 */
class PhysioTextsTests {

	@Test
	void everyTierOfEveryRulesVersionHasItsPhysioTexts() {
		List<String> keys = new ArrayList<>();
		for (Referral tier : Referral.values()) {
			keys.add("tier." + tier);
			keys.add("submission.referral." + tier);
		}
		for (Referral tier : QuestionnaireVersion.V1.tiers()) {
			keys.add("clinic.tier.rulesVersionOne." + tier);
			keys.add("submission.referral.rulesVersionOne." + tier);
			keys.add("fhir.referral.rulesVersionOne." + tier);
		}
		for (QuestionnaireVersion version : QuestionnaireVersion.values()) {
			keys.add("fhir.questionnaire.version." + version.version());
			version.items().forEach((item) -> keys.add(item.question().summaryLabelKey()));
		}
		assertThat(keys)
			.allSatisfy((key) -> assertThat(ShareFlowContract.MESSAGES.getProperty(key)).as(key).isNotBlank());
	}

	/** Version 1 results keep the labels of the answers given then, retired ones too. */
	@Test
	void everyOptionOfVersionOneKeepsItsLabel() {
		for (QuestionnaireVersion.Item item : QuestionnaireVersion.V1.items()) {
			for (String option : item.options()) {
				String key = item.question().optionKeyPrefix() + "." + option;
				assertThat(ShareFlowContract.MESSAGES.getProperty(key)).as(key).isNotBlank();
			}
		}
	}

	/**
	 * The dashboard's rows name each reason in short and the pain's place in a word:
	 * every reason any rules version gives, and every answer about the pain, has its
	 * text.
	 */
	@Test
	void everyReasonAndPainHasItsDashboardText() {
		List<String> reasons = ShareFlowContract.MESSAGES.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith("referral.reason."))
			.toList();
		assertThat(reasons).as("reasons in the catalogue").hasSizeGreaterThan(20);
		for (String reason : reasons) {
			String key = TriageRow.SHORT_REASON + reason.substring("referral.reason.".length());
			assertThat(ShareFlowContract.MESSAGES.getProperty(key)).as(key).isNotBlank().hasSizeLessThanOrEqualTo(30);
		}
		for (Pain pain : Pain.values()) {
			assertThat(ShareFlowContract.MESSAGES.getProperty("clinic.pain." + pain)).as(pain.name()).isNotBlank();
		}
	}

	@Test
	void aTierOfRulesVersionOneIsReadInItsOwnMeaning() {
		assertThat(ShareFlowContract.MESSAGES.getProperty("clinic.tier.rulesVersionOne.URGENT")).contains("This week");
		assertThat(ShareFlowContract.MESSAGES.getProperty("submission.referral.rulesVersionOne.URGENT"))
			.contains("this week")
			.doesNotContain("Get medical advice today");
	}

}
