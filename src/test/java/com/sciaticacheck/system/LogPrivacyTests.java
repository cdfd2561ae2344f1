package com.sciaticacheck.system;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.rules.Condition;
import com.sciaticacheck.rules.Footwear;
import com.sciaticacheck.rules.FormConcern;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.SideDifference;
import com.sciaticacheck.rules.Surface;
import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.Multipart;
import com.sciaticacheck.support.TrainingFixtures;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers never reach the log: a full flow with distinctive answers, valid and invalid,
 * through the pages, the API and a share link, then every view a signed-in physio has of
 * them, and the captured log is searched.
 */
@RunningAppTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTests {

	private static final String WEIGHT = "213.7";

	private static final String REFERENCE = "Zebulon Quartermain";

	private static final String PAIN_WEEKS = "517";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void noAnswerAppearsInTheLog(CapturedOutput output) {
		Browserless user = new Browserless(this.port);
		// distinctive answers, through the page and the API
		RunnerFixture distinctive = RunnerFixture.calm()
			.with(Question.AGE_YEARS, 41)
			.with(Question.HEIGHT_CM, 229)
			.with(Question.WEIGHT_KG, Double.valueOf(WEIGHT))
			.with(Question.SMOKER, true)
			.with(Question.WEEKLY_DISTANCE_KM, 37.3)
			.with(Question.BASELINE_WEEKLY_DISTANCE_KM, 29.1)
			.with(Question.LONGEST_RUN_KM, 16.9)
			.with(Question.BASELINE_LONGEST_RUN_KM, 11.3)
			.with(Question.UNEVEN_SURFACES, Surface.MOST)
			.with(Question.FOOTWEAR, Footwear.WORN)
			.with(Question.STRENGTH_SESSIONS_PER_WEEK, 0)
			.with(Question.SIDE_TO_SIDE_DIFFERENCE, SideDifference.CLEAR)
			.with(Question.FORM_CONCERNS, FormConcern.YES)
			.with(Question.CONDITIONS, Set.of(Condition.SPINAL_STENOSIS))
			.inPain(Pain.ONE_LEG, Integer.parseInt(PAIN_WEEKS), 6);
		Map<String, String> answers = distinctive.page();
		assertThat(user.post("/assessment/result", answers).status()).isEqualTo(200);
		Map<String, String> invalid = new LinkedHashMap<>(answers);
		invalid.put(PageFields.AGE, "Quartermain-age");
		invalid.put(PageFields.LONGEST, "999.9");
		assertThat(user.post("/assessment/result", invalid).status()).isEqualTo(200);

		String json = distinctive.json();
		assertThat(user.postJson("/api/v2/assessments", json).status()).isEqualTo(200);
		assertThat(user.postJson("/api/v2/assessments", json.replace("\"ONE_LEG\"", "\"Quartermain-pain\"")).status())
			.isEqualTo(400);
		assertThat(user.postJson("/api/v2/assessments", "{\"" + Question.WEIGHT_KG.name() + "\": " + WEIGHT + ", ")
			.status()).isEqualTo(400);

		// training files, read and broken, through the page and the API: neither their
		// names nor their figures reach the log
		byte[] run = TrainingFixtures.tcxRun(java.time.Instant.now().minus(java.time.Duration.ofDays(2)), 13_579);
		Multipart files = new Multipart().fields(RunnerFixture.safetyAllNo())
			.file("files", "Quartermain-run.tcx", run)
			.file("files", "Quartermain-broken.fit", "not a fit file".getBytes(StandardCharsets.UTF_8));
		assertThat(user.postFiles("/assessment/import", files).status()).isEqualTo(200);
		Multipart api = new Multipart().file("files", "Quartermain-api.tcx", run)
			.file("files", "Quartermain-bomb.tcx.gz", TrainingFixtures.gzipBomb(250));
		assertThat(user.postMultipart("/api/v2/training-summary", api).status()).isEqualTo(422);

		ClinicAccounts.signIn(user, this.jdbc, "physio@log-test.example");
		ClinicLinks.Link link = ClinicLinks.create(user, "Log Test Clinic", "", 30);
		Map<String, String> consent = new LinkedHashMap<>(answers);
		consent.put("share", "true");
		consent.put("reference", REFERENCE);
		assertThat(user.post(link.client() + "/consent", consent).status()).isEqualTo(302);
		// every view of the shared answers in the clinic
		String detail = user.get("/clinic").document().selectFirst("tbody a").attr("href");
		for (String path : List.of(link.page(), detail, detail + "/fhir", link.csv(), "/clinic/submissions.csv")) {
			assertThat(user.get(path).status()).as(path).isEqualTo(200);
		}

		LogFactory.getLog(LogPrivacyTests.class).info("log capture works");
		assertThat(output.getAll()).contains("log capture works")
			.doesNotContain(WEIGHT, REFERENCE, "Quartermain", "\"" + Question.PAIN_WEEKS.name() + "\":" + PAIN_WEEKS,
					"SPINAL_STENOSIS", "16.9", "37.3", "13579", "13.58");
	}

}
