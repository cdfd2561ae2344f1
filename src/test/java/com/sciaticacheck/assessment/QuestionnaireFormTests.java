package com.sciaticacheck.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sciaticacheck.rules.Asking;
import com.sciaticacheck.rules.ChangeSinceLastCheck;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.RunnerFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire's binding by the catalogue, without a server: what a post becomes,
 * which names it refuses, and the answers it carries on. The pages' own tests show the
 * same over HTTP.
 */
class QuestionnaireFormTests {

	@Test
	void aCalmRunnerPostedInKilometresGivesTheSameAnswersAsTheFixture() {
		QuestionnaireForm form = QuestionnaireForm.read(parameters(RunnerFixture.calm().form()), Set.of(),
				Asking.ON_PAGE);
		assertThat(form.getErrors().any()).isFalse();
		assertThat(form.answers()).contains(RunnerFixture.calm().answers());
	}

	@Test
	void milesAreConvertedToKilometres() {
		Map<String, List<String>> posted = RunnerFixture.calm().form();
		posted.put("unit", List.of("MILES"));
		posted.put(Question.WEEKLY_DISTANCE_KM.pageName(), List.of("10"));
		posted.put(Question.LONGEST_RUN_KM.pageName(), List.of("5,5"));
		QuestionnaireForm form = QuestionnaireForm.read(parameters(posted), Set.of(), Asking.ON_PAGE);
		assertThat(form.answers().orElseThrow().get(Question.WEEKLY_DISTANCE_KM)).isCloseTo(16.093,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(form.answers().orElseThrow().get(Question.LONGEST_RUN_KM)).isCloseTo(8.851,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(form.value(Question.LONGEST_RUN_KM.pageName())).as("shown again as typed").isEqualTo("5,5");
	}

	@Test
	void indexedNestedAndUnknownNamesAreRefusedNeverBound() {
		Map<String, List<String>> posted = RunnerFixture.calm().form();
		posted.put(Question.SYMPTOMS.pageName() + "[0]", List.of("GETTING_WORSE"));
		posted.put(Question.AGE_YEARS.pageName() + ".value", List.of("12"));
		posted.put("somethingElse", List.of("x"));
		QuestionnaireForm form = QuestionnaireForm.read(parameters(posted), Set.of(), Asking.ON_PAGE);
		assertThat(form.answers()).isEmpty();
		assertThat(form.getErrors().byField()).extracting(FormErrors.FieldMessage::field)
			.containsExactly(Question.AGE_YEARS.pageName(), Question.SYMPTOMS.pageName());
		assertThat(form.getErrors().general()).extracting(FormErrors.Message::key).containsExactly("form.unknownField");
	}

	@Test
	void namesOfAFormPostedAlongsideAreLeftToThatForm() {
		Map<String, List<String>> posted = RunnerFixture.calm().form();
		posted.put("share", List.of("true"));
		posted.put("share[0]", List.of("true"));
		assertThat(QuestionnaireForm.read(parameters(posted), Set.of("share"), Asking.ON_PAGE).getErrors().any())
			.isFalse();
	}

	@Test
	void oneAnswerGivenTwiceIsAnErrorNotTheFirstOfThem() {
		Map<String, List<String>> posted = RunnerFixture.calm().form();
		posted.put(Question.PAIN.pageName(), List.of("NONE", "BOTH_LEGS"));
		QuestionnaireForm form = QuestionnaireForm.read(parameters(posted), Set.of(), Asking.ON_PAGE);
		assertThat(form.getErrors().has(Question.PAIN.pageName())).isTrue();
	}

	@Test
	void hiddenFieldsCarryEveryAnswerEscaped() {
		Map<String, List<String>> posted = RunnerFixture.calm().form();
		posted.put(Question.AGE_YEARS.pageName(), List.of("\"><script>alert(1)</script>"));
		QuestionnaireForm form = QuestionnaireForm.read(parameters(posted), Set.of(), Asking.ON_PAGE);
		Document hidden = Jsoup.parseBodyFragment(form.getHiddenFieldsHtml());
		assertThat(hidden.select("script")).isEmpty();
		assertThat(hidden.select("input[name=" + Question.AGE_YEARS.pageName() + "]").val())
			.isEqualTo("\"><script>alert(1)</script>");
		Map<String, List<String>> carried = new LinkedHashMap<>();
		hidden.select("input[type=hidden]")
			.forEach((input) -> carried.computeIfAbsent(input.attr("name"), (name) -> new java.util.ArrayList<>())
				.add(input.val()));
		assertThat(carried).containsAllEntriesOf(RunnerFixture.calm()
			.form()
			.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().equals(Question.AGE_YEARS.pageName()))
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	@Test
	void anAgeUnder16IsAChildNotAnErrorToCorrect() {
		Map<String, List<String>> posted = RunnerFixture.calm().form();
		posted.put(Question.AGE_YEARS.pageName(), List.of("15"));
		QuestionnaireForm form = QuestionnaireForm.read(parameters(posted), Set.of(), Asking.ON_PAGE);
		assertThat(form.isUnderAge()).isTrue();
		assertThat(form.getErrors().has(Question.AGE_YEARS.pageName())).as("no range error inviting 16").isFalse();
		assertThat(form.answers()).as("nothing is assessed").isEmpty();
		posted.put(Question.AGE_YEARS.pageName(), List.of("16"));
		assertThat(QuestionnaireForm.read(parameters(posted), Set.of(), Asking.ON_PAGE).isUnderAge()).isFalse();
		posted.put(Question.AGE_YEARS.pageName(), List.of("-3"));
		QuestionnaireForm typo = QuestionnaireForm.read(parameters(posted), Set.of(), Asking.ON_PAGE);
		assertThat(typo.isUnderAge()).isFalse();
		assertThat(typo.getErrors().has(Question.AGE_YEARS.pageName())).isTrue();
	}

	@Test
	void withoutEverySafetyAnswerNothingIsAssessed() {
		Map<String, List<String>> posted = RunnerFixture.calm().form();
		posted.remove(Question.SERIOUS_ACCIDENT.pageName());
		QuestionnaireForm form = QuestionnaireForm.read(parameters(posted), Set.of(), Asking.ON_PAGE);
		assertThat(form.safetyCheckDone()).isFalse();
		assertThat(form.answers()).isEmpty();
	}

	@Test
	void theSafetyAnswersTravelOnWithTheQuestionnaire() {
		QuestionnaireForm form = QuestionnaireForm.read(parameters(RunnerFixture.calm().form()), Set.of(),
				Asking.ON_PAGE);
		Document carried = Jsoup.parseBodyFragment(form.getCarriedFieldsHtml());
		assertThat(carried.select("input[type=hidden]")).extracting((input) -> input.attr("name"))
			.containsExactlyElementsOf(Question.SAFETY_CHECK.stream().map(Question::pageName).toList());
		assertThat(carried.select("input[type=hidden]")).extracting((input) -> input.val()).containsOnly("false");
	}

	@Test
	void withPainThePageNeedsTheLegAndBackPainOnAverage() {
		RunnerFixture inPain = RunnerFixture.calm().inPain(Pain.ONE_LEG, 3, 5);
		QuestionnaireForm complete = QuestionnaireForm.read(parameters(inPain.form()), Set.of(), Asking.ON_PAGE);
		assertThat(complete.answers().orElseThrow().get(Question.LEG_PAIN_AVERAGE)).isEqualTo(4);
		assertThat(complete.answers().orElseThrow().get(Question.BACK_PAIN_AVERAGE)).isEqualTo(3);
		QuestionnaireForm without = QuestionnaireForm.read(
				parameters(inPain.without(Question.LEG_PAIN_AVERAGE).without(Question.BACK_PAIN_AVERAGE).form()),
				Set.of(), Asking.ON_PAGE);
		assertThat(without.answers()).isEmpty();
		assertThat(without.getErrors().byField()).extracting(FormErrors.FieldMessage::field)
			.containsExactly(Question.LEG_PAIN_AVERAGE.pageName(), Question.BACK_PAIN_AVERAGE.pageName());
		Map<String, List<String>> outOfRange = inPain.form();
		outOfRange.put(Question.BACK_PAIN_AVERAGE.pageName(), List.of("11"));
		assertThat(QuestionnaireForm.read(parameters(outOfRange), Set.of(), Asking.ON_PAGE).getErrors().byField())
			.extracting(FormErrors.FieldMessage::field)
			.containsExactly(Question.BACK_PAIN_AVERAGE.pageName());
	}

	@Test
	void withoutPainTheAveragesAreNeitherNeededNorKept() {
		QuestionnaireForm calm = QuestionnaireForm.read(parameters(RunnerFixture.calm().form()), Set.of(),
				Asking.ON_PAGE);
		assertThat(calm.answers()).isPresent();
		Map<String, List<String>> typedAnyway = RunnerFixture.calm().form();
		typedAnyway.put(Question.LEG_PAIN_AVERAGE.pageName(), List.of("2"));
		QuestionnaireForm form = QuestionnaireForm.read(parameters(typedAnyway), Set.of(), Asking.ON_PAGE);
		assertThat(form.answers().orElseThrow().asMap()).doesNotContainKey(Question.LEG_PAIN_AVERAGE);
	}

	@Test
	void onlyAFollowUpTakesAndNeedsTheChangeSinceTheLastCheck() {
		RunnerFixture calm = RunnerFixture.calm();
		QuestionnaireForm first = QuestionnaireForm.read(
				parameters(calm.with(Question.CHANGE_SINCE_LAST_CHECK, ChangeSinceLastCheck.BETTER).form()), Set.of(),
				Asking.ON_PAGE);
		assertThat(first.answers()).as("refused like any name the form does not have").isEmpty();
		assertThat(first.getErrors().general()).extracting(FormErrors.Message::key)
			.containsExactly("form.unknownField");

		QuestionnaireForm followUp = QuestionnaireForm.read(
				parameters(calm.with(Question.CHANGE_SINCE_LAST_CHECK, ChangeSinceLastCheck.BETTER).form()), Set.of(),
				Asking.ON_PAGE_AT_FOLLOW_UP);
		assertThat(followUp.answers().orElseThrow().get(Question.CHANGE_SINCE_LAST_CHECK))
			.isEqualTo(ChangeSinceLastCheck.BETTER);
		assertThat(followUp.getHiddenFieldsHtml()).contains("name=\"" + Question.CHANGE_SINCE_LAST_CHECK.pageName());

		QuestionnaireForm unanswered = QuestionnaireForm.read(parameters(calm.form()), Set.of(),
				Asking.ON_PAGE_AT_FOLLOW_UP);
		assertThat(unanswered.answers()).isEmpty();
		assertThat(unanswered.getErrors().byField()).extracting(FormErrors.FieldMessage::field)
			.containsExactly(Question.CHANGE_SINCE_LAST_CHECK.pageName());
		assertThat(unanswered.getErrors().byField()).extracting((problem) -> problem.message().key())
			.containsExactly("question.changeSinceLastCheck.required");
	}

	private static Map<String, String[]> parameters(Map<String, List<String>> form) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		form.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
		return parameters;
	}

}
