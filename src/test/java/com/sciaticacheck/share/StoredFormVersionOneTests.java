package com.sciaticacheck.share;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sciaticacheck.system.Tokens;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.rules.WarningSign;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import org.flywaydb.core.Flyway;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submissions scored under rules version 1 still migrate, open, render and export as they
 * were scored, labelled with their rules version, and nothing is scored again: stored
 * form version 1 (Jackson's output of the internal records, captured from a running copy
 * of that version in {@code share/stored-form-v1.json}) and version 2 (captured through
 * the share flow of the last commit before rules version 2, in
 * {@code share/stored-form-v2.json}).
 */
@RunningAppTest
class StoredFormVersionOneTests {

	private static final JsonNode ROWS = rows("/share/stored-form-v1.json");

	private static final JsonNode VERSION_TWO_ROWS = rows("/share/stored-form-v2.json");

	private static final String RULES_VERSION_ONE = "2026-11-26.1";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShareService share;

	@Autowired
	private RulesService rules;

	/** A physio signed in to the clinic account the links belong to. */
	private Browserless physio;

	private long account;

	@BeforeEach
	void cleanStart() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.physio = new Browserless(this.port);
		this.account = ClinicAccounts.signIn(this.physio, this.jdbc, "physio@riverside.example");
	}

	/** The link's page in the clinic. */
	private static String page(ShareLink link) {
		return "/clinic/links/" + link.publicId();
	}

	/**
	 * Rows written under migration 1 are marked version 1, and the made-up score and
	 * level of a stop at the safety questions are removed.
	 */
	@Test
	void theMigrationMarksOldRowsAndDropsTheMadeUpScore() {
		DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:v1-migration;DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure().dataSource(database).target("1").load().migrate();
		JdbcTemplate old = new JdbcTemplate(database);
		old.update(
				"insert into share_link (id, client_secret_hash, dashboard_secret_hash, clinic_name, days,"
						+ " created_at, accepts_until) values (1, ?, ?, 'Clinic', 30, ?, ?)",
				"a".repeat(64), "b".repeat(64), Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
		insertVersionOne(old, 1L, "c".repeat(64), "complete", true, "URGENT", "MODERATE", 40);
		insertVersionOne(old, 1L, "d".repeat(64), "stoppedAtSafety", false, "EMERGENCY", "LOW", 0);

		Flyway.configure().dataSource(database).load().migrate();

		List<Map<String, Object>> rows = old
			.queryForList("select complete, score, risk_level, stored_form_version from submission order by id");
		assertThat(rows).extracting((row) -> row.get("STORED_FORM_VERSION")).containsExactly(1, 1);
		assertThat(rows.get(0)).containsEntry("SCORE", 40).containsEntry("RISK_LEVEL", "MODERATE");
		assertThat(rows.get(1)).containsEntry("SCORE", null).containsEntry("RISK_LEVEL", null);
		// migration 4 gives the rows it finds random public ids in place of counting ones
		List<String> publicIds = old.queryForList("select public_id from submission", String.class);
		assertThat(publicIds).hasSize(2)
			.doesNotHaveDuplicates()
			.allSatisfy((id) -> assertThat(id).matches("[A-Za-z0-9]{22}"));
	}

	@Test
	void versionOneSubmissionShowsAsScoredLabelledWithItsRules() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		String resultSecret = Tokens.generate();
		insertMigratedVersionOne(this.jdbc, link.id(), Tokens.hash(resultSecret), "complete", true, "URGENT",
				"MODERATE", 40);
		Browserless client = new Browserless(this.port);

		Document result = client.get("/r/" + resultSecret).document();
		assertThat(result.selectFirst("main").text()).contains("40 out of 100", "shared with Riverside Physio",
				"You have pain spreading down one leg now.");
		assertThat(result.getElementById("older-rules").text()).contains("older version of this check");
		assertThat(result.text()).as("its urgent meant this week").doesNotContain("may not see your answers today");
		assertThat(result.selectFirst(".card").text()).as("its urgent card keeps its meaning")
			.contains("this week")
			.doesNotContain("Get medical advice today");

		Browserless physio = this.physio;
		String dashboard = page(link);
		Element row = physio.get("/clinic").document().selectFirst("tbody tr");
		assertThat(row.text()).contains("This week (rules v1)").doesNotContain("Today");
		assertThat(row.hasClass("this-week")).isTrue();
		String detail = row.selectFirst("a").attr("href");
		Document page = physio.get(detail).document();
		String answers = page.selectFirst("main").text();
		assertThat(answers)
			.contains("Scored with rules version 2026-11-26.1 (version 1 rules)",
					"Urgent (version 1 rules): contact a doctor or physiotherapist this week",
					"Back or leg pain, with a history of cancer", "40 out of 100", "Pain now 14 points",
					"You have pain spreading down one leg now.", "You have had sciatica before.",
					"Longest run in the last 7 days (km) 15 ", "Weight (kg) 74.5", "Back history Sciatica before",
					"Warning signs I have had cancer")
			.doesNotContain("Get medical advice today", "Urgent: get medical advice today", "Safety:",
					"(not answered)");
		assertThat(page.getElementById("rules-version-one").text()).contains("\"urgent\" meant \"this week\"");
		assertThat(page.getElementById("summary-heading").parent().select("h3").eachText())
			.as("the clinician summary: no safety questions were asked then")
			.containsExactly("Pain", "Running load (km)");
		assertThat(physio.get(dashboard + "/submissions.csv").body().lines().toList().get(1)).contains(
				",URGENT,MODERATE,40,2026-11-26.1,1,This week (rules v1),,,,,,,44,178,74.5,false,,30,30,15,12,,SOME,GOOD,1,"
						+ "NONE,NONE,PREVIOUS_SCIATICA,ONE_LEG,5,4,WORSE_WHEN_RUNNING,CANCER_HISTORY");
		assertThat(physio.get(detail + "/fhir").body())
			.contains("runners-sciatica-check|1\"", "\"valueDecimal\": 15", "\"code\": \"URGENT\"",
					"this week (rules version 1)", "\"valueInteger\": 40")
			.doesNotContain("safetyCheck");
		assertThat(physio.get("/clinic/submissions.csv").body().lines().toList().get(1))
			.as("as scored, not scored again")
			.contains(",URGENT,MODERATE,40," + RULES_VERSION_ONE + ",1,");
	}

	@Test
	void aVersionOneStopAtTheSafetyQuestionsShowsNoScoreAndNoMadeUpAnswer() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		String resultSecret = Tokens.generate();
		// as the migration leaves it: the made-up score and level are gone
		insertMigratedVersionOne(this.jdbc, link.id(), Tokens.hash(resultSecret), "stoppedAtSafety", false, "EMERGENCY",
				null, null);
		Document result = new Browserless(this.port).get("/r/" + resultSecret).document();
		assertThat(result.selectFirst("h1").text()).isEqualTo("Get medical help now");
		assertThat(result.text()).contains("Numbness or tingling around the genitals").doesNotContain("out of 100");
		assertThat(result.text()).contains("The clinic may not see your answers today");
		Browserless physio = this.physio;
		String dashboard = page(link);
		Element row = physio.get("/clinic").document().selectFirst("tbody tr");
		assertThat(row.text()).contains("Emergency (rules v1)");
		assertThat(row.hasClass("pinned")).isTrue();
		String detail = row.selectFirst("a").attr("href");
		Document page = physio.get(detail).document();
		assertThat(page.text())
			.contains("stopped at the safety questions", "only the \"yes\" answers",
					"Warning signs Numbness around the genitals, back passage or inner thighs")
			.doesNotContain("out of 100", "Pain now", "No pain", "(not answered)");
		assertThat(page.getElementById("summary-heading")).as("nothing to sum up").isNull();
		assertThat(physio.get(detail + "/fhir").body()).contains("\"code\": \"EMERGENCY\"")
			.doesNotContain("result.score", "\"linkId\": \"pain\"");
		assertThat(physio.get(dashboard + "/submissions.csv").body()).doesNotContain(",NONE,");
	}

	/**
	 * Stored form version 2: retired warning signs and the v1 reasons keep their words,
	 * and an urgent of then (this week) is listed below an urgent of now (today), even
	 * when newer.
	 */
	@Test
	void aVersionTwoResultKeepsItsRetiredSignsAndIsListedAsThisWeek() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		this.share.submit(link,
				new CheckOutcome.Assessed(
						ShareFlowContract.runnerFixture()
							.with(Question.WARNING_SIGNS, Set.of(WarningSign.FEVER_OR_UNWELL))
							.answers(),
						this.rules.assess(ShareFlowContract.runnerFixture()
							.with(Question.WARNING_SIGNS, Set.of(WarningSign.FEVER_OR_UNWELL))
							.answers())),
				"today, older");
		insert(this.jdbc, VERSION_TWO_ROWS, 2, link.id(), Tokens.generate(), "complete", true, "URGENT", "MODERATE", 40,
				"2100-01-01T10:00:00Z");
		Browserless physio = this.physio;
		String dashboard = page(link);
		List<Element> rows = physio.get("/clinic").document().select("tbody tr");
		assertThat(rows).extracting(Element::text)
			.satisfiesExactly((today) -> assertThat(today).contains("today, older", "Today"),
					(week) -> assertThat(week).contains("J.D.", "This week (rules v1)"));
		String detail = physio.get(rows.get(1).selectFirst("a").attr("href")).document().text();
		assertThat(detail).contains("Scored with rules version 2026-11-26.1 (version 1 rules)",
				"The pain started after a fall, collision or other injury",
				"Pain that started after a fall, collision or other injury",
				"You have pain spreading down one leg now.", "About the pain None");
		assertThat(physio.get(dashboard + "/submissions.csv").body().lines().toList().get(2))
			.contains(",PREVIOUS_SCIATICA,ONE_LEG,5,4,NONE,\"CANCER_HISTORY;RECENT_TRAUMA\"");
	}

	@Test
	void aVersionTwoStopAtTheSafetyQuestionsKeepsOnlyWhatWasAnswered() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		insert(this.jdbc, VERSION_TWO_ROWS, 2, link.id(), Tokens.generate(), "stoppedAtSafety", false, "EMERGENCY",
				null, null, "2026-12-01T10:00:00Z");
		Submission stored = this.share.submissions(link).get(0);
		assertThat(this.share.outcome(stored).answers()).containsOnlyKeys(Question.WARNING_SIGNS)
			.containsEntry(Question.WARNING_SIGNS, Set.of(WarningSign.SADDLE_NUMBNESS));
	}

	/** A row as migration 1 left it: no stored form version column yet. */
	private static void insertVersionOne(JdbcTemplate jdbc, Long linkId, String secretHash, String row,
			boolean complete, String referral, String level, Integer score) {
		jdbc.update("insert into submission (share_link_id, result_secret_hash, reference, submitted_at, rules_version,"
				+ " referral, complete, risk_level, score, answers, result) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				linkId, secretHash, "J.D.", Timestamp.from(Instant.parse("2026-11-26T10:00:00Z")), RULES_VERSION_ONE,
				referral, complete, level, score, ROWS.get(row).get("answers").asString(),
				ROWS.get(row).get("result").asString());
	}

	/**
	 * A row of stored form version 1 in today's tables, as the migrations leave it: the
	 * version column says 1, and it has a public id.
	 */
	private static void insertMigratedVersionOne(JdbcTemplate jdbc, Long linkId, String secretHash, String row,
			boolean complete, String referral, String level, Integer score) {
		jdbc.update(
				"insert into submission (public_id, share_link_id, result_secret_hash, reference, submitted_at,"
						+ " rules_version, referral, complete, risk_level, score, answers, result)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				Tokens.publicId(), linkId, secretHash, "J.D.", Timestamp.from(Instant.parse("2026-11-26T10:00:00Z")),
				RULES_VERSION_ONE, referral, complete, level, score, ROWS.get(row).get("answers").asString(),
				ROWS.get(row).get("result").asString());
	}

	/** A row of a later stored form, as the app wrote it. */
	static void insert(JdbcTemplate jdbc, JsonNode rows, int storedFormVersion, Long linkId, String resultSecret,
			String row, boolean complete, String referral, String level, Integer score, String submittedAt) {
		jdbc.update(
				"insert into submission (public_id, share_link_id, result_secret_hash, reference, submitted_at,"
						+ " rules_version, referral, complete, risk_level, score, stored_form_version, answers, result)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				Tokens.publicId(), linkId, Tokens.hash(resultSecret), "J.D.",
				Timestamp.from(Instant.parse(submittedAt)), RULES_VERSION_ONE, referral, complete, level, score,
				storedFormVersion, rows.get(row).get("answers").asString(), rows.get(row).get("result").asString());
	}

	static JsonNode rows(String resource) {
		try (InputStream in = StoredFormVersionOneTests.class.getResourceAsStream(resource)) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
