package com.sciaticacheck.share;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.support.Browserless;
import org.flywaydb.core.Flyway;
import org.jsoup.nodes.Document;
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
 * Submissions stored before the stored form had a version of its own (version 1:
 * Jackson's output of the internal records, captured from a running copy of that version
 * in {@code share/stored-form-v1.json}) still migrate, open, render and export.
 */
@RunningAppTest
class StoredFormVersionOneTests {

	private static final JsonNode ROWS = rows();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShareService share;

	@BeforeEach
	void cleanStart() {
		this.jdbc.update("delete from submission");
		this.jdbc.update("delete from share_link");
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
	}

	@Test
	void aVersionOneResultOpensForTheClientAndThePhysio() {
		ShareService.CreatedLink created = this.share.create("Riverside Physio", null, 30);
		String resultSecret = Secrets.generate();
		insertVersionOne(this.jdbc, created.link().id(), Secrets.hash(resultSecret), "complete", true, "URGENT",
				"MODERATE", 40);
		Browserless client = new Browserless(this.port);

		Document result = client.get("/r/" + resultSecret).document();
		assertThat(result.selectFirst("main").text()).contains("Contact a doctor or physiotherapist this week",
				"40 out of 100", "shared with Riverside Physio");

		Browserless physio = new Browserless(this.port);
		String dashboard = "/clinic/" + created.dashboardSecret();
		String detail = physio.get(dashboard).document().selectFirst("tbody a").attr("href");
		String answers = physio.get(detail).document().selectFirst("main").text();
		assertThat(answers).contains("Longest run in the last 7 days (km) 15 ", "Weight (kg) 74.5",
				"Back history Sciatica before", "Warning signs I have had cancer");
		assertThat(physio.get(dashboard + "/submissions.csv").body().lines().toList().get(1))
			.contains(",44,178,74.5,false,30,30,15,12,SOME,GOOD,1,NONE,NONE,PREVIOUS_SCIATICA,ONE_LEG,5,4,");
		assertThat(physio.get(detail + "/fhir").body()).contains("\"valueDecimal\": 15", "\"code\": \"URGENT\"",
				"\"valueInteger\": 40");
	}

	@Test
	void aVersionOneStopAtTheSafetyQuestionsShowsNoScore() {
		ShareService.CreatedLink created = this.share.create("Riverside Physio", null, 30);
		String resultSecret = Secrets.generate();
		// as the migration leaves it: the made-up score and level are gone
		insertVersionOne(this.jdbc, created.link().id(), Secrets.hash(resultSecret), "stoppedAtSafety", false,
				"EMERGENCY", null, null);
		Document result = new Browserless(this.port).get("/r/" + resultSecret).document();
		assertThat(result.selectFirst("h1").text()).isEqualTo("Get medical help now");
		assertThat(result.text()).contains("Numbness or tingling around the genitals").doesNotContain("out of 100");
		Browserless physio = new Browserless(this.port);
		String dashboard = "/clinic/" + created.dashboardSecret();
		String detail = physio.get(dashboard).document().selectFirst("tbody a").attr("href");
		assertThat(physio.get(detail).document().text()).contains("stopped at the safety questions")
			.doesNotContain("out of 100");
		assertThat(physio.get(detail + "/fhir").body()).contains("\"code\": \"EMERGENCY\"")
			.doesNotContain("result.score");
	}

	private static void insertVersionOne(JdbcTemplate jdbc, Long linkId, String secretHash, String row,
			boolean complete, String referral, String level, Integer score) {
		jdbc.update("insert into submission (share_link_id, result_secret_hash, reference, submitted_at, rules_version,"
				+ " referral, complete, risk_level, score, answers, result) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				linkId, secretHash, "J.D.", Timestamp.from(Instant.parse("2026-11-26T10:00:00Z")), "2026-11-26.1",
				referral, complete, level, score, ROWS.get(row).get("answers").asString(),
				ROWS.get(row).get("result").asString());
	}

	private static JsonNode rows() {
		try (InputStream in = StoredFormVersionOneTests.class.getResourceAsStream("/share/stored-form-v1.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
