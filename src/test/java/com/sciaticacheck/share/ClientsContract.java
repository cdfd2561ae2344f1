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
		client.post(link + "/safety", ShareFlowContract.ALL_NO);
		Browserless.Page consent = client.post(link + "/result", runner.page());
		assertThat(consent.document().selectFirst("h1").text()).isEqualTo("Before your result: share it?");
		Map<String, String> decision = new LinkedHashMap<>(runner.page());
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

}
