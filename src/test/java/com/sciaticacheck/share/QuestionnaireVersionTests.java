package com.sciaticacheck.share;

import java.time.Instant;
import java.util.List;

import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions of the questions, without a server: which version a stored submission
 * answered, that version 2 is frozen as it was asked, and the CSV's column order.
 */
class QuestionnaireVersionTests {

	/** The questions questionnaire version 3 added. */
	private static final List<Question<?>> ADDED_BY_THREE = List.of(Question.CHANGE_SINCE_LAST_CHECK,
			Question.LEG_PAIN_AVERAGE, Question.BACK_PAIN_AVERAGE);

	@Test
	void aSubmissionAnsweredTheVersionOfItsStoredForm() {
		assertThat(QuestionnaireVersion.of(stored(1))).isEqualTo(QuestionnaireVersion.V1);
		assertThat(QuestionnaireVersion.of(stored(2))).isEqualTo(QuestionnaireVersion.V1);
		assertThat(QuestionnaireVersion.of(stored(3))).isEqualTo(QuestionnaireVersion.V2);
		assertThat(QuestionnaireVersion.of(stored(StoredForm.CURRENT_VERSION))).isEqualTo(QuestionnaireVersion.V3)
			.isEqualTo(QuestionnaireVersion.CURRENT);
	}

	@Test
	void versionThreeIsScoredByTheRulesOfVersionTwo() {
		assertThat(List.of(QuestionnaireVersion.V1.rules(), QuestionnaireVersion.V2.rules(),
				QuestionnaireVersion.V3.rules()))
			.containsExactly("1", "2", "2");
		assertThat(QuestionnaireVersion.V3.tiers()).isEqualTo(QuestionnaireVersion.V2.tiers());
	}

	/**
	 * Version 2 is frozen as asked: the catalogue without what version 3 added, each with
	 * the options it offers now (none of them has changed since).
	 */
	@Test
	void versionTwoIsTheCatalogueWithoutWhatVersionThreeAdded() {
		List<QuestionnaireVersion.Item> two = QuestionnaireVersion.V2.items();
		assertThat(two).extracting(QuestionnaireVersion.Item::question)
			.containsExactlyElementsOf(
					Question.ALL.stream().filter((question) -> !ADDED_BY_THREE.contains(question)).toList());
		assertThat(two).allSatisfy(
				(item) -> assertThat(item.options()).as(item.question().name()).isEqualTo(item.question().options()));
		assertThat(QuestionnaireVersion.V3.items()).extracting(QuestionnaireVersion.Item::question)
			.containsExactlyElementsOf(Question.ALL);
	}

	@Test
	void theCsvColumnsOfLaterQuestionsComeLast() {
		List<Question<?>> columns = QuestionnaireVersion.inColumnOrder();
		assertThat(columns).containsExactlyInAnyOrderElementsOf(Question.ALL).doesNotHaveDuplicates();
		assertThat(columns.subList(0, columns.size() - ADDED_BY_THREE.size())).extracting(Question::name)
			.containsExactlyElementsOf(
					QuestionnaireVersion.V2.items().stream().map((item) -> item.question().name()).toList());
		assertThat(columns.subList(columns.size() - ADDED_BY_THREE.size(), columns.size()))
			.containsExactlyElementsOf(ADDED_BY_THREE);
	}

	private static Submission stored(int storedFormVersion) {
		return new Submission(1L, "p", 1L, "h", null, Instant.EPOCH, (storedFormVersion < 3) ? "2026-11-26.1" : "2",
				Referral.NONE, true, null, 0, storedFormVersion, "{}", "{}", null);
	}

}
