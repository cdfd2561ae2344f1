package com.sciaticacheck.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import com.sciaticacheck.support.Multipart;
import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.support.TrainingFixtures;
import com.sciaticacheck.support.TrainingFixtures.TcxActivity;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire's "fill these in from my training files" without a browser's script:
 * the files travel with every answer typed so far, the running questions come back filled
 * in the runner's unit with the runs listed, and every other answer is kept.
 */
@RunningAppTest
class TrainingImportPagesTests {

	@LocalServerPort
	private int port;

	@Autowired
	private Clock clock;

	@Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	private Browserless runner;

	private Instant morning;

	@BeforeEach
	void start() {
		this.runner = new Browserless(this.port);
		this.morning = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).atTime(7, 0).toInstant(ZoneOffset.UTC);
	}

	@Test
	void filesFillTheRunningQuestionsAndEveryOtherAnswerIsKept() {
		Map<String, List<String>> typed = partlyAnswered();
		typed.put("unit", List.of("MILES"));
		typed.put(PageFields.WEEKLY, List.of("99"));

		Document page = importing("/assessment/import", typed, runs()).document();

		assertThat(page.select(".error-summary")).isEmpty();
		// 18 km in the last 7 days is 11.2 miles; the 99 typed before is replaced
		assertThat(page.getElementById(PageFields.WEEKLY).val()).isEqualTo("11.2");
		assertThat(page.getElementById(PageFields.LONGEST).val()).isEqualTo("6.2");
		assertThat(page.getElementById(PageFields.BASELINE_WEEKLY).val()).isEqualTo("2.5");
		assertThat(page.getElementById(PageFields.BASELINE_LONGEST).val()).isEqualTo("9.9");
		assertThat(page.getElementById("unit-MILES").hasAttr("checked")).isTrue();
		assertThat(page.getElementById(PageFields.AGE).val()).isEqualTo("41");
		assertThat(page.getElementById(PageFields.SMOKER + "-false").hasAttr("checked")).isTrue();
		Element found = page.selectFirst(".training-found");
		assertThat(found.selectFirst("caption").text()).isEqualTo("Runs we used (3)");
		assertThat(found.select("th").eachText()).contains("Distance (miles)");
		assertThat(found.select("tbody tr").first().text()).contains("6.21").contains("Run").contains("week.tcx");
		assertThat(found.select("tbody tr").first().selectFirst("td").text())
			.matches("[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2}");
		assertThat(found.select(".skipped-files li").eachText())
			.containsExactly("ride.tcx: Not a run (Biking): only runs count.");
		assertThat(found.text()).contains("time zone, Europe/London");
	}

	@Test
	void theFilledFiguresGiveTheSameResultAsTypingThem() {
		Document imported = importing("/assessment/import", fullyAnsweredButLoad(), runs()).document();
		Map<String, String> asFilled = formOf(imported);
		Map<String, String> asTyped = RunnerFixture.calm()
			.with(Question.WEEKLY_DISTANCE_KM, 18.0)
			.with(Question.LONGEST_RUN_KM, 10.0)
			.with(Question.BASELINE_WEEKLY_DISTANCE_KM, 4.0)
			.with(Question.BASELINE_LONGEST_RUN_KM, 16.0)
			.page();
		assertThat(asFilled).containsEntry(PageFields.WEEKLY, "18").containsEntry(PageFields.BASELINE_LONGEST, "16");

		Document fromFiles = this.runner.post("/assessment/result", asFilled).document();
		Document fromTyping = this.runner.post("/assessment/result", asTyped).document();

		assertThat(fromFiles.selectFirst("h1").text()).isEqualTo("Your result");
		assertThat(fromFiles.selectFirst("main").text()).isEqualTo(fromTyping.selectFirst("main").text());
	}

	@Test
	void withoutAFileChosenTheProblemIsNextToTheFileFieldAndTheAnswersAreKept() {
		Multipart body = new Multipart().fields(partlyAnswered()).file("files", "", new byte[0]);

		Document page = this.runner.postFiles("/assessment/import", body).document();

		assertThat(page.getElementById("files-error").text()).contains("Choose at least one file");
		assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#files");
		assertThat(page.getElementById(PageFields.AGE).val()).isEqualTo("41");
	}

	@Test
	void filesWithoutARunSayWhyAndFillNothing() {
		Map<String, List<String>> typed = partlyAnswered();
		typed.put(PageFields.WEEKLY, List.of("12"));

		Document page = importing("/assessment/import", typed, List.of(new Multipart.Part("files", "ride.tcx",
				TrainingFixtures.tcx(new TcxActivity("Biking", daysAgo(1), 30000)))))
			.document();

		assertThat(page.getElementById("files-error").text()).contains("We found no runs");
		assertThat(page.getElementById(PageFields.WEEKLY).val()).isEqualTo("12");
		assertThat(page.select(".skipped-files li").eachText())
			.containsExactly("ride.tcx: Not a run (Biking): only runs count.");
	}

	@Test
	void theImportNeedsTheSafetyQuestionsAnsweredFirst() {
		Browserless.Page page = this.runner.postFiles("/assessment/import",
				new Multipart().field(PageFields.AGE, "41").files(runs()));

		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/assessment");
	}

	@Test
	void aClientOfAClinicFillsTheRunningQuestionsOnTheClinicsLink() {
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, "training-import@example.com");
		String client = ClinicLinks.create(physio, "Riverside Physio", "", 30).client();
		this.runner.get(client);

		Document page = importing(client + "/import", partlyAnswered(), runs()).document();

		assertThat(page.selectFirst("main").text()).contains("Riverside Physio");
		assertThat(page.getElementById(PageFields.WEEKLY).val()).isEqualTo("18");
		assertThat(((FormElement) page.selectFirst("main form")).attr("action")).isEqualTo(client + "/result");
		assertThat(page.getElementById(PageFields.AGE).val()).isEqualTo("41");
	}

	@Test
	void pressingEnterSubmitsTheQuestionnaireNotTheImport() {
		Document page = this.runner.post("/assessment/safety", RunnerFixture.safetyNo()).document();
		FormElement form = (FormElement) page.selectFirst("main form");

		Element first = form.selectFirst("button[type=submit]");
		assertThat(first.hasAttr("formaction")).isFalse();
		assertThat(first.text()).isEqualTo("See my result");
		Element importButton = form.selectFirst("button[formaction]");
		assertThat(importButton.attr("formaction")).isEqualTo("import#training");
		assertThat(importButton.attr("formenctype")).isEqualTo("multipart/form-data");
		assertThat(form.getElementById("files").attr("type")).isEqualTo("file");
	}

	@Test
	void aQuestionnaireSentWithoutItsFilesStillCountsAsTyped() {
		Map<String, String> answers = new LinkedHashMap<>(RunnerFixture.calm().page());
		// a browser sends the file field's (empty) name and the time zone with every post
		answers.put("files", "");
		answers.put("timeZone", "Europe/London");

		Document result = this.runner.post("/assessment/result", answers).document();

		assertThat(result.selectFirst("h1").text()).isEqualTo("Your result");
	}

	private Browserless.Page importing(String path, Map<String, List<String>> typed, List<Multipart.Part> files) {
		Multipart body = new Multipart().fields(typed).files(files).field("timeZone", "Europe/London");
		Browserless.Page page = this.runner.postFiles(path, body);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page;
	}

	/** Runs on days 1, 3 (two laps) and 10, and a ride that does not count. */
	private List<Multipart.Part> runs() {
		return List.of(
				new Multipart.Part("files", "week.tcx",
						TrainingFixtures.tcx(new TcxActivity("Running", daysAgo(1), 5000, 5000),
								new TcxActivity("Running", daysAgo(3), 8000))),
				new Multipart.Part("files", "before.tcx", TrainingFixtures.tcxRun(daysAgo(10), 16000)),
				new Multipart.Part("files", "ride.tcx",
						TrainingFixtures.tcx(new TcxActivity("Biking", daysAgo(2), 40000))));
	}

	/** The safety step done, and a few answers of the questionnaire so far. */
	private static Map<String, List<String>> partlyAnswered() {
		Map<String, List<String>> typed = new LinkedHashMap<>(RunnerFixture.safetyAllNo());
		typed.put(PageFields.AGE, List.of("41"));
		typed.put(PageFields.SMOKER, List.of("false"));
		return typed;
	}

	/** Every answer but the four distances. */
	private static Map<String, List<String>> fullyAnsweredButLoad() {
		Map<String, List<String>> typed = new LinkedHashMap<>(RunnerFixture.calm().form());
		typed.putAll(RunnerFixture.safetyAllNo());
		List.of(Question.WEEKLY_DISTANCE_KM, Question.BASELINE_WEEKLY_DISTANCE_KM, Question.LONGEST_RUN_KM,
				Question.BASELINE_LONGEST_RUN_KM)
			.forEach((question) -> typed.remove(question.pageName()));
		return typed;
	}

	/** What a browser would post from the page's questionnaire: every filled-in field. */
	private static Map<String, String> formOf(Document page) {
		Map<String, String> form = new LinkedHashMap<>();
		((FormElement) page.selectFirst("main form")).formData()
			.stream()
			.filter((pair) -> !pair.key().equals("files") && !pair.key().equals("_csrf"))
			.forEach((pair) -> form.merge(pair.key(), pair.value(), (a, b) -> a + " " + b));
		return form;
	}

	private Instant daysAgo(int days) {
		return this.morning.minus(Duration.ofDays(days));
	}

}
