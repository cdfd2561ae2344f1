package com.sciaticacheck.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.RuleTable;
import com.sciaticacheck.support.Browserless;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner's pages over real HTTP, read as a user reads them: what each page says, the
 * emergency gate, the errors next to their fields, and answers kept after an error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AssessmentPagesTests {

	private static final Map<String, String> ALL_NO = Map.of("saddleNumbness", "false", "bladderChange", "false",
			"bowelChange", "false", "sexualDysfunction", "false", "painInBothLegs", "false", "legWeakness", "false",
			"feverOrUnwell", "false");

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
		answers.put("pain", "AGONY");
		answers.put("unit", "PARSECS");
		answers.put("conditions", "BROKEN_LEG");
		Document page = post("/assessment/result", answers).document();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#pain", "#unit", "#conditions");
		assertThat(page.getElementById("pain-error").text()).contains("Select or enter a valid answer");
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
		answers.remove("footwear");
		answers.remove("ageYears");
		answers.put("weeklyDistance", "");
		answers.put("conditions", "PREVIOUS_SCIATICA");
		answers.put("heightCm", "181");
		answers.put("weightKg", "77.5");
		Browserless.Page response = postRaw("/assessment/result", answers);
		assertThat(response.status()).isEqualTo(200);
		Document page = response.document();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#ageYears", "#weeklyDistance", "#footwear");
		assertThat(page.getElementById("ageYears-error").text()).contains("Enter your age");
		assertThat(page.getElementById("footwear-error").text()).contains("Select what you usually run in");
		assertThat(page.getElementById("ageYears").attr("aria-describedby")).isEqualTo("ageYears-hint ageYears-error");
		assertThat(page.getElementById("heightCm").val()).isEqualTo("181");
		assertThat(page.getElementById("weightKg").val()).isEqualTo("77.5");
		assertThat(page.getElementById("conditions-PREVIOUS_SCIATICA").hasAttr("checked")).isTrue();
		assertThat(page.getElementById("unevenSurfaces-SOME").hasAttr("checked")).isTrue();
		assertThat(page.getElementById("sideToSideDifference").hasAttr("checked")).isTrue();
		assertEveryErrorLinkTargetsAnInput(page);
	}

	@Test
	void errorSummaryListsProblemsInPageOrder() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.remove("formConcerns");
		answers.remove("ageYears");
		answers.put("longestRun", "40");
		answers.remove("footwear");
		Document page = post("/assessment/result", answers).document();
		assertThat(summaryLinks(page)).containsExactly("#ageYears", "#longestRun", "#footwear", "#formConcerns");
	}

	@Test
	void theResultLeadsBackToTheQuestionnaireWithEveryAnswerKept() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put("unit", "MILES");
		answers.put("conditions", "HERNIATED_DISC BACK_SURGERY");
		answers.put("weightKg", "70.5");
		answers.put("heightCm", "175");
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
		assertThat(questionnaire.getElementById("weightKg").val()).isEqualTo("70.5");
		assertThat(questionnaire.getElementById("conditions").hasAttr("checked")).isTrue();
		assertThat(questionnaire.getElementById("conditions-BACK_SURGERY").hasAttr("checked")).isTrue();
		assertThat(questionnaire.getElementById("conditions-SPINAL_STENOSIS").hasAttr("checked")).isFalse();
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
		answers.put("ageYears", "forty");
		answers.put("weeklyDistance", "12,5 km");
		answers.remove("footwear");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.getElementById("ageYears-error").text()).isEqualTo("Error: Enter a whole number, like 12");
		assertThat(page.getElementById("weeklyDistance-error").text()).isEqualTo("Error: Enter a number, like 12.5");
		assertThat(summaryLinks(page)).as("the other problems show at the same time")
			.containsExactlyInAnyOrder("#ageYears", "#weeklyDistance", "#footwear");
		assertThat(page.getElementById("ageYears").val()).isEqualTo("forty");
		assertThat(page.getElementById("smoker-false").hasAttr("checked")).isTrue();
	}

	@Test
	void acceptsADecimalComma() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put("longestRun", " 13,8 ");
		assertThat(post("/assessment/result", answers).document().text()).contains("12 out of 100");
	}

	@Test
	void contradictionsShowAtTheFieldTheyConcern() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put("longestRun", "40");
		answers.put("pain", "ONE_LEG");
		Document page = post("/assessment/result", answers).document();
		assertThat(summaryLinks(page)).containsExactlyInAnyOrder("#longestRun", "#painWeeks", "#painSeverity");
		assertThat(page.getElementById("longestRun-error").text())
			.contains("cannot be longer than all your running in the last 7 days");
	}

	@Test
	void distanceLimitsFollowTheChosenUnit() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put("unit", "MILES");
		answers.put("weeklyDistance", "300");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.getElementById("weeklyDistance-error").text()).contains("0 to 248 miles");
		answers.put("unit", "KM");
		assertThat(post("/assessment/result", answers).document().getElementById("weeklyDistance-error")).isNull();
	}

	@Test
	void resultShowsTierScoreFindingsAdviceAndDisclaimerInThatOrder() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put("longestRun", "15");
		answers.put("weeklyDistance", "33");
		answers.put("strengthSessionsPerWeek", "0");
		answers.put("pain", "ONE_LEG");
		answers.put("painWeeks", "6");
		answers.put("painSeverity", "4");
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
		miles.put("weeklyDistance", "20");
		miles.put("baselineWeeklyDistance", "20");
		miles.put("longestRun", "10");
		miles.put("baselineLongestRun", "8");
		Document page = post("/assessment/result", miles).document();
		assertThat(page.text()).contains("12 out of 100", "more than 10% longer");
	}

	@Test
	void urgentSignWithPainAsksForContactThisWeek() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put("pain", "BACK_ONLY");
		answers.put("painWeeks", "1");
		answers.put("painSeverity", "3");
		answers.put("urgentSigns", "NIGHT_OR_CONSTANT_PAIN");
		Document page = post("/assessment/result", answers).document();
		assertThat(page.selectFirst(".card").text()).contains("Contact a doctor or physiotherapist this week",
				"Pain that is constant or bad at night");
	}

	@Test
	void painInBothLegsInTheQuestionnaireIsAnEmergencyWithoutAScore() throws Exception {
		Map<String, String> answers = new LinkedHashMap<>(calmRunner());
		answers.put("pain", "BOTH_LEGS");
		answers.put("painWeeks", "1");
		answers.put("painSeverity", "5");
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

	private static Map<String, String> calmRunner() {
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("safetyChecked", "true");
		answers.put("unit", "KM");
		answers.put("ageYears", "35");
		answers.put("smoker", "false");
		answers.put("weeklyDistance", "30");
		answers.put("baselineWeeklyDistance", "30");
		answers.put("longestRun", "12");
		answers.put("baselineLongestRun", "12");
		answers.put("unevenSurfaces", "SOME");
		answers.put("footwear", "GOOD");
		answers.put("strengthSessionsPerWeek", "2");
		answers.put("sideToSideDifference", "NONE");
		answers.put("formConcerns", "NONE");
		answers.put("pain", "NONE");
		return answers;
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
