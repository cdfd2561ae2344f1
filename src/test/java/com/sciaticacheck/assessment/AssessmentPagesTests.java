package com.sciaticacheck.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RuleTable;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.Browserless;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner's pages over real HTTP, read as a user reads them: what each page says, the
 * emergency gate, the errors next to their fields, and answers kept after an error.
 */
@RunningAppTest
class AssessmentPagesTests {

	private static final Map<String, String> ALL_NO = RunnerFixture.safetyNo();

	@LocalServerPort
	private int port;

	private Browserless user;

	@BeforeEach
	void newUser() {
		this.user = new Browserless(this.port);
	}

	@Autowired
	private RuleTable table;

	@Autowired
	private RulesService rules;

	@Test
	void landingPageSaysWhatTheCheckIsAndIsNot() throws Exception {
		Document page = get("/").document();
		assertThat(page.selectFirst("h1").text()).isEqualTo("Check your sciatica risk factors as a runner");
		assertThat(page.text()).contains("about 3 minutes", "Not a diagnosis", "Nothing you enter is stored",
				"it does not cause sciatica by itself");
		assertThat(page.selectFirst("a.button").attr("href")).isEqualTo("/assessment");
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
	}

	@Test
	void safetyStepAsksEveryEmergencyQuestionWithYesAndNo() throws Exception {
		Document page = get("/assessment").document();
		assertThat(page.select("fieldset legend")).hasSize(Question.SAFETY_CHECK.size()).hasSize(6);
		for (String field : PageFields.SAFETY) {
			assertThat(page.select("input[type=radio][name=" + field + "]")).extracting((input) -> input.attr("value"))
				.containsExactly("true", "false");
			assertThat(page.select("input[name=" + field + "][checked]")).as("nothing is pre-selected").isEmpty();
		}
	}

	/**
	 * Each safety question asks one sign, and its hint rules out the misreadings the
	 * clinical reviews found (clinical basis sections 1 and 4).
	 */
	@Test
	void eachSafetyQuestionHasTheHintThatRulesOutItsMisreading() throws Exception {
		Document page = get("/assessment").document();
		Map<Question<Boolean>, List<String>> expected = new LinkedHashMap<>();
		expected.put(Question.SADDLE_NUMBNESS,
				List.of("genitals, back passage (anus) or inner thighs", "bike saddle", "only just after a bike ride"));
		expected.put(Question.BLADDER_CHANGE,
				List.of("not normal for you", "hard to start peeing", "cannot pee at all", "leak without knowing",
						"cannot feel yourself peeing",
						"Leaking a little when you run, that you have had for a long time, is not new"));
		expected.put(Question.BOWEL_CHANGE,
				List.of("lost control of your bowels", "need to poo", "not normal for you"));
		expected.put(Question.SEXUAL_DYSFUNCTION, List.of("Since your back pain began", "genitals", "erection",
				"ejaculate", "for everyone", "penis or vagina", "Pain during sex is not what we are asking about"));
		expected.put(Question.BOTH_LEGS_WEAK_OR_NUMB,
				List.of("both legs", "severe or getting worse", "legs give way", "one leg is asked later"));
		expected.put(Question.SERIOUS_ACCIDENT,
				List.of("serious accident", "road accident", "fall from a height", "small fall or knock"));
		assertThat(expected.keySet()).containsExactlyElementsOf(Question.SAFETY_CHECK);
		expected.forEach((question, words) -> {
			Element fieldset = page.getElementById(question.pageName()).closest("fieldset");
			assertThat(fieldset.attr("aria-describedby")).isEqualTo(question.pageName() + "-hint");
			assertThat(fieldset.selectFirst("legend").text() + " "
					+ page.getElementById(question.pageName() + "-hint").text())
				.as(question.name())
				.contains(words);
		});
	}

	@Test
	void unansweredSafetyQuestionsAreErrorsLinkedToTheirFields() throws Exception {
		Map<String, String> partly = new LinkedHashMap<>(ALL_NO);
		partly.remove("bladderChange");
		partly.remove("seriousAccident");
		Document page = post("/assessment/safety", partly).document();
		assertThat(page.title()).startsWith("Error:");
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#bladderChange", "#seriousAccident");
		assertThat(page.getElementById("bladderChange-error").text()).contains("Select yes or no");
		assertThat(page.getElementById("saddleNumbness-false").hasAttr("checked")).as("answers kept").isTrue();
		assertEveryErrorLinkTargetsAnInput(page);
	}

	@Test
	void aSafetyAnswerThatIsNeitherYesNorNoIsAnError() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(ALL_NO);
		answers.put("saddleNumbness", "maybe");
		answers.remove("bowelChange");
		Document page = post("/assessment/safety", answers).document();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#saddleNumbness", "#bowelChange");
		assertThat(page.getElementById("bothLegsWeakOrNumb-false").hasAttr("checked")).isTrue();
	}

	@Test
	void answersOutsideTheOptionsAreErrors() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.PAIN, "AGONY");
		answers.put("unit", "PARSECS");
		answers.put(PageFields.CONDITIONS, "BROKEN_LEG");
		Document page = post("/assessment/result", answers).document();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#" + PageFields.PAIN, "#unit",
				"#" + PageFields.CONDITIONS);
		assertThat(page.getElementById(PageFields.PAIN + "-error").text()).contains("Select one of the answers shown");
	}

	@Test
	void anyYesInTheSafetyStepGoesStraightToTheEmergencyPage() throws Exception {
		for (String field : ALL_NO.keySet()) {
			Map<String, String> answers = new LinkedHashMap<>(ALL_NO);
			answers.put(field, "true");
			Document page = post("/assessment/safety", answers).document();
			assertThat(page.selectFirst("h1").text()).as(field).isEqualTo("Get medical help now");
			assertThat(page.selectFirst(".card-emergency").text()).contains("Go to A&E or call 999 now", "112", "911",
					"Do not wait");
			assertThat(page.text()).as("no time window that invites waiting, and no score")
				.doesNotContain("48 hours", "ideally", "within", "out of 100", "Level:")
				.doesNotContainIgnoringCase("risk factors for future");
			assertThat(page.select("#score-heading, meter")).isEmpty();
			assertThat(page.select("form")).as("nothing competes with the message").isEmpty();
			assertThat(page.select("main li")).hasSize(1);
		}
	}

	@Test
	void allNoLeadsToTheQuestionnaireWithAHintForEveryQuestion() throws Exception {
		Document page = post("/assessment/safety", ALL_NO).document();
		assertThat(page.selectFirst("h1").text()).isEqualTo("About you and your running");
		assertThat(page.select("h2")).extracting(Element::text)
			.containsExactly("About you", "Your running", "Where you run and what you wear", "Strength and balance",
					"Your back history", "Pain and symptoms now");
		for (Element field : page.select(".field")) {
			assertThat(field.select(".hint").text()).as(field.text()).isNotBlank();
		}
		for (Element input : page.select("input[type=text]")) {
			assertThat(page.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
			assertThat(input.attr("aria-describedby")).isEqualTo(input.id() + "-hint");
		}
		assertThat(page.getElementById("unit").hasAttr("checked")).as("kilometres by default").isTrue();
	}

	@Test
	void missingAnswersAreListedAndLinkedAndTheRestIsKept() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.remove(PageFields.FOOTWEAR);
		answers.remove(PageFields.AGE);
		answers.put(PageFields.WEEKLY, "");
		answers.put(PageFields.CONDITIONS, "PREVIOUS_SCIATICA");
		answers.put(PageFields.HEIGHT, "181");
		answers.put(PageFields.WEIGHT, "77.5");
		Browserless.Page response = postRaw("/assessment/result", answers);
		assertThat(response.status()).isEqualTo(200);
		Document page = response.document();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#" + PageFields.AGE, "#" + PageFields.WEEKLY,
				"#" + PageFields.FOOTWEAR);
		assertThat(page.getElementById(PageFields.AGE + "-error").text()).contains("Enter your age");
		assertThat(page.getElementById(PageFields.FOOTWEAR + "-error").text())
			.contains("Select what you usually run in");
		assertThat(page.getElementById(PageFields.AGE).attr("aria-describedby"))
			.isEqualTo(PageFields.AGE + "-hint " + PageFields.AGE + "-error");
		assertThat(page.getElementById(PageFields.HEIGHT).val()).isEqualTo("181");
		assertThat(page.getElementById(PageFields.WEIGHT).val()).isEqualTo("77.5");
		assertThat(page.getElementById(PageFields.CONDITIONS + "-PREVIOUS_SCIATICA").hasAttr("checked")).isTrue();
		assertThat(page.getElementById(PageFields.SURFACES + "-SOME").hasAttr("checked")).isTrue();
		assertThat(page.getElementById(PageFields.SIDE).hasAttr("checked")).isTrue();
		assertEveryErrorLinkTargetsAnInput(page);
	}

	@Test
	void errorSummaryListsProblemsInPageOrder() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.remove(PageFields.FORM);
		answers.remove(PageFields.AGE);
		answers.put(PageFields.LONGEST, "40");
		answers.remove(PageFields.FOOTWEAR);
		Document page = post("/assessment/result", answers).document();
		assertThat(summaryLinks(page)).containsExactly("#" + PageFields.AGE, "#" + PageFields.LONGEST,
				"#" + PageFields.FOOTWEAR, "#" + PageFields.FORM);
	}

	@Test
	void theResultLeadsBackToTheQuestionnaireWithEveryAnswerKept() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put("unit", "MILES");
		answers.put(PageFields.CONDITIONS, "HERNIATED_DISC BACK_SURGERY");
		answers.put(PageFields.WEIGHT, "70.5");
		answers.put(PageFields.HEIGHT, "175");
		Document result = post("/assessment/result", answers).document();
		Map<String, String> hidden = new LinkedHashMap<>();
		Element form = result.selectFirst("form[action=/assessment/edit]");
		for (Element input : form.select("input[type=hidden]")) {
			hidden.merge(input.attr("name"), input.val(), (a, b) -> a + " " + b);
		}
		Document questionnaire = post("/assessment/edit", hidden).document();
		assertThat(questionnaire.selectFirst("h1").text()).isEqualTo("About you and your running");
		assertThat(questionnaire.select(".error-summary")).isEmpty();
		assertThat(questionnaire.getElementById("unit-MILES").hasAttr("checked")).isTrue();
		assertThat(questionnaire.getElementById(PageFields.WEIGHT).val()).isEqualTo("70.5");
		assertThat(questionnaire.getElementById(PageFields.CONDITIONS).hasAttr("checked")).isTrue();
		assertThat(questionnaire.getElementById(PageFields.CONDITIONS + "-BACK_SURGERY").hasAttr("checked")).isTrue();
		assertThat(questionnaire.getElementById(PageFields.CONDITIONS + "-SPINAL_STENOSIS").hasAttr("checked"))
			.isFalse();
	}

	/**
	 * The questionnaire binds only the catalogue's names: an indexed, nested or map-style
	 * name is an error next to the question it imitates, any other name an error of the
	 * form; the page comes back with the answers kept, never a 500.
	 */
	@Test
	void namesTheFormDoesNotHaveAreRefusedNextToTheirField() throws Exception {
		Map<String, String> answers = calmRunner();
		answers.put(PageFields.SYMPTOMS + "[0]", "GETTING_WORSE");
		answers.put(PageFields.AGE + "[0]", "40");
		answers.put(PageFields.CONDITIONS + "[a]", "HERNIATED_DISC");
		answers.put(PageFields.WEIGHT + ".value", "80");
		answers.put("class.module.classLoader", "x");
		for (String step : List.of("/assessment/result", "/assessment/edit")) {
			Browserless.Page response = postRaw(step, answers);
			// the form again with its errors, answered 400: no page of ours sends these
			// names
			assertThat(response.status()).as(step).isEqualTo(400);
			Document page = response.document();
			assertThat(summaryLinks(page)).as(step)
				.containsExactly("#" + PageFields.AGE, "#" + PageFields.WEIGHT, "#" + PageFields.CONDITIONS,
						"#" + PageFields.SYMPTOMS);
			assertThat(page.getElementById(PageFields.AGE + "-error").text()).contains("choices or box shown");
			assertThat(page.selectFirst(".error-summary li").text()).contains("does not ask for");
			assertThat(page.getElementById(PageFields.AGE).val()).isEqualTo("35");
		}
		Map<String, String> safety = new LinkedHashMap<>(ALL_NO);
		safety.put("bladderChange[0]", "false");
		Browserless.Page safetyResponse = postRaw("/assessment/safety", safety);
		assertThat(safetyResponse.status()).isEqualTo(400);
		assertThat(summaryLinks(safetyResponse.document())).containsExactly("#bladderChange");
	}

	/** Numbers come back as they were typed, never reformatted ("15", not "15.0"). */
	@Test
	void typedNumbersComeBackAsTyped() throws Exception {
		Map<String, String> answers = calmRunner();
		answers.put(PageFields.LONGEST, "15");
		answers.put(PageFields.WEIGHT, "70");
		answers.put(PageFields.HEIGHT, "175");
		Document result = post("/assessment/result", answers).document();
		assertThat(result.select("form[action=/assessment/edit] input[name=" + PageFields.LONGEST + "]").val())
			.isEqualTo("15");
		assertThat(result.select("form[action=/assessment/edit] input[name=" + PageFields.WEIGHT + "]").val())
			.isEqualTo("70");
	}

	@Test
	void pagesAreInEnglishWhateverTheBrowserAsks() throws Exception {
		java.net.http.HttpResponse<String> french = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/"))
				.header("Accept-Language", "fr-FR,fr;q=0.9")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(org.jsoup.Jsoup.parse(french.body()).selectFirst("html").attr("lang")).isEqualTo("en");
	}

	@Test
	void textThatIsNotANumberIsAnErrorNextToItsFieldAndIsKeptWithTheOtherErrors() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.AGE, "forty");
		answers.put(PageFields.WEEKLY, "12,5 km");
		answers.remove(PageFields.FOOTWEAR);
		Document page = post("/assessment/result", answers).document();
		assertThat(page.getElementById(PageFields.AGE + "-error").text())
			.isEqualTo("Error: Enter a whole number, like 12");
		assertThat(page.getElementById(PageFields.WEEKLY + "-error").text())
			.isEqualTo("Error: Enter a number, like 12.5");
		assertThat(summaryLinks(page)).as("the other problems show at the same time")
			.containsExactlyInAnyOrder("#" + PageFields.AGE, "#" + PageFields.WEEKLY, "#" + PageFields.FOOTWEAR);
		assertThat(page.getElementById(PageFields.AGE).val()).isEqualTo("forty");
		assertThat(page.getElementById(PageFields.SMOKER + "-false").hasAttr("checked")).isTrue();
	}

	@Test
	void acceptsADecimalComma() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.LONGEST, " 13,8 ");
		assertThat(post("/assessment/result", answers).document().text()).contains("10 out of 100");
	}

	@Test
	void contradictionsShowAtTheFieldTheyConcern() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.LONGEST, "40");
		answers.put(PageFields.PAIN, "ONE_LEG");
		Document page = post("/assessment/result", answers).document();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#" + PageFields.LONGEST, "#" + PageFields.PAIN_WEEKS,
				"#" + PageFields.PAIN_SEVERITY, "#" + PageFields.LEG_PAIN_AVERAGE, "#" + PageFields.BACK_PAIN_AVERAGE);
		assertThat(page.getElementById(PageFields.LONGEST + "-error").text())
			.contains("cannot be longer than all your running in the last 7 days");
	}

	@Test
	void distanceLimitsFollowTheChosenUnit() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put("unit", "MILES");
		answers.put(PageFields.WEEKLY, "300");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.getElementById(PageFields.WEEKLY + "-error").text()).contains("0 to 248 miles");
		answers.put("unit", "KM");
		assertThat(post("/assessment/result", answers).document().getElementById(PageFields.WEEKLY + "-error"))
			.isNull();
	}

	@Test
	void resultShowsTierSymptomsScoreFindingsAdviceAndSafetyNetInThatOrder() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.LONGEST, "15");
		answers.put(PageFields.WEEKLY, "33");
		answers.put(PageFields.STRENGTH, "0");
		answers.put(PageFields.PAIN, "ONE_LEG");
		answers.put(PageFields.PAIN_WEEKS, "6");
		answers.put(PageFields.PAIN_SEVERITY, "4");
		answers.put(PageFields.LEG_PAIN_AVERAGE, "3");
		answers.put(PageFields.BACK_PAIN_AVERAGE, "2");
		answers.put(PageFields.SYMPTOMS, "WORSE_WHEN_RUNNING");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.select("main h2")).extracting(Element::text)
			.containsExactly("Should you see a professional?", "Your symptoms now",
					"Your risk factors for future back pain or sciatica", "What adds to your score", "Advice for you",
					"Advice for every runner", "Go to A&E or call 999 at once if any of these start");
		String text = page.selectFirst("main").text();
		assertThat(text).containsSubsequence("Book an appointment with a professional", "Pain for 4 weeks or more",
				"Your symptoms now",
				"You have pain spreading down one leg. You have had it for 6 weeks. At its worst it is 4 out of 10.",
				"On average over the last 7 days, the pain in your leg was 3 out of 10.",
				"On average over the last 7 days, the pain in your back was 2 out of 10.",
				"My pain gets worse when I run", "While you have pain", "Keep moving",
				"A low score does not make your symptoms now minor", "16 out of 100", "Level: Moderate",
				"not validated", "What adds to your score", "Training load: 10 points", "more than 10% longer",
				"Evidence: Moderate", "Indirect", "Strength and balance: 6 points", "strength exercises",
				"Evidence: Limited", "Advice for you", "Keep your next long run under about", "Advice for every runner",
				"Chest pain", "sepsis", "does not diagnose sciatica", "Never delay or ignore professional advice");
		assertThat(text).as("full citations only on How scoring works").doesNotContain("Frandsen", "Br J Sports Med");
		assertThat(page.select("main a[href=/how-scoring-works]")).isNotEmpty();
		assertThat(page.select(".finding")).hasSize(2);
		assertThat(page.selectFirst("meter").attr("value")).isEqualTo("16");
		assertThat(page.selectFirst("a[href=/assessment]").text()).isEqualTo("Start again");
		assertThat(page.selectFirst("button[data-print]").text()).isEqualTo("Print this result");
		assertThat(text).contains("Scored with rules version " + this.table.version());
	}

	@Test
	void findingsOfOneGroupCountOnceAndSayWhatTheyAreCountedWith() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.CONDITIONS, "PREVIOUS_BACK_PAIN HERNIATED_DISC");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.select(".finding-group h3")).extracting(Element::text)
			.containsExactly("Back history: 6 points");
		assertThat(page.select(".finding")).hasSize(2);
		assertThat(page.select(".finding").get(1).text()).contains("0 points", "Counted with the finding above");
		assertThat(page.text()).contains("6 out of 100");
	}

	@Test
	void aRunnerWithNoRiskFactorsAndNoPainIsToldSoAndStillSeesTheirSymptomsNow() throws Exception {
		Document page = post("/assessment/result", calmRunner()).document();
		assertThat(page.selectFirst("main").text()).containsSubsequence("No need to see a professional now",
				"Your symptoms now", "You told us you have no back or leg pain now",
				"You ticked none of the symptoms or warning signs", "Your risk-factor score", "0 out of 100",
				"Level: Low", "None of the risk factors we check applies to you", "Go to A&E or call 999 at once");
		assertThat(page.select(".finding")).isEmpty();
		assertThat(page.text()).doesNotContain("Advice for you", "While you have pain", "future back pain");
	}

	@Test
	void milesAreConvertedBeforeScoring() throws Exception {
		Map<String, String> miles = new LinkedHashMap<>(calmRunner());
		miles.put("unit", "MILES");
		miles.put(PageFields.WEEKLY, "20");
		miles.put(PageFields.BASELINE_WEEKLY, "20");
		miles.put(PageFields.LONGEST, "10");
		miles.put(PageFields.BASELINE_LONGEST, "8");
		Document page = post("/assessment/result", miles).document();
		assertThat(page.text()).contains("10 out of 100", "more than 10% longer");
	}

	@Test
	void nightPainWithPainAsksForAdviceToday() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.PAIN, "BACK_ONLY");
		answers.put(PageFields.PAIN_WEEKS, "1");
		answers.put(PageFields.PAIN_SEVERITY, "3");
		answers.put(PageFields.LEG_PAIN_AVERAGE, "2");
		answers.put(PageFields.BACK_PAIN_AVERAGE, "1");
		answers.put(PageFields.WARNING_SIGNS, "NIGHT_OR_CONSTANT_PAIN");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.selectFirst(".card").text()).contains("Get medical advice today", "GP surgery", "NHS 111",
				"Pain that is worse at night or does not ease when you rest");
	}

	@Test
	void footDropWithoutPainGetsTheTodayCard() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.WARNING_SIGNS, "FOOT_DROP");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.selectFirst(".card").text()).contains("Get medical advice today", "GP surgery", "NHS 111",
				"foot drop");
		assertThat(page.text()).contains("You told us you have no back or leg pain now", "My foot has started to drag",
				"Your risk factors for future back pain or sciatica");
	}

	@Test
	void steroidTabletsWithPainAskForContactThisWeek() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.PAIN, "BACK_ONLY");
		answers.put(PageFields.PAIN_WEEKS, "1");
		answers.put(PageFields.PAIN_SEVERITY, "2");
		answers.put(PageFields.LEG_PAIN_AVERAGE, "1");
		answers.put(PageFields.BACK_PAIN_AVERAGE, "0");
		answers.put(PageFields.WARNING_SIGNS, "STEROIDS_OR_IMMUNOSUPPRESSION");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.selectFirst(".card").text()).contains("this week", "GP or a physiotherapist",
				"steroid tablets");
	}

	@Test
	void numbnessInOneLegWithoutPainNeedsAnAppointment() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.SYMPTOMS, "NUMBNESS_OR_TINGLING");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.selectFirst(".card").text()).contains("Book an appointment with a professional",
				"Numbness or tingling in one leg or foot");
	}

	@Test
	void cancerWithPainInOneLegIsAnEmergencyNamingTheCancerTeamsLine() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.PAIN, "ONE_LEG");
		answers.put(PageFields.PAIN_WEEKS, "2");
		answers.put(PageFields.PAIN_SEVERITY, "3");
		answers.put(PageFields.LEG_PAIN_AVERAGE, "2");
		answers.put(PageFields.BACK_PAIN_AVERAGE, "1");
		answers.put(PageFields.WARNING_SIGNS, "CANCER_HISTORY");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.selectFirst("h1").text()).isEqualTo("Get medical help now");
		assertThat(page.selectFirst(".card-emergency").text()).contains("cancer team's 24-hour line",
				"Go to A&E or call 999 now");
		assertThat(page.text()).doesNotContain("out of 100", "48 hours");
		Map<String, String> withoutCancer = new LinkedHashMap<>(answers);
		withoutCancer.remove(PageFields.WARNING_SIGNS);
		// without cancer the tier card says nothing of a cancer team (the safety net
		// names
		// it for anyone who has had cancer)
		assertThat(post("/assessment/result", withoutCancer).document().selectFirst(".card").text())
			.doesNotContain("cancer team");
	}

	@Test
	void anAgeUnder16ShowsWhatToDoInsteadWithoutAskingForAnotherAge() throws Exception {
		Document questionnaire = post("/assessment/safety", ALL_NO).document();
		assertThat(questionnaire.getElementById(PageFields.AGE + "-hint").text()).doesNotContain("16");
		for (String age : List.of("12", "15", "0")) {
			Map<String, String> answers = new LinkedHashMap<>(calmRunner());
			answers.put(PageFields.AGE, age);
			answers.remove(PageFields.FOOTWEAR);
			Document page = post("/assessment/result", answers).document();
			assertThat(page.selectFirst("h1").text()).as(age).isEqualTo("This check is for adults");
			assertThat(page.selectFirst("main").text()).contains("parent", "GP or a physiotherapist")
				.doesNotContain("16", "Enter an age", "out of 100");
			assertThat(page.select("main input, main form, .error-summary")).as("nothing asks for another age")
				.isEmpty();
		}
		Map<String, String> adult = new LinkedHashMap<>(calmRunner());
		adult.put(PageFields.AGE, "101");
		assertThat(post("/assessment/result", adult).document().getElementById(PageFields.AGE + "-error").text())
			.contains("Enter an age from 16 to 100");
	}

	@Test
	void theQuestionnaireAsksNerveSignsWithoutPainAndHintsWhereAnOptionIsMisread() throws Exception {
		Document page = post("/assessment/safety", ALL_NO).document();
		assertThat(page.getElementById(PageFields.SYMPTOMS).closest("fieldset").selectFirst("legend").text())
			.isEqualTo("Do any of these apply to you now?");
		assertThat(page.getElementById(PageFields.SYMPTOMS + "-hint").text()).contains("whether or not you have pain");
		assertThat(optionHint(page, PageFields.WARNING_SIGNS, "ONE_LEG_WEAKNESS_WORSENING"))
			.contains("one side of the body", "face", "arm", "speech", "call 999");
		assertThat(optionHint(page, PageFields.WARNING_SIGNS, "STEROIDS_OR_IMMUNOSUPPRESSION"))
			.contains("Inhalers and creams do not count");
		assertThat(optionHint(page, PageFields.WARNING_SIGNS, "FOOT_DROP")).contains("long time", "not changed");
		assertThat(optionHint(page, PageFields.PAIN, "BOTH_LEGS")).contains("doctor", "answer with what is new");
		assertThat(page.select("input[name=" + PageFields.WARNING_SIGNS + "]")).extracting((input) -> input.val())
			.containsExactlyElementsOf(Question.WARNING_SIGNS.pageOptions());
		assertThat(page.getElementById(PageFields.INTENSITY).closest("fieldset").text()).contains("fast or hard",
				"intervals", "Much more");
		assertThat(page.getElementById(PageFields.PREGNANT + "-hint").text())
			.isEqualTo("Leave this blank if it does not apply to you.");
	}

	/**
	 * With pain the page asks leg and back pain on average over the last 7 days, each 0
	 * to 10, and needs both; the runner's own check is never a follow-up, so it neither
	 * asks nor takes how they are compared with a last check.
	 */
	@Test
	void theQuestionnaireAsksThePainOnAverageAndNoFollowUpQuestion() throws Exception {
		Document page = post("/assessment/safety", ALL_NO).document();
		assertThat(page.getElementById(PageFields.LEG_PAIN_AVERAGE).attr("inputmode")).isEqualTo("numeric");
		assertThat(page.select("label[for=" + PageFields.LEG_PAIN_AVERAGE + "]").text())
			.isEqualTo("If you have pain: how bad was the pain in your leg on average over the last 7 days?");
		assertThat(page.getElementById(PageFields.LEG_PAIN_AVERAGE + "-hint").text()).isEqualTo(
				"0 is no pain, 10 is the worst pain you can imagine. Enter 0 if your leg did not hurt. Leave empty if you have no pain now.");
		assertThat(page.select("label[for=" + PageFields.BACK_PAIN_AVERAGE + "]").text()).contains("in your back",
				"on average over the last 7 days");
		assertThat(page.select("[name=" + PageFields.CHANGE + "]")).isEmpty();
		assertThat(page.text()).doesNotContain("last check");

		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.PAIN, "ONE_LEG");
		answers.put(PageFields.PAIN_WEEKS, "2");
		answers.put(PageFields.PAIN_SEVERITY, "5");
		Document missing = post("/assessment/result", answers).document();
		assertThat(summaryLinks(missing)).containsExactly("#" + PageFields.LEG_PAIN_AVERAGE,
				"#" + PageFields.BACK_PAIN_AVERAGE);
		assertThat(missing.getElementById(PageFields.BACK_PAIN_AVERAGE + "-error").text())
			.contains("Enter how bad the pain in your back was on average, from 0 to 10");

		answers.put(PageFields.LEG_PAIN_AVERAGE, "4");
		answers.put(PageFields.BACK_PAIN_AVERAGE, "0");
		answers.put(PageFields.CHANGE, "BETTER");
		Browserless.Page refusedPage = postRaw("/assessment/result", answers);
		assertThat(refusedPage.status()).as("as any name the form does not have").isEqualTo(400);
		Document refused = refusedPage.document();
		assertThat(refused.selectFirst(".error-summary").text()).contains("something it does not ask for");
		assertThat(refused.text()).doesNotContain("out of 100");

		answers.remove(PageFields.CHANGE);
		assertThat(post("/assessment/result", answers).document().selectFirst("main").text()).contains(
				"On average over the last 7 days, the pain in your leg was 4 out of 10.",
				"On average over the last 7 days, the pain in your back was 0 out of 10.");
	}

	@Test
	void painInBothLegsInTheQuestionnaireIsAnEmergencyWithoutAScore() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.PAIN, "BOTH_LEGS");
		answers.put(PageFields.PAIN_WEEKS, "1");
		answers.put(PageFields.PAIN_SEVERITY, "5");
		answers.put(PageFields.LEG_PAIN_AVERAGE, "4");
		answers.put(PageFields.BACK_PAIN_AVERAGE, "3");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.selectFirst("h1").text()).isEqualTo("Get medical help now");
		assertThat(page.text()).contains("Pain spreading down both legs").doesNotContain("out of 100", "48 hours");
	}

	@Test
	void theQuestionnaireCannotSkipTheSafetyStep() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.remove(PageFields.SAFETY.get(3));
		Browserless.Page response = postRaw("/assessment/result", answers);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/assessment"));
		assertThat(get("/assessment/result").status()).isEqualTo(302);
	}

	@Test
	void howScoringWorksShowsTheRunningTable() throws Exception {
		Document page = get("/how-scoring-works").document();
		assertThat(page.text()).contains("Rules version: " + this.table.version(),
				"only its finding with the most points", "Pain, symptoms and warning signs never change the score",
				"not validated");
		assertThat(page.select("dl.tiers").first().select("dt")).extracting(Element::text)
			.containsExactly("Go to A&E or call 999 now", "Get medical advice today",
					"Contact your GP or a physiotherapist this week", "Book an appointment with a professional",
					"No need to see a professional now");
		int reasons = this.rules.reasonKeysByTier().values().stream().mapToInt(List::size).sum();
		assertThat(page.select("dl.tiers").first().select("li")).hasSize(reasons);
		assertThat(page.text()).contains("Pain for 4 weeks or more", "Pain of 7 out of 10 or worse",
				"cancer team's 24-hour line", "Numbness or tingling in one leg or foot");
		this.table.gradePoints()
			.forEach((grade, points) -> assertThat(page.select("dl.tiers").get(1).text())
				.contains(" " + points + " points"));
		assertThat(page.select("table tbody th")).extracting(Element::text)
			.containsExactlyElementsOf(this.table.rules().stream().map((rule) -> rule.id()).toList());
		assertThat(page.select("table tbody tr").first().text()).contains("Training load", "> 10", "10",
				"Moderate, indirect", "Frandsen");
		assertThat(page.text()).contains("Chest pain");
	}

	@Test
	void unknownPageIsAFriendlyNotFoundPage() throws Exception {
		Browserless.Page response = get("/no-such-page");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.document().selectFirst("h1").text()).isEqualTo("Page not found");
		assertThat(response.body()).doesNotContain("Exception", "Whitelabel", "trace");
	}

	@Test
	void everyPageSendsAStrictContentSecurityPolicy() throws Exception {
		for (Browserless.Page page : List.of(get("/"), get("/assessment"), get("/how-scoring-works"),
				get("/clinic/sign-in"), get("/no-such-page"), get("/css/app.css"),
				post("/assessment/result", calmRunner()))) {
			assertThat(page.header("Content-Security-Policy")).hasValueSatisfying((policy) -> assertThat(policy)
				.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline", "unsafe-eval", "*"));
			assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
		}
	}

	@Test
	void pagesLoadNothingFromOtherOrigins() throws Exception {
		for (Document page : List.of(get("/").document(), get("/assessment").document(),
				post("/assessment/result", calmRunner()).document(), get("/how-scoring-works").document())) {
			assertThat(page.select("[src], link[href]")).allSatisfy((element) -> {
				String address = element.hasAttr("src") ? element.attr("src") : element.attr("href");
				assertThat(address).startsWith("/");
			});
		}
	}

	/** A calm runner who runs on some uneven ground, as the page posts it. */
	private static Map<String, String> calmRunner() {
		return RunnerFixture.calm().with(Question.UNEVEN_SURFACES, Surface.SOME).page();
	}

	/** The hint of one option, tied to its input. */
	private static String optionHint(Document page, String field, String option) {
		Element input = page.selectFirst("input[name=" + field + "][value=" + option + "]");
		String hintId = input.attr("aria-describedby");
		assertThat(hintId).as(field + " " + option).isNotEmpty();
		return page.getElementById(hintId).text();
	}

	private static List<String> summaryLinks(Document page) {
		return page.select(".error-summary a").eachAttr("href");
	}

	private static void assertEveryErrorLinkTargetsAnInput(Document page) {
		for (String link : summaryLinks(page)) {
			Element target = page.getElementById(link.substring(1));
			assertThat(target).as(link).isNotNull();
			assertThat(target.tagName()).isEqualTo("input");
		}
	}

	private Browserless.Page get(String path) {
		return this.user.get(path);
	}

	private Browserless.Page post(String path, Map<String, String> form) {
		Browserless.Page page = this.user.post(path, form);
		assertThat(page.status()).isEqualTo(200);
		return page;
	}

	private Browserless.Page postRaw(String path, Map<String, String> form) {
		return this.user.post(path, form);
	}

}
