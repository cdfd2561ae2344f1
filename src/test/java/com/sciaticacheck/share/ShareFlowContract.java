package com.sciaticacheck.share;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.support.RunnerFixture;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The physio and client flows over real HTTP against a real database: run on the embedded
 * H2 and on PostgreSQL by the subclasses.
 */
@RunningAppTest
abstract class ShareFlowContract {

	static final Map<String, String> ALL_NO = RunnerFixture.safetyNo();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ShareService share;

	@Autowired
	RulesService rules;

	final JsonMapper json = JsonMapper.builder().build();

	Browserless physio;

	@BeforeEach
	void cleanStart() {
		this.jdbc.update("delete from submission");
		this.jdbc.update("delete from share_link");
		this.clock.set(Instant.now());
		this.physio = new Browserless(this.port);
	}

	/**
	 * A link as a physio creates it on the page; returns the dashboard and client paths.
	 */
	record Link(String dashboard, String client) {
	}

	Link createLink(String clinic, String message, int days) {
		this.physio.get("/clinic/new");
		Browserless.Page created = this.physio.post("/clinic/new",
				Map.of("clinicName", clinic, "message", message, "days", Integer.toString(days)));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String dashboard = created.location().replaceFirst("^https?://[^/]+", "").replace("?created", "");
		Document page = this.physio.get(dashboard).document();
		String client = page.getElementById("client-url").val().replaceFirst("^https?://[^/]+", "");
		return new Link(dashboard, client);
	}

	/** A runner in pain down one leg, with some risk factors. */
	static RunnerFixture runnerFixture() {
		return RunnerFixture.calm()
			.with(Question.AGE_YEARS, 44)
			.with(Question.LONGEST_RUN_KM, 15.0)
			.with(Question.UNEVEN_SURFACES, Surface.SOME)
			.with(Question.STRENGTH_SESSIONS_PER_WEEK, 1)
			.with(Question.CONDITIONS, Set.of(Condition.PREVIOUS_SCIATICA))
			.inPain(Pain.ONE_LEG, 5, 4);
	}

	/** The same runner, as the page posts it. */
	static Map<String, String> runner() {
		return runnerFixture().page();
	}

	/** The score the rules give the runner: what every view of it must show. */
	int runnersScore() {
		return this.rules.assess(runnerFixture().answers()).score();
	}

	/** The runner with one warning sign, as the page posts it. */
	static Map<String, String> runnerWith(WarningSign sign) {
		return runnerFixture().with(Question.WARNING_SIGNS, Set.of(sign)).page();
	}

	/** The stored answers of the only submission, by name. */
	JsonNode storedAnswers() {
		return this.json.readTree(this.jdbc.queryForObject("select answers from submission", String.class));
	}

	/** The physio's view of the newest submission. */
	Document newestDetail(Link link) {
		return this.physio.get(this.physio.get(link.dashboard()).document().selectFirst("tbody a").attr("href"))
			.document();
	}

	/** The label of a question in the physio's views. */
	static String label(Question<?> question) {
		return MESSAGES.getProperty(question.summaryLabelKey());
	}

	static final java.util.Properties MESSAGES = messages();

	private static java.util.Properties messages() {
		java.util.Properties messages = new java.util.Properties();
		try (java.io.Reader in = new java.io.InputStreamReader(
				ShareFlowContract.class.getResourceAsStream("/messages.properties"),
				java.nio.charset.StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return messages;
	}

	/** A client answers through the link up to the consent step, then decides. */
	Browserless.Page answer(Browserless client, Link link, Map<String, String> answers, String share,
			String reference) {
		assertThat(client.get(link.client()).status()).isEqualTo(200);
		client.get(link.client() + "/assessment");
		Document questionnaire = client.post(link.client() + "/safety", ALL_NO).document();
		assertThat(questionnaire.selectFirst("h1").text()).isEqualTo("About you and your running");
		Browserless.Page consent = client.post(link.client() + "/result", answers);
		assertThat(consent.document().selectFirst("h1").text()).isEqualTo("Before your result: share it?");
		Map<String, String> decision = new LinkedHashMap<>(answers);
		if (share != null) {
			decision.put("share", share);
		}
		if (reference != null) {
			decision.put("reference", reference);
		}
		return client.post(link.client() + "/consent", decision);
	}

	int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	@Test
	void physioCreatesALinkAndSeesAClientsSharedResultUntilTheClientDeletesIt() {
		Link link = createLink("Riverside Physio", "Please fill this in before Tuesday.", 30);
		Document dashboard = this.physio.get(link.dashboard()).document();
		assertThat(dashboard.text()).contains("Riverside Physio", "Keep it like a password", "No client has shared");
		assertThat(dashboard.selectFirst("img.qr").attr("src")).isEqualTo(link.dashboard() + "/qr.svg");
		assertThat(this.physio.get(link.dashboard() + "/qr.svg").body()).startsWith("<svg");

		Browserless client = new Browserless(this.port);
		Document landing = client.get(link.client()).document();
		assertThat(landing.selectFirst("h1").text()).isEqualTo("Riverside Physio asked you to complete this check");
		assertThat(landing.text()).contains("Please fill this in before Tuesday.");

		Browserless.Page stored = answer(client, link, runner(), "true", "J.D.");
		assertThat(stored.status()).isEqualTo(302);
		String resultPath = stored.location().replaceFirst("^https?://[^/]+", "");
		assertThat(resultPath).matches("/r/[A-Za-z0-9_-]{43}");
		Document result = client.get(resultPath).document();
		String score = runnersScore() + " out of 100";
		assertThat(result.text()).contains("shared with Riverside Physio", score,
				"Book an appointment with a professional");

		Document withAnswer = this.physio.get(link.dashboard()).document();
		Element row = withAnswer.selectFirst("tbody tr");
		assertThat(row.text()).contains("J.D.", "Routine", String.valueOf(runnersScore()));
		assertThat(row.hasClass("pinned") || row.hasClass("this-week")).isFalse();
		Document detail = this.physio.get(row.selectFirst("a").attr("href")).document();
		assertThat(detail.text())
			.contains("J.D.", "Scored with rules version " + this.rules.table().version() + " (version 2 rules)",
					"Routine: book an appointment", score, "Back history", "Sciatica before",
					"Pain spreading down one leg", "Longest run in the last 7 days (km) 15 ")
			.doesNotContain("version 1 rules");

		Browserless.Page deleting = client.post(resultPath + "/delete", Map.of());
		assertThat(deleting.status()).as("redirect, so a reload does not delete again").isEqualTo(302);
		Document deleted = client.follow(deleting).document();
		assertThat(deleted.selectFirst("h1").text()).isEqualTo("Your answers have been deleted");
		assertThat(count("submission")).isZero();
		assertThat(this.physio.get(link.dashboard()).document().text()).contains("No client has shared");
		assertThat(client.get(resultPath).status()).isEqualTo(404);
	}

	@Test
	void physioDeletesOneSubmissionThenTheWholeLink() {
		Link link = createLink("Riverside Physio", "", 30);
		answer(new Browserless(this.port), link, runner(), "true", "ref-alpha");
		answer(new Browserless(this.port), link, runner(), "true", "ref-beta");
		String firstDetail = this.physio.get(link.dashboard()).document().select("tbody a").get(1).attr("href");
		Browserless.Page deletedOne = this.physio.post(firstDetail + "/delete", Map.of());
		assertThat(deletedOne.status()).isEqualTo(302);
		assertThat(this.physio.follow(deletedOne).document().text()).contains("The answers were deleted", "ref-beta")
			.doesNotContain("ref-alpha");
		assertThat(count("submission")).isEqualTo(1);

		assertThat(this.physio.get(link.dashboard() + "/delete").document().selectFirst("h1").text())
			.isEqualTo("Delete this link and all its answers?");
		Document gone = this.physio.post(link.dashboard() + "/delete", Map.of()).document();
		assertThat(gone.selectFirst("h1").text()).isEqualTo("The link and its answers are deleted");
		assertThat(count("share_link")).isZero();
		assertThat(count("submission")).isZero();
		assertThat(this.physio.get(link.dashboard()).status()).isEqualTo(404);
		assertThat(new Browserless(this.port).get(link.client()).status()).isEqualTo(404);
	}

	@Test
	void sayingNoShowsTheResultAndStoresNothing() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless.Page result = answer(new Browserless(this.port), link, runner(), "false", "J.D.");
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.document().text()).contains(runnersScore() + " out of 100",
				"not shared and nothing was stored");
		assertThat(count("submission")).isZero();
	}

	@Test
	void consentMustBeAnsweredAndTheReferenceKeptShort() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless.Page unanswered = answer(new Browserless(this.port), link, runner(), null, "x".repeat(61));
		Document page = unanswered.document();
		assertThat(page.select(".error-summary a").eachAttr("href")).containsExactlyInAnyOrder("#share", "#reference");
		assertThat(page.getElementById("reference").val()).hasSize(61);
		assertThat(page.text()).as("the privacy notice names the date once and the clinic as who may delete")
			.containsPattern("It is deleted on \\d+ \\w+ \\d{4}, or sooner if you or Riverside Physio delete it\\.")
			.containsPattern("They are kept until \\d+ \\w+ \\d{4} at the latest\\.");
		assertThat(page.select("input[type=hidden][name=" + PageFields.LONGEST + "]").val()).as("kept as typed")
			.isEqualTo("15");
		assertThat(count("submission")).isZero();
	}

	@Test
	void anEmergencyThroughALinkIsShownFirstAndStoredOnlyWithConsent() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless client = new Browserless(this.port);
		client.get(link.client() + "/assessment");
		Map<String, String> saddle = new LinkedHashMap<>(ALL_NO);
		saddle.put("saddleNumbness", "true");
		Document emergency = client.post(link.client() + "/safety", saddle).document();
		assertThat(emergency.selectFirst("h1").text()).isEqualTo("Get medical help now");
		assertThat(count("submission")).isZero();

		Map<String, String> share = new LinkedHashMap<>(saddle);
		share.put("share", "true");
		Browserless.Page stored = client.post(link.client() + "/emergency-consent", share);
		assertThat(stored.status()).isEqualTo(302);
		assertThat(client.follow(stored).document().selectFirst("h1").text()).isEqualTo("Get medical help now");
		JsonNode answers = storedAnswers();
		assertThat(answers.propertyNames()).as("the six safety answers and nothing made up")
			.containsExactlyElementsOf(Question.SAFETY_CHECK.stream().map(Question::name).toList());
		assertThat(answers.get(Question.SADDLE_NUMBNESS.name()).asBoolean()).isTrue();
		assertThat(answers.get(Question.BLADDER_CHANGE.name()).asBoolean()).isFalse();
		String detail = newestDetail(link).text();
		assertThat(detail)
			.contains(label(Question.SADDLE_NUMBNESS) + " Yes ", label(Question.BLADDER_CHANGE) + " No ",
					label(Question.SERIOUS_ACCIDENT) + " No ", "stopped at the safety questions")
			.doesNotContain(label(Question.PAIN), "(not answered)", "out of 100");

		Map<String, String> bothLegs = runner();
		bothLegs.put(PageFields.PAIN, "BOTH_LEGS");
		Browserless other = new Browserless(this.port);
		other.get(link.client() + "/assessment");
		other.post(link.client() + "/safety", ALL_NO);
		Document fromQuestionnaire = other.post(link.client() + "/result", bothLegs).document();
		assertThat(fromQuestionnaire.selectFirst("h1").text()).isEqualTo("Get medical help now");
		Map<String, String> decline = new LinkedHashMap<>(bothLegs);
		decline.put("share", "false");
		assertThat(other.post(link.client() + "/consent", decline).document().text()).contains("Get medical help now");

		assertThat(count("submission")).isEqualTo(1);
		Document dashboard = this.physio.get(link.dashboard()).document();
		assertThat(dashboard.selectFirst("tbody tr").text()).contains("Emergency", "not scored");
	}

	/**
	 * Help today is pinned on top, help this week comes next and looks different, then
	 * the rest, newest first in each.
	 */
	@Test
	void todayIsPinnedAboveThisWeekAboveTheRestWhateverTheirDates() {
		Link link = createLink("Riverside Physio", "", 30);
		answer(new Browserless(this.port), link, runnerWith(WarningSign.UNEXPLAINED_WEIGHT_LOSS), "true", "urgent one");
		this.clock.advance(Duration.ofMinutes(5));
		answer(new Browserless(this.port), link, runnerWith(WarningSign.OSTEOPOROSIS), "true", "soon one");
		this.clock.advance(Duration.ofMinutes(5));
		answer(new Browserless(this.port), link, runner(), "true", "newer routine");
		List<Element> rows = this.physio.get(link.dashboard()).document().select("tbody tr");
		assertThat(rows).extracting(Element::text)
			.satisfiesExactly((today) -> assertThat(today).contains("urgent one", "Today"),
					(week) -> assertThat(week).contains("soon one", "This week"),
					(routine) -> assertThat(routine).contains("newer routine", "Routine"));
		assertThat(rows).extracting(Element::className).containsExactly("pinned", "this-week", "");
		assertThat(rows.get(1).selectFirst(".tag").hasClass("tag-soon")).isTrue();
	}

	/**
	 * Sharing calls nobody to act: a client whose result needs help today or now is told
	 * the clinic may not see it today, before choosing and on the shared result; a
	 * routine result is not.
	 */
	@Test
	void urgentResultSaysTheClinicMayNotSeeItToday() {
		Link link = createLink("Riverside Physio", "", 30);
		String notToday = "Riverside Physio may not see your answers today";
		Browserless client = new Browserless(this.port);
		Map<String, String> urgent = runnerWith(WarningSign.UNEXPLAINED_WEIGHT_LOSS);
		client.get(link.client() + "/assessment");
		client.post(link.client() + "/safety", ALL_NO);
		Document consent = client.post(link.client() + "/result", urgent).document();
		assertThat(consent.getElementById("not-seen-today").text()).contains(notToday, "do that first");
		Browserless.Page stored = answer(client, link, urgent, "true", "U.R.");
		String sharedNotToday = "The clinic may not see your answers today";
		assertThat(client.follow(stored).document().text()).contains(sharedNotToday);

		Browserless routine = new Browserless(this.port);
		routine.get(link.client() + "/assessment");
		routine.post(link.client() + "/safety", ALL_NO);
		assertThat(routine.post(link.client() + "/result", runner()).document().getElementById("not-seen-today"))
			.isNull();
		assertThat(routine.follow(answer(routine, link, runner(), "true", "R.O.")).document().text())
			.doesNotContain(notToday, sharedNotToday);

		Browserless emergency = new Browserless(this.port);
		emergency.get(link.client() + "/assessment");
		Map<String, String> saddle = new LinkedHashMap<>(ALL_NO);
		saddle.put(Question.SADDLE_NUMBNESS.pageName(), "true");
		Document emergencyPage = emergency.post(link.client() + "/safety", saddle).document();
		assertThat(emergencyPage.selectFirst("#emergency-consent-heading").parent().text()).contains(sharedNotToday);
	}

	/**
	 * Every safety answer is stored, each explicit "no" included, and the physio's page
	 * and the CSV show "No" for it, never "not answered"; an empty list is "None".
	 */
	@Test
	void storesAndShowsEachExplicitSafetyAnswer() {
		Link link = createLink("Riverside Physio", "", 30);
		answer(new Browserless(this.port), link, runner(), "true", "J.D.");
		JsonNode stored = storedAnswers();
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			assertThat(stored.get(question.name())).as(question.name()).isNotNull();
			assertThat(stored.get(question.name()).isBoolean()).isTrue();
			assertThat(stored.get(question.name()).asBoolean()).isFalse();
		}
		String detail = newestDetail(link).text();
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			assertThat(detail).contains(label(question) + " No ");
		}
		assertThat(detail).contains(label(Question.SYMPTOMS) + " None ", label(Question.WARNING_SIGNS) + " None ",
				label(Question.SMOKER) + " No ", label(Question.INTENSITY_CHANGE) + " ");
		assertThat(detail).as("only the optional questions left empty")
			.contains(label(Question.HEIGHT_CM) + " (not answered)");
		assertThat(detail.split("\\(not answered\\)", -1)).hasSize(4);
		String csv = this.physio.get(link.dashboard() + "/submissions.csv").body();
		assertThat(csv.lines().toList().get(1)).as("no, no height or weight, none of the symptoms or signs")
			.contains(",Routine,false,false,false,false,false,false,44,,,false,", ",ONE_LEG,5,4,NONE,NONE");
	}

	@Test
	void aRevokedLinkTakesNoAnswersAndSaysSoKindly() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless client = new Browserless(this.port);
		client.get(link.client() + "/assessment");
		client.post(link.client() + "/safety", ALL_NO);
		this.physio.post(link.dashboard() + "/revoke", Map.of());
		Browserless.Page closed = client.get(link.client());
		assertThat(closed.status()).isEqualTo(410);
		assertThat(closed.document().selectFirst("h1").text()).isEqualTo("This link no longer takes answers");
		Map<String, String> decision = runner();
		decision.put("share", "true");
		assertThat(client.post(link.client() + "/consent", decision).status()).isEqualTo(410);
		assertThat(count("submission")).isZero();
		assertThat(this.physio.get(link.dashboard()).document().text()).contains("takes no more answers");
	}

	@Test
	void anExpiredLinkClosesAndRetentionDeletesItsData() {
		Link link = createLink("Riverside Physio", "", 7);
		answer(new Browserless(this.port), link, runner(), "true", "J.D.");
		this.clock.advance(Duration.ofDays(6));
		assertThat(this.share.purgeExpired()).isZero();
		assertThat(new Browserless(this.port).get(link.client()).status()).isEqualTo(200);

		this.clock.advance(Duration.ofDays(1).plusSeconds(1));
		Browserless.Page expired = new Browserless(this.port).get(link.client());
		assertThat(expired.status()).isEqualTo(410);
		assertThat(this.share.purgeExpired()).isEqualTo(1);
		assertThat(count("share_link")).isZero();
		assertThat(count("submission")).isZero();
		assertThat(this.physio.get(link.dashboard()).status()).isEqualTo(404);
	}

	@Test
	void fiftyClientsSubmittingAtTheSameMomentAllLand() throws Exception {
		Link link = createLink("Busy Clinic", "", 30);
		int clients = 50;
		List<Browserless> ready = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Browserless client = new Browserless(this.port);
			client.get(link.client() + "/assessment");
			ready.add(client);
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Browserless client = ready.get(i);
			Map<String, String> decision = runner();
			decision.put("share", "true");
			decision.put("reference", "client " + i);
			statuses.add(pool.submit(() -> {
				start.await();
				return client.post(link.client() + "/consent", decision).status();
			}));
		}
		start.countDown();
		for (Future<Integer> status : statuses) {
			assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(302);
		}
		pool.shutdown();
		assertThat(count("submission")).isEqualTo(clients);
		assertThat(this.jdbc.queryForObject("select count(distinct reference) from submission", Integer.class))
			.isEqualTo(clients);
	}

	@Test
	void theDatabaseHoldsNoSecretInClear() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless.Page stored = answer(new Browserless(this.port), link, runner(), "true", "J.D.");
		List<String> secrets = List.of(link.dashboard().substring("/clinic/".length()),
				link.client().substring("/c/".length()), stored.location().replaceFirst(".*/r/", ""));
		assertThat(secrets).allSatisfy((secret) -> assertThat(secret).hasSize(43));
		List<Map<String, Object>> rows = new ArrayList<>(this.jdbc.queryForList("select * from share_link"));
		rows.addAll(this.jdbc.queryForList("select * from submission"));
		String everything = rows.toString();
		assertThat(secrets).allSatisfy((secret) -> assertThat(everything).doesNotContain(secret));
		assertThat(everything).doesNotContain("127.0.0.1").doesNotContainIgnoringCase("mozilla");
	}

	@Test
	void physioFormRefusesBadInputWithErrorsAndStoresNothing() {
		this.physio.get("/clinic/new");
		Document page = this.physio
			.post("/clinic/new", Map.of("clinicName", " ", "message", "m".repeat(501), "days", "366"))
			.document();
		assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#clinicName", "#message",
				"#days");
		assertThat(page.getElementById("days").val()).isEqualTo("366");
		Document tooLong = this.physio
			.post("/clinic/new", Map.of("clinicName", "c".repeat(81), "message", "", "days", "six"))
			.document();
		assertThat(tooLong.getElementById("clinicName-error").text()).contains("80 characters or fewer");
		assertThat(tooLong.getElementById("days-error").text()).contains("whole number");
		assertThat(count("share_link")).isZero();
	}

	/**
	 * Spring would drop an indexed or nested form of a field's name silently and create
	 * the link from the rest: it is a bad request, shown next to its field.
	 */
	@Test
	void malformedNamesOnTheNewLinkFormAreRefusedNextToTheirField() {
		this.physio.get("/clinic/new");
		Browserless.Page page = this.physio.post("/clinic/new",
				Map.of("clinicName", "Riverside Physio", "days", "30", "days[0]", "1", "message.x", "hi"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select(".error-summary a").eachAttr("href")).containsExactly("#message", "#days");
		assertThat(count("share_link")).isZero();
	}

	@Test
	void controlCharactersInFreeTextAreRefusedClearly() {
		this.physio.get("/clinic/new");
		Document page = this.physio
			.post("/clinic/new",
					Map.of("clinicName", "Nul\u0000Clinic", "message", "Line one\nLine\u0000two", "days", "30"))
			.document();
		assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#clinicName", "#message");
		Browserless.Page api = this.physio.postJson("/api/v1/links", "{\"clinicName\": \"Nul\\u0000\", \"days\": 30}");
		assertThat(api.status()).isEqualTo(400);
		Link link = createLink("Riverside Physio", "Line one\nline two", 30);
		Browserless.Page consent = answer(new Browserless(this.port), link, runner(), "true", "J\u0000D");
		assertThat(consent.status()).isEqualTo(200);
		assertThat(consent.document().getElementById("reference-error").text()).contains("control characters");
		assertThat(count("submission")).isZero();
		assertThat(count("share_link")).isEqualTo(1);
	}

	/**
	 * Bidi overrides, isolates and marks could make a clinic's name read as another's,
	 * and zero-width characters make look-alike names differ: refused next to the field
	 * on the page, and as a problem naming the field in the API.
	 */
	@Test
	void clinicNamesAndMessagesRefuseBidiOverridesAndZeroWidthCharacters() {
		this.physio.get("/clinic/new");
		Document page = this.physio
			.post("/clinic/new",
					Map.of("clinicName", "Riverside \u202Eoisyhp", "message", "Hello\u200Bthere", "days", "30"))
			.document();
		assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#clinicName", "#message");
		assertThat(page.getElementById("clinicName-error").text()).contains("hidden marks that flip the text");
		assertThat(page.getElementById("message-error").text()).contains("take no space");
		List<Character> hidden = new ArrayList<>(List.of('\u061C', '\uFEFF'));
		for (char c = '\u200B'; c <= '\u200F'; c++) {
			hidden.add(c);
		}
		for (char c = '\u202A'; c <= '\u202E'; c++) {
			hidden.add(c);
		}
		for (char c = '\u2060'; c <= '\u2069'; c++) {
			hidden.add(c);
		}
		for (char c : hidden) {
			Browserless.Page api = this.physio.postJson("/api/v1/links",
					"{\"clinicName\": \"Clinic" + String.format("\\u%04x", (int) c) + "Name\", \"days\": 30}");
			assertThat(api.status()).as("U+%04X", (int) c).isEqualTo(400);
			assertThat(this.json.readTree(api.body()).get("errors").get(0).get("field").asString())
				.isEqualTo("clinicName");
		}
		assertThat(count("share_link")).isZero();
		Link link = createLink("Clínica São João — Ørsted", "Line one\nمرحبا", 30);
		assertThat(link.dashboard()).startsWith("/clinic/");
		// the client's reference shows on the physio's dashboard too
		Browserless.Page consent = answer(new Browserless(this.port), link, runner(), "true", "J\u202EDoe");
		assertThat(consent.document().getElementById("reference-error").text()).contains("hidden marks");
		assertThat(count("submission")).isZero();
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless forger = new Browserless(this.port);
		assertThat(forger.postWithout("/clinic/new", Map.of("clinicName", "Forged", "days", "30"), null).status())
			.isEqualTo(403);
		assertThat(forger.postWithout(link.dashboard() + "/revoke", Map.of(), "not-the-token").status()).isEqualTo(403);
		assertThat(count("share_link")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from share_link where revoked_at is null", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void wrongOrGuessedSecretsGetTheSameNotFoundPage() {
		Link link = createLink("Riverside Physio", "", 30);
		String guess = "A".repeat(43);
		List<String> bodies = new ArrayList<>();
		for (String path : List.of("/c/" + guess, "/c/short", "/clinic/" + guess, "/r/" + guess,
				"/clinic/" + guess + "/submissions.csv")) {
			Browserless.Page page = this.physio.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.document().selectFirst("h1").text()).isEqualTo("This link does not work");
			bodies.add(page.document().selectFirst("main").outerHtml());
		}
		assertThat(bodies).as("no hint of which kind of secret was wrong").containsOnly(bodies.get(0));
		assertThat(this.physio.get(link.dashboard() + "/submissions/999").status()).isEqualTo(404);
		// the same lookup serves right and wrong secrets; print the times so a change
		// stands out
		System.out.printf("secret lookup, median of 20: right %.2f ms, wrong %.2f ms%n", medianMillis(link.dashboard()),
				medianMillis("/clinic/" + guess));
	}

	/**
	 * Submissions are named by random public ids in every address and export: the numeric
	 * id counts across all clinics, so it told a physio how many answers other clinics
	 * had received. An id works only under its own link's dashboard.
	 */
	@Test
	void submissionsAreNamedByRandomPublicIdsNeverByTheCountingId() {
		Link riverside = createLink("Riverside Physio", "", 30);
		Link hilltop = createLink("Hilltop Clinic", "", 30);
		answer(new Browserless(this.port), riverside, runner(), "true", "R.1");
		answer(new Browserless(this.port), hilltop, runner(), "true", "H.1");
		answer(new Browserless(this.port), riverside, runner(), "true", "R.2");
		List<Long> numericIds = this.jdbc.queryForList("select id from submission", Long.class);
		String rowId = this.jdbc.queryForObject("select public_id from submission where reference = 'R.2'",
				String.class);

		List<String> hrefs = this.physio.get(riverside.dashboard()).document().select("tbody a").eachAttr("href");
		assertThat(hrefs).hasSize(2)
			.allSatisfy((href) -> assertThat(href).matches(riverside.dashboard() + "/submissions/[A-Za-z0-9]{22}"))
			.contains(riverside.dashboard() + "/submissions/" + rowId);
		Document detail = this.physio.get(riverside.dashboard() + "/submissions/" + rowId).document();
		assertThat(detail.text()).contains("R.2");
		assertThat(detail.select("a[href$=/fhir]").attr("href"))
			.isEqualTo(riverside.dashboard() + "/submissions/" + rowId + "/fhir");
		assertThat(detail.select("form[action$=/delete]").attr("action"))
			.isEqualTo(riverside.dashboard() + "/submissions/" + rowId + "/delete");
		JsonNode fhir = this.json
			.readTree(this.physio.get(riverside.dashboard() + "/submissions/" + rowId + "/fhir").body());
		assertThat(fhir.get("id").asString()).isEqualTo("submission-" + rowId);
		String secret = riverside.dashboard().substring("/clinic/".length());
		JsonNode listed = this.json.readTree(this.physio.get("/api/v1/links/" + secret + "/submissions").body());
		List<String> apiIds = new ArrayList<>();
		listed.forEach((submission) -> apiIds.add(submission.get("id").asString()));
		assertThat(apiIds).hasSize(2).contains(rowId).allSatisfy((id) -> assertThat(id).hasSize(22));

		for (long numericId : numericIds) {
			assertThat(this.physio.get(riverside.dashboard() + "/submissions/" + numericId).status()).isEqualTo(404);
		}
		String hilltopId = this.jdbc.queryForObject("select public_id from submission where reference = 'H.1'",
				String.class);
		assertThat(this.physio.get(riverside.dashboard() + "/submissions/" + hilltopId).status())
			.as("another link's submission")
			.isEqualTo(404);
		assertThat(this.physio.post(riverside.dashboard() + "/submissions/" + hilltopId + "/delete", Map.of()).status())
			.isEqualTo(404);
		assertThat(count("submission")).isEqualTo(3);
	}

	/**
	 * Without a configured public address, a forged Host header must not become the
	 * address of the links a physio hands out (or of the API's Location): they point at
	 * this machine instead.
	 */
	@Test
	void aForgedHostHeaderNeverBecomesTheAddressOfTheLinks() throws Exception {
		String forged = "evil.example:8443";
		String created = rawHttp("POST /api/v1/links HTTP/1.0", forged,
				"{\"clinicName\": \"Riverside Physio\", \"days\": 30}");
		assertThat(created).matches("(?s)HTTP/1\\.\\d 201 .*").doesNotContain("evil.example");
		String local = "http://localhost:" + this.port + "/";
		JsonNode body = this.json.readTree(created.substring(created.indexOf("\r\n\r\n") + 4));
		assertThat(body.get("clientUrl").asString()).startsWith(local + "c/");
		assertThat(body.get("dashboardUrl").asString()).startsWith(local + "clinic/");
		String dashboard = body.get("dashboardUrl").asString().substring(local.length() - 1);
		String page = rawHttp("GET " + dashboard + " HTTP/1.0", forged, null);
		assertThat(page).matches("(?s)HTTP/1\\.\\d 200 .*")
			.contains("value=\"" + local + "c/")
			.doesNotContain("evil.example");
		assertThat(this.physio.get(dashboard).document().getElementById("client-url").val())
			.as("this machine's own address is kept as asked for")
			.startsWith("http://127.0.0.1:" + this.port + "/c/");
	}

	/**
	 * One request with the Host header given, which Java's HTTP client will not forge.
	 */
	private String rawHttp(String requestLine, String host, String json) throws java.io.IOException {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			byte[] body = (json != null) ? json.getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0];
			String head = requestLine
					+ "\r\nHost: " + host + "\r\nConnection: close\r\n" + ((json != null)
							? "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n" : "")
					+ "\r\n";
			socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			socket.getOutputStream().write(body);
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/**
	 * Distances in miles are stored in kilometres, to the metre, and every view of the
	 * stored answers opens: the client's result, the physio's detail page, the CSV, the
	 * FHIR export and the API.
	 */
	@Test
	void aRunnerInMilesSharesAndEveryViewOpens() {
		Link link = createLink("Riverside Physio", "", 30);
		Map<String, String> miles = runner();
		miles.put("unit", "MILES");
		miles.put(PageFields.WEEKLY, "9");
		miles.put(PageFields.BASELINE_WEEKLY, "9");
		miles.put(PageFields.LONGEST, "0.1");
		miles.put(PageFields.BASELINE_LONGEST, "0.1");
		Browserless client = new Browserless(this.port);
		Browserless.Page stored = answer(client, link, miles, "true", "M.I.");
		assertThat(stored.status()).isEqualTo(302);
		assertThat(client.get(stored.location().replaceFirst("^https?://[^/]+", "")).status()).isEqualTo(200);
		String detail = this.physio.get(link.dashboard()).document().selectFirst("tbody a").attr("href");
		assertThat(this.physio.get(detail).document().text()).contains("Distance in the last 7 days (km) 14.484");
		assertThat(this.physio.get(detail + "/fhir").status()).isEqualTo(200);
		assertThat(this.physio.get(link.dashboard() + "/submissions.csv").body())
			.contains(",14.484,14.484,0.161,0.161,");
		assertThat(this.physio.get("/api/v1/links/" + link.dashboard().substring("/clinic/".length()) + "/submissions")
			.status()).isEqualTo(200);
	}

	/**
	 * A client path whose secret could not be a secret goes nowhere near a redirect or a
	 * lookup: the same not-found page, for every step and method.
	 */
	@Test
	void aMalformedClientSecretIsTheNotFoundPageOnEveryStep() {
		List<Browserless.Page> pages = new ArrayList<>();
		for (String step : List.of("", "/assessment", "/safety", "/result", "/consent", "/edit",
				"/emergency-consent")) {
			pages.add(this.physio.get("/c/%7Bfoo%7D" + step));
			if (!step.isEmpty() && !step.equals("/assessment")) {
				pages.add(this.physio.post("/c/%7Bfoo%7D" + step, runner()));
			}
		}
		assertThat(pages).hasSize(12).allSatisfy((page) -> {
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.document().selectFirst("h1").text()).isEqualTo("This link does not work");
		});
	}

	/**
	 * Indexed, nested or map-style names are refused next to the field they imitate, on
	 * every form of the client's check, consent included; never a 500, and nothing
	 * stored.
	 */
	@Test
	void namesTheFormsDoNotHaveAreRefusedWithAFieldError() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless client = new Browserless(this.port);
		client.get(link.client() + "/assessment");
		Map<String, String> safety = new LinkedHashMap<>(ALL_NO);
		safety.put("saddleNumbness[0]", "true");
		Document safetyPage = client.post(link.client() + "/safety", safety).document();
		assertThat(safetyPage.getElementById("saddleNumbness-error").text()).contains("choices or box shown");
		Map<String, String> answers = runner();
		answers.put(PageFields.AGE + "[0]", "40");
		answers.put(PageFields.CONDITIONS + "[a]", "HERNIATED_DISC");
		Document questionnaire = client.post(link.client() + "/result", answers).document();
		assertThat(questionnaire.select(".error-summary a").eachAttr("href")).containsExactly("#" + PageFields.AGE,
				"#" + PageFields.CONDITIONS);
		Map<String, String> decision = runner();
		decision.put("share[0]", "true");
		decision.put("reference", "J.D.");
		Browserless.Page consent = client.post(link.client() + "/consent", decision);
		assertThat(consent.status()).isEqualTo(200);
		assertThat(consent.document().selectFirst(".error-summary").text()).contains("Select yes to share");
		assertThat(count("submission")).isZero();
		Map<String, String> newLink = new LinkedHashMap<>(Map.of("clinicName[0]", "X", "days", "30"));
		Browserless.Page created = this.physio.post("/clinic/new", newLink);
		assertThat(created.status()).isEqualTo(400);
		assertThat(created.document().select(".error-summary a").eachAttr("href")).contains("#clinicName");
	}

	@Test
	void secretPagesStayOutOfCachesReferrersAndSearchEngines() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless.Page stored = answer(new Browserless(this.port), link, runner(), "true", "J.D.");
		String result = stored.location().replaceFirst("^https?://[^/]+", "");
		for (String path : List.of(link.dashboard(), link.client(), link.client() + "/assessment", result,
				link.dashboard() + "/submissions.csv", link.dashboard() + "/qr.svg",
				"/api/v1/links/" + link.dashboard().substring("/clinic/".length()) + "/submissions")) {
			Browserless.Page page = this.physio.get(path);
			assertThat(page.header("Cache-Control"))
				.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
			assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
			assertThat(page.header("X-Robots-Tag"))
				.hasValueSatisfying((value) -> assertThat(value).contains("noindex"));
		}
	}

	@Test
	void csvExportsEverySubmissionAndDefusesFormulas() {
		Link link = createLink("Riverside Physio", "", 30);
		answer(new Browserless(this.port), link, runner(), "true", "=HYPERLINK(\"x\")");
		Browserless.Page csv = this.physio.get(link.dashboard() + "/submissions.csv");
		assertThat(csv.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0])
			.startsWith("submittedAt,reference,referral,level,score,rulesVersion,questionnaireVersion,referralMeaning,"
					+ Question.SADDLE_NUMBNESS.name());
		assertThat(lines[1]).contains("\"'=HYPERLINK(\"\"x\"\")\"",
				"ROUTINE,MODERATE," + runnersScore() + "," + this.rules.table().version() + ",2,Routine,",
				"PREVIOUS_SCIATICA", "ONE_LEG");

		answer(new Browserless(this.port), link, runner(), "true", "x;=1+1;y");
		String semicolons = this.physio.get(link.dashboard() + "/submissions.csv").body();
		assertThat(semicolons).contains(",\"x;'=1+1;y\",");
		for (char separator : new char[] { ',', ';' }) {
			assertThat(SubmissionCsvTests.parse(semicolons, separator).stream().flatMap(List::stream))
				.as("read with '%s'", separator)
				.noneMatch(SubmissionCsvTests::startsFormula);
		}
	}

	@Test
	void theApiCreatesLinksAndListsSharedSubmissions() {
		Browserless.Page created = this.physio.postJson("/api/v1/links",
				"{\"clinicName\": \"API Clinic\", \"message\": \"Hello\", \"days\": 14}");
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = this.json.readTree(created.body());
		String client = body.get("clientUrl").asString().replaceFirst("^https?://[^/]+", "");
		String dashboard = body.get("dashboardUrl").asString().replaceFirst("^https?://[^/]+", "");
		answer(new Browserless(this.port), new Link(dashboard, client), runner(), "true", "A.P.");
		String secret = dashboard.substring("/clinic/".length());
		Browserless.Page listed = this.physio.get("/api/v1/links/" + secret + "/submissions");
		assertThat(listed.status()).isEqualTo(200);
		JsonNode submission = this.json.readTree(listed.body()).get(0);
		assertThat(submission.get("reference").asString()).isEqualTo("A.P.");
		assertThat(submission.get("answers").get(Question.LONGEST_RUN_KM.name()).asDouble()).isEqualTo(15.0);
		assertThat(submission.get("answers").get(Question.CONDITIONS.name()).get(0).asString())
			.isEqualTo("PREVIOUS_SCIATICA");
		assertThat(submission.get("result").get("referral").asString()).isEqualTo("ROUTINE");
		assertThat(submission.get("result").get("score").asInt()).isEqualTo(runnersScore());
		assertThat(this.physio.get("/api/v1/links/" + "B".repeat(43) + "/submissions").status()).isEqualTo(404);
	}

	@Test
	void theApiRefusesBadLinksNamingEachFieldAndStoresNothing() {
		Browserless.Page bad = this.physio.postJson("/api/v1/links",
				"{\"clinicName\": \"\", \"message\": \"" + "m".repeat(501) + "\", \"days\": 400, \"colour\": 1}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(bad.body());
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactly("clinicName", "colour", "days", "message");
		assertThat(count("share_link")).isZero();
	}

	private double medianMillis(String path) {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			this.physio.get(path);
			times.add(System.nanoTime() - start);
		}
		times.sort(Long::compare);
		return times.get(times.size() / 2) / 1_000_000.0;
	}

}
