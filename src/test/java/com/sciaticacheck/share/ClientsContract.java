package com.sciaticacheck.share;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.RunningAppTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A physio's clients over real HTTP against a real database, run on the embedded H2 and
 * on PostgreSQL by the subclasses: a client added under a label, their checks through
 * their own link over a test clock's weeks, their timeline (chart, table, words and what
 * changed), follow-ups and the dashboard's list of late ones, answers of a clinic-wide
 * link moved onto a timeline, deletion, and nothing of another account.
 *
 * <p>
 * The two pain averages ({@code legPainAverage}, {@code backPainAverage}) are questions
 * of the catalogue's own change: until the check asks them, a test writes them into the
 * stored answers under their API names, as the check will store them.
 */
@RunningAppTest
abstract class ClientsContract {

	static final String RIVERSIDE = "physio@riverside.example";

	static final String HILLTOP = "physio@hilltop.example";

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	RulesService rules;

	@Autowired
	ShareService share;

	@Autowired
	Clients clients;

	final JsonMapper json = JsonMapper.builder().build();

	/** The physio of Riverside, signed in. */
	Browserless physio;

	long account;

	@BeforeEach
	void cleanStart() {
		ClinicAccounts.deleteAll(this.jdbc);
		// midday, so three weeks later is the same time of day, never the day before
		this.clock.set(LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC));
		this.physio = new Browserless(this.port);
		this.account = ClinicAccounts.signIn(this.physio, this.jdbc, RIVERSIDE);
	}

	/** A client's page in the clinic, and their own link's path. */
	record ClientPages(String page, String link) {
	}

	/** Adds a client through the form, as the physio does, and reads their link. */
	ClientPages addClient(String label, String followUp) {
		this.physio.get("/clinic/clients");
		Browserless.Page added = this.physio.post("/clinic/clients",
				Map.of("label", label, "followUp", followUp, "days", "180"));
		assertThat(added.status()).as(added.body()).isEqualTo(302);
		String page = ClinicLinks.path(added.location());
		assertThat(page).matches("/clinic/clients/[A-Za-z0-9]{22}\\?added");
		page = page.replace("?added", "");
		Document client = this.physio.get(page).document();
		return new ClientPages(page, ClinicLinks.path(client.getElementById("client-url").val()));
	}

	/**
	 * A client's check through a link, shared with consent: the path of their result
	 * page.
	 */
	String check(String link, RunnerFixture runner) {
		Browserless client = new Browserless(this.port);
		assertThat(client.get(link).status()).isEqualTo(200);
		client.get(link + "/assessment");
		Document questionnaire = client.post(link + "/safety", ShareFlowContract.ALL_NO).document();
		Map<String, String> answers = new LinkedHashMap<>(runner.page());
		// a client's later checks also ask how they are since the last one
		if (!questionnaire.select("input[name=" + Question.CHANGE_SINCE_LAST_CHECK.pageName() + "]").isEmpty()) {
			answers.put(Question.CHANGE_SINCE_LAST_CHECK.pageName(), "BETTER");
		}
		Browserless.Page consent = client.post(link + "/result", answers);
		assertThat(consent.document().selectFirst("h1").text()).isEqualTo("Before your result: share it?");
		Map<String, String> decision = new LinkedHashMap<>(answers);
		decision.put("share", "true");
		Browserless.Page stored = client.post(link + "/consent", decision);
		assertThat(stored.status()).as(stored.body()).isEqualTo(302);
		return ClinicLinks.path(stored.location());
	}

	/**
	 * Writes the two pain averages into the newest stored answers under their API names,
	 * as the check stores them once it asks them.
	 */
	void painAverages(int leg, int back) {
		Map<String, Object> newest = this.jdbc
			.queryForMap("select id, answers from submission order by submitted_at desc, id desc limit 1");
		ObjectNode answers = (ObjectNode) this.json.readTree((String) newest.get("answers"));
		answers.put("legPainAverage", leg).put("backPainAverage", back);
		this.jdbc.update("update submission set answers = ? where id = ?", this.json.writeValueAsString(answers),
				((Number) newest.get("id")).longValue());
	}

	/** A runner in pain down one leg, whose longest run last week was a spike. */
	static RunnerFixture firstCheck() {
		return ShareFlowContract.runnerFixture();
	}

	/** Three weeks on: the same, with the pain for longer. */
	static RunnerFixture secondCheck() {
		return ShareFlowContract.runnerFixture().with(Question.PAIN_WEEKS, 8);
	}

	/**
	 * Six weeks on: the long run back to what it was, but no strength work any more, and
	 * less pain.
	 */
	static RunnerFixture thirdCheck() {
		return ShareFlowContract.runnerFixture()
			.with(Question.LONGEST_RUN_KM, 12.0)
			.with(Question.STRENGTH_SESSIONS_PER_WEEK, 0)
			.inPain(Pain.ONE_LEG, 11, 2);
	}

	Assessment assess(RunnerFixture runner) {
		return this.rules.assess(runner.answers());
	}

	/**
	 * Moves the test clock on by days, and signs the physio in again: a sign-in lasts 12
	 * hours.
	 */
	void daysLater(int days) {
		this.clock.advance(Duration.ofDays(days));
		ClinicAccounts.signIn(this.physio, this.jdbc, RIVERSIDE);
	}

	String today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).format(DAY);
	}

	int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	@Test
	void threeChecksOverSixWeeksMakeTheClientsTimeline() {
		Document list = this.physio.get("/clinic/clients").document();
		assertThat(list.getElementById("no-personal-details").text())
			.contains("never asks for a client's name, date of birth or contact details");
		ClientPages jd = addClient("JD", "none");
		assertThat(this.physio.get(jd.page()).document().text()).contains("Client JD", "No checks yet");

		String first = today();
		String result = check(jd.link(), firstCheck());
		painAverages(7, 4);
		assertThat(new Browserless(this.port).get(result).document().text()).contains("shared with Clinic of");
		daysLater(21);
		String second = today();
		check(jd.link(), secondCheck());
		painAverages(5, 4);
		daysLater(21);
		String third = today();
		check(jd.link(), thirdCheck());
		painAverages(3, 3);

		Document page = this.physio.get(jd.page()).document();
		Element chart = page.selectFirst("svg.timeline-chart");
		assertThat(chart.attr("role")).isEqualTo("img");
		assertThat(chart.select("polyline").eachAttr("class")).containsExactly("timeline-line timeline-score",
				"timeline-line timeline-leg", "timeline-line timeline-back");
		for (Element line : chart.select("polyline")) {
			assertThat(line.attr("points").split(" ")).as(line.className()).hasSize(3);
		}
		List<Assessment> checks = List.of(assess(firstCheck()), assess(secondCheck()), assess(thirdCheck()));
		assertThat(chart.select("circle.timeline-tier").eachAttr("class"))
			.containsExactlyElementsOf(checks.stream().map((a) -> "timeline-tier tier-" + a.referral()).toList());
		assertThat(chart.select("rect.timeline-band")).as("leg pain 2 and 4 points down").hasSize(2);
		int score = checks.get(0).score();
		int lastScore = checks.get(2).score();
		String scoreWords = (score == lastScore) ? "risk-factor score unchanged at " + score : "risk-factor score "
				+ ((lastScore < score) ? "down" : "up") + " from " + score + " to " + lastScore + " over 6 weeks";
		String words = "Leg pain down from 7 to 3 over 6 weeks; back pain down from 4 to 3 over 6 weeks; " + scoreWords
				+ ".";
		assertThat(chart.selectFirst("desc").text()).isEqualTo(words);
		assertThat(page.getElementById("timeline-trend").text()).isEqualTo(words);

		List<Element> rows = page.select("#checks tbody tr");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).text()).startsWith(first).contains(checks.get(0).score() + "/100", "7/10", "4/10");
		assertThat(rows.get(1).text()).startsWith(second).contains(checks.get(1).score() + "/100", "5/10", "4/10");
		assertThat(rows.get(2).text()).startsWith(third).contains(lastScore + "/100", "3/10", "3/10");
		assertThat(rows.get(0).selectFirst("a").attr("href")).startsWith("/clinic/submissions/");

		Element change = page.getElementById("last-change");
		assertThat(change.text()).contains("From " + second + " to " + third);
		assertThat(change.selectFirst("#factors-went").text()).contains("Training load",
				"Your longest run in the last 7 days was more than 10% longer");
		assertThat(change.selectFirst("#factors-appeared").text())
			.contains("You do not do strength exercises each week");
		List<Element> load = change.select("#load-change tbody tr");
		assertThat(load).extracting(Element::text)
			.contains("Longest run in the last 7 days (km) 15.0 12.0", "Distance in the last 7 days (km) 30.0 30.0");
	}

	/**
	 * The label is the physio's own short reference: too long, empty, an email address or
	 * hidden formatting is refused next to the field, and a label the account has already
	 * is refused too, so two clients are never mixed up.
	 */
	@Test
	void labelsAreShortReferencesNeverContactDetails() {
		this.physio.get("/clinic/clients");
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("", "Enter a label");
		refused.put("j.doe@example.com", "Use only letters, numbers, spaces");
		refused.put("x".repeat(31), "Enter 30 characters or fewer");
		refused.put("JD\u202E", "Use only letters, numbers, spaces");
		refused.put("-JD", "starting with a letter or number");
		refused.forEach((label, error) -> {
			Browserless.Page page = this.physio.post("/clinic/clients",
					Map.of("label", label, "followUp", "2", "days", "180"));
			assertThat(page.status()).as(label).isEqualTo(200);
			assertThat(page.document().select(".error-summary a").eachAttr("href")).as(label).containsExactly("#label");
			assertThat(page.document().getElementById("label-error").text()).as(label).contains(error);
		});
		Browserless.Page badChoice = this.physio.post("/clinic/clients",
				Map.of("label", "JD", "followUp", "3", "days", "5"));
		assertThat(badChoice.status()).as(badChoice.body()).isEqualTo(200);
		assertThat(badChoice.document().select(".error-summary a").eachAttr("href")).containsExactly("#followUp",
				"#days");
		assertThat(count("client")).isZero();

		addClient("  Ana-Sofía O'Neil 2026/014  ", "none");
		assertThat(this.jdbc.queryForObject("select label from client", String.class))
			.isEqualTo("Ana-Sofía O'Neil 2026/014");
		Browserless.Page again = this.physio.post("/clinic/clients",
				Map.of("label", "Ana-Sofía O'Neil 2026/014", "followUp", "none", "days", "180"));
		assertThat(again.document().getElementById("label-error").text())
			.contains("You already have a client with this label");
		assertThat(count("client")).isEqualTo(1);
		assertThat(count("share_link")).as("the client's own link").isEqualTo(1);
	}

	/**
	 * With a follow-up every 2 weeks, the client's result page says when the next check
	 * is due, from their last check; the dashboard lists them above the answers once that
	 * day has passed, by the app's clock.
	 */
	@Test
	void followUpsSayWhenTheNextCheckIsDueAndLateClientsAreListed() {
		ClientPages jd = addClient("JD", "2");
		ClientPages never = addClient("KL", "1");
		addClient("MN", "none");
		String result = check(jd.link(), firstCheck());
		LocalDate due = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusWeeks(2);
		Browserless client = new Browserless(this.port);
		org.jsoup.nodes.Element next = client.get(result).document().getElementById("next-check");
		assertThat(next.text()).contains("Your physio would like you to do this check again every 2 weeks.",
				"Your next check is due on " + due.format(LONG_DAY) + ".");
		assertThat(next.selectFirst("a").attr("href")).isEqualTo(jd.link() + "/assessment");
		assertThat(this.physio.get(jd.page()).document().getElementById("next-check-due").text())
			.isEqualTo("Their next check is due on " + due.format(LONG_DAY) + ".");
		assertThat(this.physio.get("/clinic").document().getElementById("overdue")).isNull();

		daysLater(8);
		Element overdue = this.physio.get("/clinic").document().getElementById("overdue");
		assertThat(overdue.select("li")).extracting(Element::text)
			.containsExactly(
					"KL: due on " + LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1).format(DAY)
							+ ", no check yet");
		assertThat(overdue.selectFirst("a").attr("href")).isEqualTo(never.page());

		daysLater(7);
		Document dashboard = this.physio.get("/clinic").document();
		assertThat(dashboard.getElementById("overdue").select("li a").eachText()).containsExactly("KL", "JD");
		assertThat(dashboard.getElementById("overdue").elementSiblingIndex()).as("above the answers")
			.isLessThan(dashboard.getElementById("answers-heading").parent().elementSiblingIndex());
		assertThat(this.physio.get(jd.page()).document().getElementById("next-check-due").text())
			.isEqualTo("Their next check was due on " + due.format(LONG_DAY) + ": it is late.");
		assertThat(
				this.physio.get("/clinic/clients").document().select("tbody tr.this-week td:first-child a").eachText())
			.containsExactly("JD", "KL");

		// a new check moves the next date on; no follow-up takes the client off the list
		result = check(jd.link(), secondCheck());
		assertThat(new Browserless(this.port).get(result).document().getElementById("next-check").text())
			.contains("Your next check is due on "
					+ LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusWeeks(2).format(LONG_DAY));
		this.physio.get(never.page());
		assertThat(this.physio.post(never.page() + "/follow-up", Map.of("followUp", "none")).status()).isEqualTo(302);
		assertThat(this.physio.get("/clinic").document().getElementById("overdue")).isNull();
		assertThat(this.physio.post(never.page() + "/follow-up", Map.of("followUp", "3")).status()).isEqualTo(400);
		assertThat(new Browserless(this.port).get(check(never.link(), firstCheck()))
			.document()
			.getElementById("next-check")).as("no follow-up, no date").isNull();
	}

	/**
	 * Only a client's link asks follow-up questions, and only after their first check.
	 */
	@Test
	void aCheckIsAFollowUpOnlyOnAClientsLinkAfterTheirFirst() {
		ClientPages jd = addClient("JD", "2");
		ShareLink own = this.share.findForClient(jd.link().substring("/c/".length())).orElseThrow();
		ShareLink clinic = this.share.create(this.account, "Riverside Physio", null, 30);
		assertThat(this.clients.followUp(own)).isFalse();
		check(jd.link(), firstCheck());
		assertThat(this.clients.followUp(own)).isTrue();
		check("/c/" + clinic.clientSecret(), firstCheck());
		assertThat(this.clients.followUp(clinic)).isFalse();
	}

	/**
	 * A client part-way through their first check, when their physio moves an earlier
	 * answer onto them, still shares what they answered: the check became a follow-up
	 * meanwhile, but their answers count as the questionnaire asked them.
	 */
	@Test
	void aFirstCheckStillCountsWhenAnEarlierAnswerIsMovedOntoTheClientMeanwhile() {
		ClientPages jd = addClient("JD", "none");
		ClinicLinks.Link waitingRoom = ClinicLinks.create(this.physio, "Riverside waiting room", "", 30);
		check(waitingRoom.client(), firstCheck());
		String id = this.jdbc.queryForObject("select public_id from submission", String.class);
		Browserless client = new Browserless(this.port);
		client.get(jd.link());
		client.get(jd.link() + "/assessment");
		Document questionnaire = client.post(jd.link() + "/safety", ShareFlowContract.ALL_NO).document();
		assertThat(questionnaire.select("input[name=" + Question.CHANGE_SINCE_LAST_CHECK.pageName() + "]")).isEmpty();
		Map<String, String> answers = new LinkedHashMap<>(firstCheck().page());
		assertThat(client.post(jd.link() + "/result", answers).document().selectFirst("h1").text())
			.isEqualTo("Before your result: share it?");

		String clientId = jd.page().substring("/clinic/clients/".length());
		assertThat(this.physio.post("/clinic/submissions/" + id + "/client", Map.of("client", clientId)).status())
			.isEqualTo(302);
		Map<String, String> decision = new LinkedHashMap<>(answers);
		decision.put("share", "true");
		Browserless.Page stored = client.post(jd.link() + "/consent", decision);

		assertThat(stored.status()).as(stored.body()).isEqualTo(302);
		assertThat(
				this.jdbc.queryForObject("select count(*) from submission where client_id is not null", Integer.class))
			.isEqualTo(2);
	}

	/**
	 * An answer shared through the clinic-wide link is put on a client's timeline from
	 * its page, once, and says so; it keeps the link it came through.
	 */
	@Test
	void answersOfAClinicLinkAreMovedOntoAClientsTimeline() {
		ClientPages jd = addClient("JD", "none");
		ClinicLinks.Link waitingRoom = ClinicLinks.create(this.physio, "Riverside waiting room", "", 30);
		check(waitingRoom.client(), firstCheck());
		String id = this.jdbc.queryForObject("select public_id from submission", String.class);
		String submission = "/clinic/submissions/" + id;
		Document page = this.physio.get(submission).document();
		assertThat(page.select("#move-client option").eachText()).containsExactly("JD");
		assertThat(page.getElementById("on-timeline")).isNull();

		String client = jd.page().substring("/clinic/clients/".length());
		Browserless.Page moved = this.physio.post(submission + "/client", Map.of("client", client));
		assertThat(moved.status()).isEqualTo(302);
		page = this.physio.follow(moved).document();
		assertThat(page.selectFirst("[role=status]").text()).isEqualTo("The answers are on the client's timeline now.");
		assertThat(page.getElementById("on-timeline").attr("href")).isEqualTo(jd.page());
		assertThat(page.getElementById("move-client")).isNull();
		assertThat(this.physio.get(jd.page()).document().select("#checks tbody tr a").eachAttr("href"))
			.containsExactly(submission);
		assertThat(this.physio.get("/clinic").document().selectFirst("tbody tr").text()).contains("JD");
		assertThat(this.physio.post(submission + "/client", Map.of("client", client)).status()).as("once")
			.isEqualTo(409);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from submission s join share_link l on l.id = s.share_link_id where l.client_id is null",
				Integer.class))
			.as("still the waiting room's")
			.isEqualTo(1);
	}

	/**
	 * Deleting a client deletes their link, every check shared through it and every check
	 * moved onto their timeline; the clinic-wide link and its other answers stay.
	 */
	@Test
	void deletingAClientDeletesTheirLinkAndEveryCheckOnTheirTimeline() {
		ClientPages jd = addClient("JD", "2");
		ClientPages kl = addClient("KL", "2");
		ClinicLinks.Link waitingRoom = ClinicLinks.create(this.physio, "Riverside waiting room", "", 30);
		check(jd.link(), firstCheck());
		check(kl.link(), firstCheck());
		check(waitingRoom.client(), firstCheck());
		check(waitingRoom.client(), secondCheck());
		String moved = this.jdbc
			.queryForObject("select s.public_id from submission s join share_link l on l.id = s.share_link_id "
					+ "where l.client_id is null order by s.id limit 1", String.class);
		this.physio.get("/clinic/submissions/" + moved);
		this.physio.post("/clinic/submissions/" + moved + "/client",
				Map.of("client", jd.page().substring("/clinic/clients/".length())));
		assertThat(count("submission")).isEqualTo(4);

		assertThat(this.physio.get(jd.page() + "/delete").document().selectFirst("h1").text())
			.isEqualTo("Delete client JD and all their checks?");
		Browserless.Page deleted = this.physio.post(jd.page() + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(this.physio.follow(deleted).document().selectFirst("[role=status]").text())
			.isEqualTo("The client, their link and all their checks are deleted.");
		assertThat(count("client")).isEqualTo(1);
		assertThat(count("submission")).as("KL's and the waiting room's other answer").isEqualTo(2);
		assertThat(this.physio.get(jd.page()).status()).isEqualTo(404);
		assertThat(new Browserless(this.port).get(jd.link()).status()).isEqualTo(404);
		assertThat(new Browserless(this.port).get(waitingRoom.client()).status()).isEqualTo(200);
	}

	/**
	 * Another account's client, their link's QR code, exports, follow-up, new link and
	 * delete are not found, and neither is moving an answer onto another account's
	 * client, or another account's answer onto one's own.
	 */
	@Test
	void anotherAccountsClientsAreNotFound() {
		ClientPages jd = addClient("JD", "2");
		check(jd.link(), firstCheck());
		String riversideAnswer = this.jdbc.queryForObject("select public_id from submission", String.class);
		Browserless hilltop = new Browserless(this.port);
		long hilltopAccount = ClinicAccounts.signIn(hilltop, this.jdbc, HILLTOP);
		ShareLink hilltopLink = this.share.create(hilltopAccount, "Hilltop", null, 30);
		check("/c/" + hilltopLink.clientSecret(), firstCheck());
		String hilltopAnswer = this.jdbc.queryForObject("select public_id from submission where share_link_id = ?",
				String.class, hilltopLink.id());
		hilltop.get("/clinic/clients");
		String hilltopClient = ClinicLinks
			.path(hilltop.post("/clinic/clients", Map.of("label", "HT", "followUp", "none", "days", "30")).location())
			.replace("?added", "");

		for (String path : List.of(jd.page(), jd.page() + "/qr.svg", jd.page() + "/delete", jd.page() + "/timeline.csv",
				jd.page() + "/fhir")) {
			Browserless.Page page = hilltop.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).doesNotContain("JD");
		}
		for (String path : List.of(jd.page() + "/follow-up?followUp=1", jd.page() + "/link?days=30",
				jd.page() + "/delete")) {
			assertThat(hilltop.post(path, Map.of()).status()).as(path).isEqualTo(404);
		}
		String riversideClient = jd.page().substring("/clinic/clients/".length());
		assertThat(hilltop.post("/clinic/submissions/" + hilltopAnswer + "/client", Map.of("client", riversideClient))
			.status()).isEqualTo(404);
		assertThat(hilltop
			.post("/clinic/submissions/" + riversideAnswer + "/client",
					Map.of("client", hilltopClient.substring("/clinic/clients/".length())))
			.status()).isEqualTo(404);
		assertThat(hilltop.get("/clinic/clients").document().select("tbody").text()).isEqualTo("HT 0 - No follow-up -");
		assertThat(
				this.jdbc.queryForObject("select count(*) from submission where client_id is not null", Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select follow_up_weeks from client where label = 'JD'", Integer.class))
			.isEqualTo(2);
		assertThat(count("client")).isEqualTo(2);
		assertThat(this.jdbc.queryForList(
				"select kind from access_event where account_id = ? and kind not like 'SIGNED_IN%'", String.class,
				hilltopAccount))
			.as("nothing of Riverside's was viewed or exported")
			.containsExactly("CLIENT_ADDED");
	}

	/** Without a session every client page asks to sign in, and every form is refused. */
	@Test
	void withoutASessionClientPagesAskToSignIn() {
		ClientPages jd = addClient("JD", "2");
		check(jd.link(), firstCheck());
		Browserless stranger = new Browserless(this.port);
		for (String path : List.of("/clinic/clients", jd.page(), jd.page() + "/qr.svg", jd.page() + "/delete",
				jd.page() + "/timeline.csv", jd.page() + "/fhir")) {
			Browserless.Page page = stranger.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).endsWith("/clinic/sign-in");
		}
		String answer = this.jdbc.queryForObject("select public_id from submission", String.class);
		for (String path : List.of("/clinic/clients", jd.page() + "/follow-up", jd.page() + "/link",
				jd.page() + "/delete", "/clinic/submissions/" + answer + "/client")) {
			Map<String, String> form = Map.of("label", "Forged", "followUp", "none", "days", "30");
			assertThat(stranger.post(path, form).location()).as(path).endsWith("/clinic/sign-in");
			assertThat(stranger.postWithout(path, form, null).status()).as(path).isEqualTo(403);
			assertThat(this.physio.postWithout(path, form, null).status()).as("signed in, no token: " + path)
				.isEqualTo(403);
		}
		assertThat(count("client")).isEqualTo(1);
		assertThat(count("submission")).isEqualTo(1);
	}

	/**
	 * The access log records adding, viewing, exporting and deleting a client and moving
	 * an answer, naming clients by their public id: never the label, which is the
	 * physio's key to a person and would outlive the client in the log.
	 */
	@Test
	void theAccessLogRecordsClientViewsExportsMovesAndDeletions() {
		ClientPages jd = addClient("Zebulon Q", "2");
		String id = jd.page().substring("/clinic/clients/".length());
		ClinicLinks.Link waitingRoom = ClinicLinks.create(this.physio, "Riverside waiting room", "", 30);
		check(waitingRoom.client(), firstCheck());
		String answer = this.jdbc.queryForObject("select public_id from submission", String.class);
		this.physio.get("/clinic/submissions/" + answer);
		this.physio.post("/clinic/submissions/" + answer + "/client", Map.of("client", id));
		this.physio.get(jd.page() + "/timeline.csv");
		this.physio.get(jd.page() + "/fhir");
		this.physio.post(jd.page() + "/delete", Map.of());

		List<String> log = this.jdbc
			.queryForList("select kind || ': ' || coalesce(detail, '') from access_event where account_id = ? "
					+ "and kind not like 'SIGNED_IN%' order by happened_at, id", String.class, this.account);
		assertThat(log).containsExactly("CLIENT_ADDED: " + id, "CLIENT_VIEWED: " + id,
				"LINK_CREATED: Riverside waiting room", "SUBMISSION_VIEWED: " + answer,
				"SUBMISSION_MOVED: " + answer + " to client " + id, "EXPORTED: CSV: client " + id,
				"EXPORTED: FHIR: client " + id, "CLIENT_DELETED: " + id);
		assertThat(this.jdbc.queryForList("select * from access_event").toString()).doesNotContain("Zebulon");
		assertThat(this.physio.get("/clinic/account/activity").document().text()).contains("Client added",
				"Client's timeline opened", "Answers put on a client's timeline", "Client deleted with their checks");
	}

	/**
	 * When a client's link ends, their page says so and makes a new one; their timeline
	 * keeps what is left.
	 */
	@Test
	void aClientWhoseLinkEndedGetsANewOne() {
		this.physio.get("/clinic/clients");
		Browserless.Page added = this.physio.post("/clinic/clients",
				Map.of("label", "JD", "followUp", "2", "days", "7"));
		String page = ClinicLinks.path(added.location()).replace("?added", "");
		String oldLink = ClinicLinks.path(this.physio.get(page).document().getElementById("client-url").val());
		daysLater(8);
		Document ended = this.physio.get(page).document();
		assertThat(ended.getElementById("client-url")).isNull();
		assertThat(ended.text()).contains("Their link takes no more answers. Make a new link");
		assertThat(this.physio.post(page + "/link", Map.of("days", "3")).status()).isEqualTo(400);
		Browserless.Page renewed = this.physio.post(page + "/link", Map.of("days", "30"));
		assertThat(renewed.status()).isEqualTo(302);
		String newLink = ClinicLinks.path(this.physio.follow(renewed).document().getElementById("client-url").val());
		assertThat(newLink).isNotEqualTo(oldLink);
		assertThat(this.physio.post(page + "/link", Map.of("days", "30")).status()).as("while one is open")
			.isEqualTo(400);
		check(newLink, firstCheck());
		assertThat(this.physio.get(page).document().select("#checks tbody tr")).hasSize(1);
	}

}
