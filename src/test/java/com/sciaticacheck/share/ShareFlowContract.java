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

import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import com.sciaticacheck.support.ClinicLinks.Link;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.RunningAppTest;
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
 * H2 and on PostgreSQL by the subclasses. The physio is signed in to a clinic account,
 * and makes links and reads answers through its pages.
 */
@RunningAppTest
abstract class ShareFlowContract {

	static final Map<String, String> ALL_NO = RunnerFixture.safetyNo();

	static final String PHYSIO = "physio@riverside.example";

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
		ClinicAccounts.deleteAll(this.jdbc);
		this.clock.set(Instant.now());
		this.physio = new Browserless(this.port);
		ClinicAccounts.signIn(this.physio, this.jdbc, PHYSIO);
	}

	/** A link as the signed-in physio creates it on the page. */
	Link createLink(String clinic, String message, int days) {
		return ClinicLinks.create(this.physio, clinic, message, days);
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
		return this.physio.get(this.physio.get(link.page()).document().selectFirst("tbody a").attr("href")).document();
	}

	/** The "every answer" part of a submission's page, after the clinician summary. */
	static Element everyAnswer(Document detail) {
		return detail.getElementById("answers-heading").parent();
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
		Document linkPage = this.physio.get(link.page()).document();
		assertThat(linkPage.text()).contains("Riverside Physio", "Link for your clients", "No client has shared");
		assertThat(linkPage.selectFirst("img.qr").attr("src")).isEqualTo(link.page() + "/qr.svg");
		assertThat(this.physio.get(link.page() + "/qr.svg").body()).startsWith("<svg");

		Browserless client = new Browserless(this.port);
		Document landing = client.get(link.client()).document();
		assertThat(landing.selectFirst("h1").text()).isEqualTo("Riverside Physio asked you to complete this check");
		assertThat(landing.text()).contains("Please fill this in before Tuesday.");

		Browserless.Page stored = answer(client, link, runner(), "true", "J.D.");
		assertThat(stored.status()).isEqualTo(302);
		String resultPath = ClinicLinks.path(stored.location());
		assertThat(resultPath).matches("/r/[A-Za-z0-9_-]{43}");
		Document result = client.get(resultPath).document();
		String score = runnersScore() + " out of 100";
		assertThat(result.text()).contains("shared with Riverside Physio", score,
				"Book an appointment with a professional");

		for (String list : List.of("/clinic", link.page())) {
			Element row = this.physio.get(list).document().selectFirst("tbody tr");
			assertThat(row.text()).as(list).contains("J.D.", "Routine", "One leg", "4/10", "Riverside Physio");
			assertThat(row.hasClass("pinned") || row.hasClass("this-week")).isFalse();
		}
		Element row = this.physio.get("/clinic").document().selectFirst("tbody tr");
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
		assertThat(this.physio.get(link.page()).document().text()).contains("No client has shared");
		assertThat(this.physio.get("/clinic").document().text()).contains("No client has shared");
		assertThat(client.get(resultPath).status()).isEqualTo(404);
	}

	@Test
	void physioDeletesOneSubmissionThenTheWholeLink() {
		Link link = createLink("Riverside Physio", "", 30);
		answer(new Browserless(this.port), link, runner(), "true", "ref-alpha");
		answer(new Browserless(this.port), link, runner(), "true", "ref-beta");
		String firstDetail = this.physio.get(link.page()).document().select("tbody a").get(1).attr("href");
		assertThat(firstDetail).startsWith("/clinic/submissions/");
		Browserless.Page deletedOne = this.physio.post(firstDetail + "/delete", Map.of());
		assertThat(deletedOne.status()).isEqualTo(302);
		assertThat(this.physio.follow(deletedOne).document().text()).contains("The answers were deleted", "ref-beta")
			.doesNotContain("ref-alpha");
		assertThat(count("submission")).isEqualTo(1);

		assertThat(this.physio.get(link.page() + "/delete").document().selectFirst("h1").text())
			.isEqualTo("Delete this link and all its answers?");
		Browserless.Page deleting = this.physio.post(link.page() + "/delete", Map.of());
		assertThat(deleting.status()).as("redirect, so a reload does not delete again").isEqualTo(302);
		Document dashboard = this.physio.follow(deleting).document();
		assertThat(dashboard.selectFirst("[role=status]").text())
			.isEqualTo("The link and all its answers are deleted.");
		assertThat(dashboard.text()).contains("You have no links yet");
		assertThat(count("share_link")).isZero();
		assertThat(count("submission")).isZero();
		assertThat(this.physio.get(link.page()).status()).isEqualTo(404);
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
		Document dashboard = this.physio.get("/clinic").document();
		assertThat(dashboard.selectFirst("tbody tr").text()).as("the tier and why, and no pain asked")
			.contains("Emergency", "Saddle numbness")
			.doesNotContain("/10");
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
		for (String list : List.of("/clinic", link.page())) {
			List<Element> rows = this.physio.get(list).document().select("tbody tr");
			assertThat(rows).as(list)
				.extracting(Element::text)
				.satisfiesExactly((today) -> assertThat(today).contains("urgent one", "Today"),
						(week) -> assertThat(week).contains("soon one", "This week"),
						(routine) -> assertThat(routine).contains("newer routine", "Routine"));
			assertThat(rows).as(list).extracting(Element::className).containsExactly("pinned", "this-week", "");
			assertThat(rows.get(1).selectFirst(".tag").hasClass("tag-soon")).isTrue();
		}
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
		Document page = newestDetail(link);
		String summary = page.getElementById("summary-heading").parent().text();
		String detail = everyAnswer(page).text() + " ";
		for (Question<Boolean> question : Question.SAFETY_CHECK) {
			assertThat(summary).as("the clinician summary").contains(label(question) + " No ");
			assertThat(detail).contains(label(question) + " No ");
		}
		assertThat(detail).contains(label(Question.SYMPTOMS) + " None ", label(Question.WARNING_SIGNS) + " None ",
				label(Question.SMOKER) + " No ", label(Question.INTENSITY_CHANGE) + " ");
		assertThat(detail).as("only the optional questions left empty")
			.contains(label(Question.HEIGHT_CM) + " (not answered)");
		assertThat(detail.split("\\(not answered\\)", -1)).hasSize(4);
		String csv = this.physio.get(link.csv()).body();
		assertThat(csv.lines().toList().get(1)).as("no, no height or weight, none of the symptoms or signs")
			.contains(",Routine,false,false,false,false,false,false,44,,,false,", ",ONE_LEG,5,4,NONE,NONE");
	}

	@Test
	void aRevokedLinkTakesNoAnswersAndSaysSoKindly() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless client = new Browserless(this.port);
		client.get(link.client() + "/assessment");
		client.post(link.client() + "/safety", ALL_NO);
		assertThat(this.physio.post(link.page() + "/revoke", Map.of()).location()).endsWith("?revoked");
		Browserless.Page closed = client.get(link.client());
		assertThat(closed.status()).isEqualTo(410);
		assertThat(closed.document().selectFirst("h1").text()).isEqualTo("This link no longer takes answers");
		Map<String, String> decision = runner();
		decision.put("share", "true");
		assertThat(client.post(link.client() + "/consent", decision).status()).isEqualTo(410);
		assertThat(count("submission")).isZero();
		assertThat(this.physio.get(link.page()).document().text()).contains("takes no more answers");
		assertThat(this.physio.get("/clinic").document().select(".link-list li").text())
			.isEqualTo("Riverside Physio closed");
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
		// a week on, the sign-in has long timed out
		assertThat(this.physio.get(link.page()).location()).endsWith("/clinic/sign-in");
		ClinicAccounts.signIn(this.physio, this.jdbc, PHYSIO);
		assertThat(this.physio.get(link.page()).status()).isEqualTo(404);
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

	/**
	 * Every secret is stored only as its hash: a result link's, an old dashboard's and
	 * its client link's, a trusted browser's, the password. The one exception is on
	 * purpose: an account's link keeps its client secret, so its page can show the link
	 * and its QR code again (it only lets someone answer the questionnaire).
	 */
	@Test
	void theDatabaseHoldsNoSecretInClear() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless.Page stored = answer(new Browserless(this.port), link, runner(), "true", "J.D.");
		LinksBeforeAccounts.OldLink old = LinksBeforeAccounts.insert(this.jdbc, "Old Clinic", 30, this.clock.instant());
		List<String> secrets = List.of(stored.location().replaceFirst(".*/r/", ""), old.dashboardSecret(),
				old.client().substring("/c/".length()), this.physio.cookie("device").orElseThrow());
		assertThat(secrets).allSatisfy((secret) -> assertThat(secret).hasSize(43));
		String everything = everyRow("share_link", "submission", "account", "trusted_device", "access_event",
				"spring_session", "spring_session_attributes");
		assertThat(secrets).allSatisfy((secret) -> assertThat(everything).doesNotContain(secret));
		assertThat(everything).doesNotContain(ClinicAccounts.PASSWORD);
		assertThat(everything).doesNotContain("127.0.0.1").doesNotContainIgnoringCase("mozilla");
		assertThat(this.jdbc.queryForList("select client_secret from share_link where client_secret is not null",
				String.class))
			.as("only the account's link keeps its client secret")
			.containsExactly(link.clientSecret());
	}

	/** Every row of the tables as text, bytes read as Latin-1 so no byte is lost. */
	private String everyRow(String... tables) {
		StringBuilder text = new StringBuilder();
		for (String table : tables) {
			for (Map<String, Object> row : this.jdbc.queryForList("select * from " + table)) {
				row.values()
					.forEach((value) -> text.append((value instanceof byte[] bytes)
							? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(value))
						.append('\n'));
			}
		}
		return text.toString();
	}

	@Test
	void physioFormRefusesBadInputWithErrorsAndStoresNothing() {
		this.physio.get("/clinic/links/new");
		Document page = this.physio
			.post("/clinic/links/new", Map.of("clinicName", " ", "message", "m".repeat(501), "days", "366"))
			.document();
		assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#clinicName", "#message",
				"#days");
		assertThat(page.getElementById("days").val()).isEqualTo("366");
		Document tooLong = this.physio
			.post("/clinic/links/new", Map.of("clinicName", "c".repeat(81), "message", "", "days", "six"))
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
		this.physio.get("/clinic/links/new");
		Browserless.Page page = this.physio.post("/clinic/links/new",
				Map.of("clinicName", "Riverside Physio", "days", "30", "days[0]", "1", "message.x", "hi"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.document().select(".error-summary a").eachAttr("href")).containsExactly("#message", "#days");
		assertThat(count("share_link")).isZero();
	}

	@Test
	void controlCharactersInFreeTextAreRefusedClearly() {
		this.physio.get("/clinic/links/new");
		Document page = this.physio
			.post("/clinic/links/new",
					Map.of("clinicName", "Nul\u0000Clinic", "message", "Line one\nLine\u0000two", "days", "30"))
			.document();
		assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#clinicName", "#message");
		Link link = createLink("Riverside Physio", "Line one\nline two", 30);
		Browserless.Page consent = answer(new Browserless(this.port), link, runner(), "true", "J\u0000D");
		assertThat(consent.status()).isEqualTo(200);
		assertThat(consent.document().getElementById("reference-error").text()).contains("control characters");
		assertThat(count("submission")).isZero();
		assertThat(count("share_link")).isEqualTo(1);
	}

	/**
	 * Bidi overrides, isolates and marks could make a clinic's name read as another's,
	 * and zero-width characters make look-alike names differ: refused next to the field,
	 * every one of them.
	 */
	@Test
	void clinicNamesAndMessagesRefuseBidiOverridesAndZeroWidthCharacters() {
		this.physio.get("/clinic/links/new");
		Document page = this.physio
			.post("/clinic/links/new",
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
			Browserless.Page refused = this.physio.post("/clinic/links/new",
					Map.of("clinicName", "Clinic" + c + "Name", "days", "30"));
			assertThat(refused.status()).as("U+%04X", (int) c).isEqualTo(200);
			assertThat(refused.document().select(".error-summary a").eachAttr("href")).as("U+%04X", (int) c)
				.containsExactly("#clinicName");
		}
		assertThat(count("share_link")).isZero();
		Link link = createLink("Clínica São João — Ørsted", "Line one\nمرحبا", 30);
		assertThat(this.physio.get("/clinic").document().select(".link-list a").text())
			.isEqualTo("Clínica São João — Ørsted");
		// the client's reference shows on the physio's dashboard too
		Browserless.Page consent = answer(new Browserless(this.port), link, runner(), "true", "J\u202EDoe");
		assertThat(consent.document().getElementById("reference-error").text()).contains("hidden marks");
		assertThat(count("submission")).isZero();
	}

	/**
	 * A form posted from another site rides on the physio's session cookie but cannot
	 * know the token of the session: refused, nothing changed, whether the physio is
	 * signed in or not.
	 */
	@Test
	void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
		Link link = createLink("Riverside Physio", "", 30);
		Map<String, String> forged = Map.of("clinicName", "Forged", "days", "30");
		assertThat(this.physio.postWithout("/clinic/links/new", forged, null).status()).isEqualTo(403);
		assertThat(this.physio.postWithout(link.page() + "/revoke", Map.of(), "not-the-token").status()).isEqualTo(403);
		assertThat(this.physio.postWithout(link.page() + "/delete", Map.of(), null).status()).isEqualTo(403);
		Browserless stranger = new Browserless(this.port);
		assertThat(stranger.postWithout("/clinic/links/new", forged, null).status()).isEqualTo(403);
		assertThat(stranger.postWithout(link.page() + "/revoke", Map.of(), stranger.token()).status())
			.as("a runner page's token is no clinic session's")
			.isEqualTo(403);
		assertThat(count("share_link")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from share_link where revoked_at is null", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void wrongOrGuessedSecretsGetTheSameNotFoundPage() {
		Link link = createLink("Riverside Physio", "", 30);
		String guess = "A".repeat(43);
		String guessedId = "A".repeat(22);
		List<String> bodies = new ArrayList<>();
		for (String path : List.of("/c/" + guess, "/c/short", "/clinic/" + guess, "/r/" + guess,
				"/clinic/links/" + guessedId, "/clinic/links/" + guessedId + "/submissions.csv",
				"/clinic/submissions/" + guessedId, "/clinic/submissions/" + guessedId + "/fhir",
				"/clinic/links/short")) {
			Browserless.Page page = this.physio.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.document().selectFirst("h1").text()).as(path).isEqualTo("This link does not work");
			bodies.add(page.document().selectFirst("main").outerHtml());
		}
		assertThat(bodies).as("no hint of which kind of secret was wrong").containsOnly(bodies.get(0));
		assertThat(this.physio.get("/clinic/submissions/999").status()).isEqualTo(404);
		// the same lookup serves right and wrong ids; print the times so a change stands
		// out
		System.out.printf("link lookup, median of 20: right %.2f ms, wrong %.2f ms%n", medianMillis(link.page()),
				medianMillis("/clinic/links/" + guessedId));
	}

	/**
	 * Submissions are named by random public ids in every address and export: the numeric
	 * id counts across all clinics, so it told a physio how many answers other clinics
	 * had received. An id works only for the account whose link took it.
	 */
	@Test
	void submissionsAreNamedByRandomPublicIdsNeverByTheCountingId() {
		Link riverside = createLink("Riverside Physio", "", 30);
		Browserless hilltopPhysio = new Browserless(this.port);
		ClinicAccounts.signIn(hilltopPhysio, this.jdbc, "physio@hilltop.example");
		Link hilltop = ClinicLinks.create(hilltopPhysio, "Hilltop Clinic", "", 30);
		answer(new Browserless(this.port), riverside, runner(), "true", "R.1");
		answer(new Browserless(this.port), hilltop, runner(), "true", "H.1");
		answer(new Browserless(this.port), riverside, runner(), "true", "R.2");
		List<Long> numericIds = this.jdbc.queryForList("select id from submission", Long.class);
		String rowId = this.jdbc.queryForObject("select public_id from submission where reference = 'R.2'",
				String.class);

		List<String> hrefs = this.physio.get("/clinic").document().select("tbody a").eachAttr("href");
		assertThat(hrefs).hasSize(2)
			.allSatisfy((href) -> assertThat(href).matches("/clinic/submissions/[A-Za-z0-9]{22}"))
			.contains("/clinic/submissions/" + rowId);
		Document detail = this.physio.get("/clinic/submissions/" + rowId).document();
		assertThat(detail.text()).contains("R.2");
		assertThat(detail.select("a[href$=/fhir]").attr("href")).isEqualTo("/clinic/submissions/" + rowId + "/fhir");
		assertThat(detail.select("form[action$=/delete]").attr("action"))
			.isEqualTo("/clinic/submissions/" + rowId + "/delete");
		JsonNode fhir = this.json.readTree(this.physio.get("/clinic/submissions/" + rowId + "/fhir").body());
		assertThat(fhir.get("id").asString()).isEqualTo("submission-" + rowId);

		for (long numericId : numericIds) {
			assertThat(this.physio.get("/clinic/submissions/" + numericId).status()).isEqualTo(404);
		}
		String hilltopId = this.jdbc.queryForObject("select public_id from submission where reference = 'H.1'",
				String.class);
		assertThat(this.physio.get("/clinic/submissions/" + hilltopId).status()).as("another account's submission")
			.isEqualTo(404);
		assertThat(this.physio.post("/clinic/submissions/" + hilltopId + "/delete", Map.of()).status()).isEqualTo(404);
		assertThat(count("submission")).isEqualTo(3);
	}

	/**
	 * Without a configured public address, a forged Host header must not become the
	 * address of the links a physio hands out: they point at this machine instead.
	 */
	@Test
	void aForgedHostHeaderNeverBecomesTheAddressOfTheLinks() throws Exception {
		String forged = "evil.example:8443";
		Link link = createLink("Riverside Physio", "", 30);
		String cookie = "session=" + this.physio.cookie("session").orElseThrow();
		String page = rawHttp("GET " + link.page() + " HTTP/1.0", forged, cookie);
		String local = "http://localhost:" + this.port + "/";
		assertThat(page).matches("(?s)HTTP/1\\.\\d 200 .*")
			.contains("value=\"" + local + "c/")
			.doesNotContain("evil.example");
		assertThat(this.physio.get(link.page()).document().getElementById("client-url").val())
			.as("this machine's own address is kept as asked for")
			.startsWith("http://127.0.0.1:" + this.port + "/c/");
	}

	/**
	 * One request with the Host header given, which Java's HTTP client will not forge.
	 */
	private String rawHttp(String requestLine, String host, String cookie) throws java.io.IOException {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			String head = requestLine + "\r\nHost: " + host + "\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/**
	 * Distances in miles are stored in kilometres, to the metre, and every view of the
	 * stored answers opens: the client's result, the physio's detail page, both CSVs and
	 * the FHIR export.
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
		assertThat(client.get(ClinicLinks.path(stored.location())).status()).isEqualTo(200);
		String detail = this.physio.get("/clinic").document().selectFirst("tbody a").attr("href");
		assertThat(everyAnswer(this.physio.get(detail).document()).text())
			.contains("Distance in the last 7 days (km) 14.484");
		assertThat(this.physio.get(detail + "/fhir").status()).isEqualTo(200);
		for (String csv : List.of(link.csv(), "/clinic/submissions.csv")) {
			assertThat(this.physio.get(csv).body()).as(csv).contains(",14.484,14.484,0.161,0.161,");
		}
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
		this.physio.get("/clinic/links/new");
		Browserless.Page created = this.physio.post("/clinic/links/new", newLink);
		assertThat(created.status()).isEqualTo(400);
		assertThat(created.document().select(".error-summary a").eachAttr("href")).contains("#clinicName");
	}

	@Test
	void secretPagesStayOutOfCachesReferrersAndSearchEngines() {
		Link link = createLink("Riverside Physio", "", 30);
		Browserless.Page stored = answer(new Browserless(this.port), link, runner(), "true", "J.D.");
		String result = ClinicLinks.path(stored.location());
		String submission = this.physio.get("/clinic").document().selectFirst("tbody a").attr("href");
		for (String path : List.of("/clinic", link.page(), link.csv(), link.page() + "/qr.svg", submission,
				submission + "/fhir", "/clinic/submissions.csv", "/clinic/links/new", link.client(),
				link.client() + "/assessment", result)) {
			Browserless.Page page = this.physio.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.header("Cache-Control")).as(path)
				.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
			assertThat(page.header("Referrer-Policy")).as(path).hasValue("no-referrer");
			assertThat(page.header("X-Robots-Tag")).as(path)
				.hasValueSatisfying((value) -> assertThat(value).contains("noindex"));
		}
	}

	@Test
	void csvExportsEverySubmissionAndDefusesFormulas() {
		Link link = createLink("Riverside Physio", "", 30);
		answer(new Browserless(this.port), link, runner(), "true", "=HYPERLINK(\"x\")");
		for (String path : List.of(link.csv(), "/clinic/submissions.csv")) {
			Browserless.Page csv = this.physio.get(path);
			assertThat(csv.header("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
			String[] lines = csv.body().split("\r\n");
			assertThat(lines).as(path).hasSize(2);
			assertThat(lines[0]).as(path)
				.startsWith("submittedAt,reference,referral,level,score,rulesVersion,questionnaireVersion,"
						+ "referralMeaning," + Question.SADDLE_NUMBNESS.name());
			assertThat(lines[1]).as(path)
				.contains("\"'=HYPERLINK(\"\"x\"\")\"",
						"ROUTINE,MODERATE," + runnersScore() + "," + this.rules.table().version() + ",3,Routine,",
						"PREVIOUS_SCIATICA", "ONE_LEG");
		}

		answer(new Browserless(this.port), link, runner(), "true", "x;=1+1;y");
		for (String path : List.of(link.csv(), "/clinic/submissions.csv")) {
			String semicolons = this.physio.get(path).body();
			assertThat(semicolons).as(path).contains(",\"x;'=1+1;y\",");
			for (char separator : new char[] { ',', ';' }) {
				assertThat(SubmissionCsvTests.parse(semicolons, separator).stream().flatMap(List::stream))
					.as("%s read with '%s'", path, separator)
					.noneMatch(SubmissionCsvTests::startsFormula);
			}
		}
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
