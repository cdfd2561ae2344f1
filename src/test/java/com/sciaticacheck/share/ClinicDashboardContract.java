package com.sciaticacheck.share;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.ChangeSinceLastCheck;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.RunningAppTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard of a clinic account over real HTTP against a real database, run on the
 * embedded H2 and on PostgreSQL by the subclasses: every answer of the account's links in
 * one list, in triage order, 25 a page; bursts removed in one step; each answer opening
 * with the clinician's summary; links made before accounts claimed once; and nothing of
 * another account, or of anyone without a session. Answers are stored through the
 * service, as the client pages store them, where a test is about what the physio sees.
 */
@RunningAppTest
abstract class ClinicDashboardContract {

	static final String RIVERSIDE = "physio@riverside.example";

	static final String HILLTOP = "physio@hilltop.example";

	private static final DateTimeFormatter ROW_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

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

	/** The physio of Riverside, signed in. */
	Browserless physio;

	long account;

	@BeforeEach
	void cleanStart() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.clock.set(Instant.now());
		this.physio = new Browserless(this.port);
		this.account = ClinicAccounts.signIn(this.physio, this.jdbc, RIVERSIDE);
	}

	/** What a client told, as the check worked it out. */
	CheckOutcome assessed(RunnerFixture runner) {
		return new CheckOutcome.Assessed(runner.answers(), this.rules.assess(runner.answers()));
	}

	/** Told to get help now: numbness in the saddle, at the safety questions. */
	static CheckOutcome emergency() {
		Map<Question<?>, Object> safety = new LinkedHashMap<>();
		Question.SAFETY_CHECK.forEach((question) -> safety.put(question, question == Question.SADDLE_NUMBNESS));
		return new CheckOutcome.StoppedAtSafety(safety, List.of("referral.reason.saddleNumbness"));
	}

	/** Told to get help today. */
	CheckOutcome today() {
		return assessed(ShareFlowContract.runnerFixture()
			.with(Question.WARNING_SIGNS, Set.of(WarningSign.UNEXPLAINED_WEIGHT_LOSS)));
	}

	/** Told to get help this week. */
	CheckOutcome thisWeek() {
		return assessed(
				ShareFlowContract.runnerFixture().with(Question.WARNING_SIGNS, Set.of(WarningSign.OSTEOPOROSIS)));
	}

	/** Told to book an appointment. */
	CheckOutcome routine() {
		return assessed(ShareFlowContract.runnerFixture());
	}

	/** Shares an answer through the link, as the client's consent does. */
	void submit(ShareLink link, CheckOutcome outcome, String reference) {
		assertThat(this.share.submit(link, outcome, reference)).as("stored").isPresent();
	}

	static String page(ShareLink link) {
		return "/clinic/links/" + link.publicId();
	}

	/** The references of the rows of a list page, top to bottom. */
	static List<String> references(Document page) {
		return page.select("tbody tr").stream().map((row) -> row.select("td").get(6).text()).toList();
	}

	int count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	/** The access log of an account, oldest first: kind and detail. */
	List<String> accessLog(long accountId) {
		return this.jdbc.queryForList(
				"select kind || ': ' || coalesce(detail, '') from access_event where account_id = ? order by id",
				String.class, accountId);
	}

	@Test
	void theDashboardListsEveryLinksAnswersOfTheAccountAndNoneOfAnother() {
		ShareLink riverside = this.share.create(this.account, "Riverside Physio", null, 30);
		ShareLink riversideSport = this.share.create(this.account, "Riverside Sport", null, 30);
		Browserless hilltopPhysio = new Browserless(this.port);
		long hilltopAccount = ClinicAccounts.signIn(hilltopPhysio, this.jdbc, HILLTOP);
		ShareLink hilltop = this.share.create(hilltopAccount, "Hilltop Clinic", null, 30);
		submit(riverside, routine(), "R.1");
		submit(riversideSport, routine(), "S.1");
		submit(hilltop, routine(), "H.1");
		submit(riverside, routine(), "R.2");

		Document dashboard = this.physio.get("/clinic").document();
		assertThat(dashboard.selectFirst("h1").text()).isEqualTo("Clinic of " + RIVERSIDE + ": your dashboard");
		assertThat(dashboard.getElementById("answers-heading").text())
			.isEqualTo("Shared answers from all your links (3)");
		assertThat(references(dashboard)).containsExactlyInAnyOrder("R.1", "R.2", "S.1");
		assertThat(dashboard.select("tbody tr td:nth-child(8)").eachText()).containsOnly("Riverside Physio",
				"Riverside Sport");
		assertThat(dashboard.select(".link-list a").eachText()).as("newest first")
			.containsExactly("Riverside Sport", "Riverside Physio");
		assertThat(dashboard.text()).doesNotContain("Hilltop", "H.1");
		assertThat(this.physio.get("/clinic/submissions.csv").body()).contains("R.1", "R.2", "S.1")
			.doesNotContain("H.1");

		Document theirs = hilltopPhysio.get("/clinic").document();
		assertThat(references(theirs)).containsExactly("H.1");
		assertThat(theirs.text()).doesNotContain("Riverside");
		assertThat(hilltopPhysio.get("/clinic/submissions.csv").body()).contains("H.1").doesNotContain("R.1", "S.1");

		assertThat(references(this.physio.get(page(riverside)).document())).as("a link's page: its own answers")
			.containsExactlyInAnyOrder("R.1", "R.2");
	}

	/**
	 * Told to get help now first, then today, then this week, then the rest, newest first
	 * within each, whichever link an answer came through.
	 */
	@Test
	void answersAreListedInTriageOrderAcrossLinks() {
		ShareLink riverside = this.share.create(this.account, "Riverside Physio", null, 30);
		ShareLink sport = this.share.create(this.account, "Riverside Sport", null, 30);
		List<Map.Entry<ShareLink, CheckOutcome>> answers = List.of(Map.entry(riverside, emergency()),
				Map.entry(sport, thisWeek()), Map.entry(riverside, routine()), Map.entry(sport, today()),
				Map.entry(riverside, assessed(RunnerFixture.calm())), Map.entry(sport, emergency()),
				Map.entry(riverside, thisWeek()), Map.entry(sport, today()), Map.entry(riverside, routine()));
		int minute = 0;
		for (Map.Entry<ShareLink, CheckOutcome> answer : answers) {
			submit(answer.getKey(), answer.getValue(), answer.getValue().referral() + " at " + minute);
			this.clock.advance(Duration.ofMinutes(1));
			minute++;
		}
		Document dashboard = this.physio.get("/clinic").document();
		assertThat(references(dashboard)).containsExactly("EMERGENCY at 5", "EMERGENCY at 0", "URGENT at 7",
				"URGENT at 3", "SOON at 6", "SOON at 1", "ROUTINE at 8", "NONE at 4", "ROUTINE at 2");
		assertThat(dashboard.select("tbody tr")).extracting(Element::className)
			.containsExactly("pinned", "pinned", "pinned", "pinned", "this-week", "this-week", "", "", "");
		assertThat(dashboard.select("tbody tr .tag").eachText()).containsExactly("Emergency", "Emergency", "Today",
				"Today", "This week", "This week", "Routine", "None", "Routine");
		assertThat(this.physio.get("/clinic/submissions.csv").body().lines().skip(1).map((line) -> line.split(",")[1]))
			.as("the CSV of every answer, in the same order")
			.containsExactlyElementsOf(references(dashboard));
	}

	/** 25 a page; the pager's links work; a page out of range shows the nearest. */
	@Test
	void answersComeTwentyFiveAPage() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		for (int i = 1; i <= 26; i++) {
			submit(link, routine(), "client " + i);
			this.clock.advance(Duration.ofSeconds(30));
		}
		Document first = this.physio.get("/clinic").document();
		assertThat(first.getElementById("answers-heading").text()).isEqualTo("Shared answers from all your links (26)");
		assertThat(first.select("tbody tr")).hasSize(25);
		assertThat(references(first).get(0)).as("newest first").isEqualTo("client 26");
		Element pager = first.selectFirst("nav.pager");
		assertThat(pager.text()).isEqualTo("Page 1 of 2 Next page");
		String next = pager.selectFirst("a").attr("href");
		assertThat(next).isEqualTo("/clinic?page=2");

		Document second = this.physio.get(next).document();
		assertThat(references(second)).containsExactly("client 1");
		assertThat(second.selectFirst("nav.pager").text()).isEqualTo("Previous page Page 2 of 2");
		String previous = second.selectFirst("nav.pager a").attr("href");
		assertThat(references(this.physio.get(previous).document())).isEqualTo(references(first));

		for (String beyond : List.of("/clinic?page=3", "/clinic?page=999999")) {
			assertThat(references(this.physio.get(beyond).document())).as(beyond).containsExactly("client 1");
		}
		for (String before : List.of("/clinic?page=0", "/clinic?page=-4")) {
			assertThat(references(this.physio.get(before).document())).as(before).isEqualTo(references(first));
		}
		assertThat(references(this.physio.get("/clinic?page=two").document())).as("a typo: the first page")
			.isEqualTo(references(first));

		Document linkPage = this.physio.get(page(link) + "?page=2").document();
		assertThat(references(linkPage)).as("a link's page has the same pages").containsExactly("client 1");
		assertThat(linkPage.selectFirst("nav.pager a").attr("href")).isEqualTo(page(link) + "?page=1");
	}

	/**
	 * Each row says what a physio triages by before opening it: the tier, its reasons in
	 * short, where the pain is, how bad at worst, for how many weeks, and when.
	 */
	@Test
	void eachRowShowsTierReasonsPainWorstPainWeeksAndDate() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		CheckOutcome urgentOutcome = assessed(ShareFlowContract.runnerFixture()
			.inPain(Pain.ONE_LEG, 6, 8)
			.with(Question.WARNING_SIGNS,
					Set.of(WarningSign.UNEXPLAINED_WEIGHT_LOSS, WarningSign.NIGHT_OR_CONSTANT_PAIN)));
		assertThat(urgentOutcome.referralReasonKeys()).as("two reasons").hasSize(2);
		submit(link, urgentOutcome, "U.R.");
		Instant submitted = this.clock.instant();
		this.clock.advance(Duration.ofMinutes(2));
		submit(link, emergency(), null);

		List<Element> rows = this.physio.get("/clinic").document().select("tbody tr");
		assertThat(rows.get(0).select("td").eachText()).as("stopped at the safety questions: no pain asked")
			.containsExactly("Emergency", "Saddle numbness", "-", "-", "-",
					ROW_TIME.format(LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)) + " UTC",
					"(none given)", "Riverside Physio");
		List<String> urgent = rows.get(1).select("td").eachText();
		assertThat(urgent.get(0)).isEqualTo("Today");
		assertThat(urgent.get(1).split("; ")).containsExactlyInAnyOrder("Weight loss", "Night or constant pain");
		assertThat(urgent.subList(2, 8)).containsExactly("One leg", "8/10", "6",
				ROW_TIME.format(LocalDateTime.ofInstant(submitted, ZoneOffset.UTC)) + " UTC", "U.R.",
				"Riverside Physio");
		assertThat(rows.get(1).select("td a").attr("href")).as("the date opens the answer")
			.matches("/clinic/submissions/[A-Za-z0-9]{22}");
	}

	/**
	 * Many answers on one link in a short time are flagged, and one step deletes exactly
	 * them: not the answers before or after, nor another link's.
	 */
	@Test
	void aBurstIsFlaggedAndDeletedInOneStep() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		ShareLink other = this.share.create(this.account, "Riverside Sport", null, 30);
		submit(link, routine(), "before");
		this.clock.advance(Duration.ofMinutes(30));
		for (int i = 1; i <= 20; i++) {
			submit(link, emergency(), "burst " + i);
			submit(other, routine(), "other " + i);
			this.clock.advance(Duration.ofSeconds(25));
		}
		this.clock.advance(Duration.ofMinutes(30));
		submit(link, routine(), "after");
		assertThat(count("submission")).isEqualTo(42);

		Document dashboard = this.physio.get("/clinic").document();
		Element bursts = dashboard.selectFirst("[aria-labelledby=bursts-heading]");
		assertThat(bursts.select("li")).as("20 on the other link in the same time is a burst too").hasSize(2);
		Element burst = bursts.select("li")
			.stream()
			.filter((item) -> item.text().contains("on Riverside Physio"))
			.findFirst()
			.orElseThrow();
		assertThat(burst.text()).contains("20 answers on Riverside Physio, from ").endsWith("Delete these 20 answers");
		Element form = burst.selectFirst("form");
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[type=hidden]").forEach((input) -> fields.put(input.attr("name"), input.val()));
		Browserless.Page deleted = this.physio.post(form.attr("action"), fields);
		assertThat(deleted.status()).isEqualTo(302);
		Document after = this.physio.follow(deleted).document();
		assertThat(after.selectFirst("[role=status]").text()).isEqualTo("20 answers were deleted.");
		assertThat(this.jdbc.queryForList("select reference from submission where share_link_id = ? order by id",
				String.class, link.id()))
			.containsExactly("before", "after");
		assertThat(this.jdbc.queryForObject("select count(*) from submission where share_link_id = ?", Integer.class,
				other.id()))
			.isEqualTo(20);
		assertThat(after.select("[aria-labelledby=bursts-heading] li")).singleElement()
			.satisfies((left) -> assertThat(left.text()).contains("on Riverside Sport"));
		assertThat(accessLog(this.account)).contains("BURST_DELETED: 20 from Riverside Physio");

		String otherBurst = after.selectFirst("[aria-labelledby=bursts-heading] form").attr("action");
		for (Map<String, String> bad : List.of(Map.<String, String>of(), Map.of("from", "yesterday", "to", "today"),
				Map.of("from", fields.get("from")),
				// a year PostgreSQL cannot store, and times out of order or outside the
				// link
				Map.of("from", fields.get("from"), "to", "+300000-01-01T00:00:00Z"),
				Map.of("from", fields.get("to"), "to", fields.get("from")),
				Map.of("from", "2000-01-01T00:00:00Z", "to", fields.get("to")))) {
			assertThat(this.physio.post(otherBurst, bad).status()).as("the times %s", bad).isEqualTo(400);
		}
		assertThat(count("submission")).as("nothing deleted without both times").isEqualTo(22);
	}

	/**
	 * An answer's page opens with what a physio needs first: the tier and its reasons,
	 * every safety answer, the pain and the load figures; then what the client saw, then
	 * every answer.
	 */
	@Test
	void anAnswerOpensWithTheClinicianSummaryBeforeTheClientsView() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		submit(link, today(), "J.D.");
		String detail = this.physio.get("/clinic").document().selectFirst("tbody a").attr("href");
		Document page = this.physio.get(detail).document();
		List<String> headings = page.select("main h2").eachText();
		assertThat(headings).containsSubsequence("What the client was told", "Clinician summary", "What the client saw",
				"Every answer");
		assertThat(page.selectFirst("#referral-heading").parent().text()).contains("Urgent: get medical advice today",
				"Back or leg pain, with weight loss you cannot explain");
		Element summary = page.getElementById("summary-heading").parent();
		assertThat(summary.select("h3").eachText()).containsExactly("Safety answers", "Pain", "Running load (km)");
		List<Element> lists = summary.select("dl");
		assertThat(lists.get(0).select("dt").eachText())
			.containsExactlyElementsOf(Question.SAFETY_CHECK.stream().map(ShareFlowContract::label).toList());
		assertThat(lists.get(0).select("dd").eachText()).containsOnly("No").hasSize(6);
		assertThat(lists.get(1).text()).contains(
				ShareFlowContract.label(Question.PAIN) + " Pain spreading down one leg",
				ShareFlowContract.label(Question.PAIN_WEEKS) + " 5",
				ShareFlowContract.label(Question.PAIN_SEVERITY) + " 4",
				ShareFlowContract.label(Question.LEG_PAIN_AVERAGE) + " 3",
				ShareFlowContract.label(Question.BACK_PAIN_AVERAGE) + " 2",
				ShareFlowContract.label(Question.WARNING_SIGNS) + " I have lost weight without trying");
		assertThat(page.text()).as("no follow-up: the question was not asked, so not \"not answered\"")
			.doesNotContain(ShareFlowContract.label(Question.CHANGE_SINCE_LAST_CHECK));
		assertThat(lists.get(2).text()).contains(ShareFlowContract.label(Question.WEEKLY_DISTANCE_KM) + " 30",
				ShareFlowContract.label(Question.LONGEST_RUN_KM) + " 15",
				ShareFlowContract.label(Question.BASELINE_LONGEST_RUN_KM) + " 12");
	}

	/**
	 * A follow-up's answer to how the client is since their last check opens the pain in
	 * the clinician's summary, and is in every answer and the CSV's last column.
	 */
	@Test
	void aFollowUpShowsHowTheClientIsSinceTheLastCheckFirstInThePain() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		submit(link, assessed(ShareFlowContract.runnerFixture()
			.with(Question.CHANGE_SINCE_LAST_CHECK, ChangeSinceLastCheck.ABOUT_THE_SAME)), "F.U.");
		String detail = this.physio.get("/clinic").document().selectFirst("tbody a").attr("href");
		Document page = this.physio.get(detail).document();
		Element pain = page.getElementById("summary-heading").parent().select("dl").get(1);
		assertThat(pain.select("dt").eachText()).startsWith(ShareFlowContract.label(Question.CHANGE_SINCE_LAST_CHECK),
				ShareFlowContract.label(Question.PAIN));
		assertThat(pain.select("dd").first().text()).isEqualTo("About the same");
		assertThat(page.getElementById("answers-heading").parent().text())
			.contains(ShareFlowContract.label(Question.CHANGE_SINCE_LAST_CHECK) + " About the same");
		List<String> csv = this.physio.get(page(link) + "/submissions.csv").body().lines().toList();
		assertThat(csv.get(0)).endsWith(",changeSinceLastCheck,legPainAverage,backPainAverage");
		assertThat(csv.get(1)).endsWith(",ABOUT_THE_SAME,3,2");
	}

	/**
	 * A link made before accounts: its old address offers it to the signed-in physio,
	 * once. Claimed, its answers join the dashboard, its client link keeps working, and
	 * the old address is gone for everyone.
	 */
	@Test
	void aLinkMadeBeforeAccountsIsClaimedOnceAndKeepsItsClientLink() {
		LinksBeforeAccounts.OldLink old = LinksBeforeAccounts.insert(this.jdbc, "Old Riverside", 30,
				this.clock.instant());
		Browserless client = new Browserless(this.port);
		assertThat(share(client, old.client(), "before the claim").status()).as("unclaimed, it takes answers")
			.isEqualTo(302);
		assertThat(new Browserless(this.port).get(old.dashboard()).location()).as("without a session")
			.endsWith("/clinic/sign-in");

		Document offer = this.physio.get(old.dashboard()).document();
		assertThat(offer.selectFirst("h1").text()).isEqualTo("Add this link to your account");
		assertThat(offer.text())
			.contains("This link for Old Riverside now belongs in a clinic account", "Clients can still use their link")
			.doesNotContain("before the claim");
		Browserless.Page claimed = this.physio.post(offer.selectFirst("main form").attr("action"), Map.of());
		assertThat(claimed.status()).isEqualTo(302);
		assertThat(claimed.location()).matches(".*/clinic/links/[A-Za-z0-9]{22}\\?claimed");
		Document linkPage = this.physio.follow(claimed).document();
		assertThat(linkPage.selectFirst("[role=status]").text())
			.isEqualTo("The link is now in your account. Its old address no longer works.");
		assertThat(linkPage.getElementById("client-url").val()).as("the printed QR codes keep working")
			.endsWith(old.client());
		assertThat(references(this.physio.get("/clinic").document())).containsExactly("before the claim");
		assertThat(accessLog(this.account)).contains("LINK_CLAIMED: Old Riverside");

		assertThat(share(new Browserless(this.port), old.client(), "after the claim").status()).isEqualTo(302);
		assertThat(references(this.physio.get("/clinic").document())).containsExactly("after the claim",
				"before the claim");
		Browserless hilltopPhysio = new Browserless(this.port);
		ClinicAccounts.signIn(hilltopPhysio, this.jdbc, HILLTOP);
		for (Browserless anyone : List.of(this.physio, hilltopPhysio)) {
			Browserless.Page gone = anyone.get(old.dashboard());
			assertThat(gone.status()).isEqualTo(404);
			assertThat(gone.document().selectFirst("h1").text()).isEqualTo("This link does not work");
			assertThat(anyone.post(old.dashboard() + "/claim", Map.of()).status()).isEqualTo(404);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from share_link where account_id = ?", Integer.class,
				this.account))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from share_link where dashboard_secret_hash is not null or account_id is null",
				Integer.class))
			.as("no trace of the old address")
			.isZero();
	}

	/** Another physio reaches an old link's address first: theirs, and only theirs. */
	@Test
	void anotherAccountCannotClaimALinkAlreadyClaimed() {
		LinksBeforeAccounts.OldLink old = LinksBeforeAccounts.insert(this.jdbc, "Old Riverside", 30,
				this.clock.instant());
		Browserless hilltopPhysio = new Browserless(this.port);
		long hilltop = ClinicAccounts.signIn(hilltopPhysio, this.jdbc, HILLTOP);
		this.physio.get(old.dashboard());
		hilltopPhysio.get(old.dashboard());
		assertThat(hilltopPhysio.post(old.dashboard() + "/claim", Map.of()).status()).isEqualTo(302);
		assertThat(this.physio.post(old.dashboard() + "/claim", Map.of()).status()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject("select account_id from share_link", Long.class)).isEqualTo(hilltop);
	}

	/** One client shares an emergency through the client link. */
	private static Browserless.Page share(Browserless client, String clientLink, String reference) {
		client.get(clientLink + "/assessment");
		Map<String, String> answers = new LinkedHashMap<>(RunnerFixture.safetyNo());
		answers.put(Question.SADDLE_NUMBNESS.pageName(), "true");
		answers.put("share", "true");
		answers.put("reference", reference);
		return client.post(clientLink + "/emergency-consent", answers);
	}

	/** Every clinic address, for a link and an answer of the account and an old link. */
	List<String> clinicPages() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		submit(link, routine(), "J.D.");
		String submission = "/clinic/submissions/"
				+ this.jdbc.queryForObject("select public_id from submission", String.class);
		LinksBeforeAccounts.OldLink old = LinksBeforeAccounts.insert(this.jdbc, "Old Riverside", 30,
				this.clock.instant());
		return List.of("/clinic", "/clinic?page=2", "/clinic/links/new", "/clinic/new", page(link),
				page(link) + "/qr.svg", page(link) + "/delete", page(link) + "/submissions.csv",
				"/clinic/submissions.csv", submission, submission + "/fhir", old.dashboard());
	}

	@Test
	void withoutASessionEveryClinicAddressAsksToSignIn() {
		List<String> pages = clinicPages();
		Browserless stranger = new Browserless(this.port);
		for (String path : pages) {
			Browserless.Page page = stranger.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).endsWith("/clinic/sign-in");
			assertThat(page.body()).as(path).doesNotContain("J.D.", "Riverside");
		}
		String link = pages.get(4);
		for (String path : List.of("/clinic/links/new", link + "/revoke", link + "/delete",
				link + "/bursts/delete?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", pages.get(9) + "/delete",
				pages.get(11) + "/claim")) {
			Map<String, String> form = Map.of("clinicName", "Forged", "days", "30");
			// with the token of the sign-in page, as a browser that opened it
			Browserless.Page withToken = stranger.post(path, form);
			assertThat(withToken.status()).as(path).isEqualTo(302);
			assertThat(withToken.location()).as(path).endsWith("/clinic/sign-in");
			assertThat(stranger.postWithout(path, form, null).status()).as(path).isEqualTo(403);
		}
		assertThat(count("share_link")).isEqualTo(2);
		assertThat(count("submission")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from share_link where revoked_at is null", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void anotherAccountsLinksAnswersAndExportsAreNotFound() {
		List<String> pages = clinicPages();
		String link = pages.get(4);
		String submission = pages.get(9);
		Browserless hilltopPhysio = new Browserless(this.port);
		long hilltop = ClinicAccounts.signIn(hilltopPhysio, this.jdbc, HILLTOP);
		for (String path : List.of(link, link + "?page=2", link + "/qr.svg", link + "/delete",
				link + "/submissions.csv", submission, submission + "/fhir")) {
			Browserless.Page page = hilltopPhysio.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).doesNotContain("J.D.", "Riverside");
		}
		for (String path : List.of(link + "/revoke", link + "/delete",
				link + "/bursts/delete?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", submission + "/delete")) {
			assertThat(hilltopPhysio.post(path, Map.of()).status()).as(path).isEqualTo(404);
		}
		assertThat(hilltopPhysio.get("/clinic").document().text()).doesNotContain("J.D.", "Riverside");
		assertThat(count("submission")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from share_link where revoked_at is null", Integer.class))
			.isEqualTo(2);
		assertThat(accessLog(hilltop)).as("nothing was viewed or exported")
			.allMatch((event) -> event.startsWith("SIGNED_IN"));
	}

	/**
	 * A sign-in lasts 12 hours however busy the session, and a session deleted from the
	 * database (signed out everywhere, or another instance's) is gone at once: the next
	 * page asks to sign in, and leads back after.
	 */
	@Test
	void anEndedSessionAsksToSignInAgain() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		this.clock.advance(Duration.ofHours(11).plusMinutes(59));
		assertThat(this.physio.get(page(link)).status()).as("within 12 hours").isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(1));
		Browserless.Page ended = this.physio.get(page(link));
		assertThat(ended.status()).isEqualTo(302);
		assertThat(ended.location()).endsWith("/clinic/sign-in");
		assertThat(this.physio.get("/clinic").location()).as("and stays ended").endsWith("/clinic/sign-in");

		ClinicAccounts.signIn(this.physio, this.jdbc, RIVERSIDE);
		assertThat(this.physio.get(page(link)).status()).isEqualTo(200);
		this.jdbc.update("delete from spring_session");
		assertThat(this.physio.get(page(link)).location()).endsWith("/clinic/sign-in");
		this.physio.get("/clinic/sign-in");
		Browserless.Page signedIn = this.physio.post("/clinic/sign-in",
				Map.of("email", RIVERSIDE, "password", ClinicAccounts.PASSWORD));
		assertThat(signedIn.location()).as("back to the page asked for").endsWith(page(link));
	}

	/**
	 * The account's access log records each view of an answer, each export and each
	 * deletion, naming answers by public id and links by name: never a client's answers
	 * or reference.
	 */
	@Test
	void theAccessLogRecordsViewsExportsAndDeletions() {
		this.physio.get("/clinic/links/new");
		Browserless.Page created = this.physio.post("/clinic/links/new",
				Map.of("clinicName", "Riverside Physio", "days", "30"));
		String page = created.location().replaceFirst("^https?://[^/]+", "").replace("?created", "");
		ShareLink link = this.share.link(this.account, page.substring("/clinic/links/".length())).orElseThrow();
		submit(link, today(), "Zebulon Quartermain");
		submit(link, routine(), "Second Client");
		List<String> ids = this.jdbc.queryForList("select public_id from submission order by id", String.class);
		this.physio.get("/clinic/submissions/" + ids.get(0));
		this.physio.get("/clinic/submissions/" + ids.get(0) + "/fhir");
		this.physio.get(page + "/submissions.csv");
		this.physio.get("/clinic/submissions.csv");
		this.physio.get("/clinic/submissions/" + ids.get(1));
		assertThat(this.physio.post("/clinic/submissions/" + ids.get(1) + "/delete", Map.of()).status()).isEqualTo(302);
		this.physio.get(page);
		assertThat(this.physio.post(page + "/revoke", Map.of()).status()).isEqualTo(302);
		assertThat(this.physio.post(page + "/delete", Map.of()).status()).isEqualTo(302);

		List<String> log = accessLog(this.account);
		assertThat(log).containsExactly("SIGNED_IN_WITH_PASSWORD: ", "LINK_CREATED: Riverside Physio",
				"SUBMISSION_VIEWED: " + ids.get(0), "EXPORTED: FHIR: " + ids.get(0), "EXPORTED: CSV: Riverside Physio",
				"EXPORTED: CSV: all links", "SUBMISSION_VIEWED: " + ids.get(1), "SUBMISSION_DELETED: " + ids.get(1),
				"LINK_REVOKED: Riverside Physio", "LINK_DELETED: Riverside Physio");
		String everything = this.jdbc.queryForList("select * from access_event").toString();
		assertThat(everything).doesNotContain("Zebulon", "Second Client", "127.0.0.1", "weight");
		List<String> clients = this.jdbc.queryForList("select distinct client from access_event", String.class);
		assertThat(clients).as("a coarse description of the browser")
			.containsExactly("Another browser on another system");
	}

}
