package com.sciaticacheck.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RuleTable;
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

	@Test
	void landingPageSaysWhatTheCheckIsAndIsNot() throws Exception {
		Document page = get("/").document();
		assertThat(page.selectFirst("h1").text()).isEqualTo("Check your sciatica risk factors as a runner");
		assertThat(page.text()).contains("about 3 minutes", "Not a diagnosis", "Nothing you enter is stored",
				"Running itself does not directly cause sciatica");
		assertThat(page.selectFirst("a.button").attr("href")).isEqualTo("/assessment");
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
	}

	@Test
	void safetyStepAsksEveryEmergencyQuestionWithYesAndNo() throws Exception {
		Document page = get("/assessment").document();
		assertThat(page.select("fieldset legend")).hasSize(7);
		assertThat(page.text()).contains("genitals, back passage (anus) or inner thighs",
				"pain spreading down both legs", "high temperature");
		for (String field : ALL_NO.keySet()) {
			assertThat(page.select("input[type=radio][name=" + field + "]")).extracting((input) -> input.attr("value"))
				.containsExactly("true", "false");
			assertThat(page.select("input[name=" + field + "][checked]")).as("nothing is pre-selected").isEmpty();
		}
	}

	@Test
	void unansweredSafetyQuestionsAreErrorsLinkedToTheirFields() throws Exception {
		Map<String, String> partly = new LinkedHashMap<>(ALL_NO);
		partly.remove("bladderChange");
		partly.remove("feverOrUnwell");
		Document page = post("/assessment/safety", partly).document();
		assertThat(page.title()).startsWith("Error:");
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#bladderChange", "#feverOrUnwell");
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
		assertThat(page.getElementById("legWeakness-false").hasAttr("checked")).isTrue();
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
			assertThat(page.text()).contains("call your local emergency number now", "999", "112", "911")
				.doesNotContain("out of 100", "risk-factor score is");
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
			assertThat(response.status()).as(step).isEqualTo(200);
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
		Document page = post("/assessment/safety", safety).document();
		assertThat(summaryLinks(page)).containsExactly("#bladderChange");
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
		assertThat(post("/assessment/result", answers).document().text()).contains("12 out of 100");
	}

	@Test
	void contradictionsShowAtTheFieldTheyConcern() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.LONGEST, "40");
		answers.put(PageFields.PAIN, "ONE_LEG");
		Document page = post("/assessment/result", answers).document();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#" + PageFields.LONGEST, "#" + PageFields.PAIN_WEEKS,
				"#" + PageFields.PAIN_SEVERITY);
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
	void resultShowsTierScoreFindingsAdviceAndDisclaimerInThatOrder() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.LONGEST, "15");
		answers.put(PageFields.WEEKLY, "33");
		answers.put(PageFields.STRENGTH, "0");
		answers.put(PageFields.PAIN, "ONE_LEG");
		answers.put(PageFields.PAIN_WEEKS, "6");
		answers.put(PageFields.PAIN_SEVERITY, "4");
		Document page = post("/assessment/result", answers).document();
		String text = page.selectFirst("main").text();
		assertThat(text).containsSubsequence("Book an appointment with a professional", "Pain for 4 weeks or more",
				"Your risk-factor score", "36 out of 100", "Level: Moderate", "not the chance",
				"What adds to your score", "Training load", "12 points", "Evidence: Moderate", "Frandsen",
				"Muscle balance and strength", "10 points", "Pain now", "14 points", "Advice for you",
				"within about 10% of your longest run", "Advice for every runner", "Keep a good running form",
				"does not diagnose sciatica", "Never delay or ignore professional advice");
		assertThat(page.select(".finding")).hasSize(3);
		assertThat(page.selectFirst("meter").attr("value")).isEqualTo("36");
		assertThat(page.selectFirst("a[href=/assessment]").text()).isEqualTo("Start again");
		assertThat(page.selectFirst("button[data-print]").text()).isEqualTo("Print this result");
		assertThat(text).contains("Scored with rules version " + this.table.version());
	}

	@Test
	void aRunnerWithNoRiskFactorsIsToldSo() throws Exception {
		Document page = post("/assessment/result", calmRunner()).document();
		assertThat(page.text()).contains("No need to see a professional now", "0 out of 100", "Level: Low",
				"None of the risk factors we check applies to you");
		assertThat(page.select(".finding")).isEmpty();
		assertThat(page.text()).doesNotContain("Advice for you");
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
		assertThat(page.text()).contains("12 out of 100", "more than 10% longer");
	}

	@Test
	void urgentSignWithPainAsksForContactThisWeek() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.PAIN, "BACK_ONLY");
		answers.put(PageFields.PAIN_WEEKS, "1");
		answers.put(PageFields.PAIN_SEVERITY, "3");
		answers.put(PageFields.WARNING_SIGNS, "NIGHT_OR_CONSTANT_PAIN");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.selectFirst(".card").text()).contains("Contact a doctor or physiotherapist this week",
				"Pain that is constant or bad at night");
	}

	@Test
	void painInBothLegsInTheQuestionnaireIsAnEmergencyWithoutAScore() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put(PageFields.PAIN, "BOTH_LEGS");
		answers.put(PageFields.PAIN_WEEKS, "1");
		answers.put(PageFields.PAIN_SEVERITY, "5");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.selectFirst("h1").text()).isEqualTo("Get medical help now");
		assertThat(page.text()).contains("Pain spreading down both legs").doesNotContain("out of 100");
	}

	@Test
	void theQuestionnaireCannotSkipTheSafetyStep() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.remove("safetyChecked");
		Browserless.Page response = postRaw("/assessment/result", answers);
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/assessment"));
		assertThat(get("/assessment/result").status()).isEqualTo(302);
	}

	@Test
	void howScoringWorksShowsTheRunningTable() throws Exception {
		Document page = get("/how-scoring-works").document();
		assertThat(page.text()).contains("Rules version: " + this.table.version(), "Get medical help now",
				"Contact a doctor or physiotherapist this week", "pain for 4 weeks or more", "7 out of 10");
		assertThat(page.select("table tbody th")).extracting(Element::text)
			.containsExactlyElementsOf(this.table.rules().stream().map((rule) -> rule.id()).toList());
		assertThat(page.select("table tbody tr").first().text()).contains("> 10", "12", "Moderate", "Frandsen");
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
				get("/clinic/new"), get("/no-such-page"), get("/css/app.css"),
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
