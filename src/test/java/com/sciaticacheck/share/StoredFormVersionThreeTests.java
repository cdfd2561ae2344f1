package com.sciaticacheck.share;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.system.Tokens;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submissions stored before the follow-up questions (stored form version 3, written by
 * the share flow of the last commit before questionnaire version 3, in
 * {@code share/stored-form-v3.json}) still open, render and export as the questions they
 * answered: nothing they were not asked is listed as "not answered", and the CSV keeps
 * every column where it was, the new ones last.
 */
@RunningAppTest
class StoredFormVersionThreeTests {

	static final JsonNode ROWS = StoredFormVersionOneTests.rows("/share/stored-form-v3.json");

	/**
	 * The CSV's header before questionnaire version 3: a consumer reading columns by
	 * position still finds each where it was.
	 */
	private static final String HEADER_BEFORE = "submittedAt,reference,referral,level,score,rulesVersion,"
			+ "questionnaireVersion,referralMeaning,safetyCheck.saddleNumbness,safetyCheck.bladderChange,"
			+ "safetyCheck.bowelChange,safetyCheck.sexualDysfunction,safetyCheck.bothLegsWeakOrNumb,"
			+ "safetyCheck.seriousAccident,ageYears,heightCm,weightKg,smoker,pregnantOrPostpartum,weeklyDistanceKm,"
			+ "baselineWeeklyDistanceKm,longestRunKm,baselineLongestRunKm,intensityChange,unevenSurfaces,footwear,"
			+ "strengthSessionsPerWeek,sideToSideDifference,formConcerns,conditions,pain,painWeeks,painSeverity,"
			+ "symptoms,warningSigns";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShareService share;

	private Browserless physio;

	private long account;

	@BeforeEach
	void cleanStart() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.physio = new Browserless(this.port);
		this.account = ClinicAccounts.signIn(this.physio, this.jdbc, "physio@riverside.example");
	}

	@Test
	void aVersionThreeResultReadsAsAnsweredAndListsOnlyWhatWasAsked() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		String resultSecret = insert(this.jdbc, ROWS, link.id(), "complete", "2026-12-20T10:00:00Z");
		Submission stored = this.share.submissions(link).get(0);
		assertThat(stored.storedFormVersion()).isEqualTo(3);
		assertThat(QuestionnaireVersion.of(stored)).isEqualTo(QuestionnaireVersion.V2);
		Map<Question<?>, Object> answers = this.share.outcome(stored).answers();
		assertThat(answers).containsEntry(Question.PAIN, Pain.ONE_LEG)
			.containsEntry(Question.PAIN_SEVERITY, 6)
			.doesNotContainKeys(Question.LEG_PAIN_AVERAGE, Question.BACK_PAIN_AVERAGE,
					Question.CHANGE_SINCE_LAST_CHECK);

		Document result = new Browserless(this.port).get("/r/" + resultSecret).document();
		assertThat(result.selectFirst("main").text()).contains("16 out of 100",
				"You have pain spreading down one leg. You have had it for 5 weeks. At its worst it is 6 out of 10.")
			.doesNotContain("On average over the last 7 days", "last check");

		String detail = this.physio.get("/clinic").document().selectFirst("tbody a").attr("href");
		String page = this.physio.get(detail).document().selectFirst("main").text();
		assertThat(page)
			.contains("Scored with rules version 2 (version 2 rules)",
					ShareFlowContract.label(Question.PAIN_SEVERITY) + " 6")
			.doesNotContain(ShareFlowContract.label(Question.LEG_PAIN_AVERAGE),
					ShareFlowContract.label(Question.BACK_PAIN_AVERAGE),
					ShareFlowContract.label(Question.CHANGE_SINCE_LAST_CHECK));
	}

	@Test
	void theCsvKeepsEveryColumnWhereItWasWithTheNewOnesLast() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		insert(this.jdbc, ROWS, link.id(), "complete", "2026-12-20T10:00:00Z");
		insert(this.jdbc, ROWS, link.id(), "stoppedAtSafety", "2026-12-20T10:01:00Z");
		List<String> csv = this.physio.get("/clinic/links/" + link.publicId() + "/submissions.csv")
			.body()
			.lines()
			.toList();
		assertThat(csv.get(0)).isEqualTo(HEADER_BEFORE + ",changeSinceLastCheck,legPainAverage,backPainAverage");
		assertThat(csv).hasSize(3);
		String complete = csv.stream().filter((row) -> row.contains(",ROUTINE,")).findFirst().orElseThrow();
		assertThat(complete).contains(",ROUTINE,MODERATE,16,2,2,")
			.contains(",PREVIOUS_SCIATICA,ONE_LEG,5,6,WORSE_WHEN_RUNNING,NONE,,,")
			.endsWith(",NONE,,,");
		String stopped = csv.stream().filter((row) -> row.contains(",EMERGENCY,")).findFirst().orElseThrow();
		assertThat(stopped).contains(",EMERGENCY,,,2,2,").contains(",true,false,false,false,false,false,");
	}

	@Test
	void aVersionThreeStopAtTheSafetyQuestionsKeepsItsSixAnswers() {
		ShareLink link = this.share.create(this.account, "Riverside Physio", null, 30);
		insert(this.jdbc, ROWS, link.id(), "stoppedAtSafety", "2026-12-20T10:00:00Z");
		Submission stored = this.share.submissions(link).get(0);
		assertThat(this.share.outcome(stored).answers())
			.containsOnlyKeys(Question.SAFETY_CHECK.toArray(Question[]::new))
			.containsEntry(Question.SADDLE_NUMBNESS, true);
	}

	/**
	 * Inserts a row of stored form version 3 as the app wrote it, scored by rules version
	 * 2.
	 * @return the client's result secret
	 */
	static String insert(JdbcTemplate jdbc, JsonNode rows, Long linkId, String row, String submittedAt) {
		String resultSecret = Tokens.generate();
		boolean complete = row.equals("complete");
		jdbc.update(
				"insert into submission (public_id, share_link_id, result_secret_hash, reference, submitted_at,"
						+ " rules_version, referral, complete, risk_level, score, stored_form_version, answers, result)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				Tokens.publicId(), linkId, Tokens.hash(resultSecret), "J.D.",
				Timestamp.from(Instant.parse(submittedAt)), "2", complete ? "ROUTINE" : "EMERGENCY", complete,
				complete ? "MODERATE" : null, complete ? 16 : null, 3, rows.get(row).get("answers").asString(),
				rows.get(row).get("result").asString());
		return resultSecret;
	}

}
