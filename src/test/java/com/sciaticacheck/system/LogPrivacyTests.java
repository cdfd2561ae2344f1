package com.sciaticacheck.system;

import java.util.LinkedHashMap;
import java.util.Map;

import com.sciaticacheck.support.PageFields;
import com.sciaticacheck.support.Browserless;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers never reach the log: a full flow with distinctive answers, valid and invalid,
 * through the pages, the API and a share link, then the captured log is searched.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTests {

	private static final String WEIGHT = "213.7";

	private static final String REFERENCE = "Zebulon Quartermain";

	private static final String PAIN_WEEKS = "517";

	@LocalServerPort
	private int port;

	@Test
	void noAnswerAppearsInTheLog(CapturedOutput output) {
		Browserless user = new Browserless(this.port);
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("safetyChecked", "true");
		answers.put("unit", "KM");
		answers.put(PageFields.AGE, "41");
		answers.put(PageFields.HEIGHT, "229");
		answers.put(PageFields.WEIGHT, WEIGHT);
		answers.put(PageFields.SMOKER, "true");
		answers.put(PageFields.WEEKLY, "37.3");
		answers.put(PageFields.BASELINE_WEEKLY, "29.1");
		answers.put(PageFields.LONGEST, "16.9");
		answers.put(PageFields.BASELINE_LONGEST, "11.3");
		answers.put(PageFields.SURFACES, "MOST");
		answers.put(PageFields.FOOTWEAR, "WORN");
		answers.put(PageFields.STRENGTH, "0");
		answers.put(PageFields.SIDE, "CLEAR");
		answers.put(PageFields.FORM, "YES");
		answers.put(PageFields.CONDITIONS, "SPINAL_STENOSIS");
		answers.put(PageFields.PAIN, "ONE_LEG");
		answers.put(PageFields.PAIN_WEEKS, PAIN_WEEKS);
		answers.put(PageFields.PAIN_SEVERITY, "6");
		assertThat(user.post("/assessment/result", answers).status()).isEqualTo(200);
		Map<String, String> invalid = new LinkedHashMap<>(answers);
		invalid.put(PageFields.AGE, "Quartermain-age");
		invalid.put(PageFields.LONGEST, "999.9");
		assertThat(user.post("/assessment/result", invalid).status()).isEqualTo(200);

		String json = "{\"ageYears\": 41, \"heightCm\": 229, \"weightKg\": " + WEIGHT + ", \"smoker\": true, "
				+ "\"weeklyDistanceKm\": 37.3, \"baselineWeeklyDistanceKm\": 29.1, \"longestRunKm\": 16.9, "
				+ "\"baselineLongestRunKm\": 11.3, \"unevenSurfaces\": \"MOST\", \"footwear\": \"WORN\", "
				+ "\"strengthSessionsPerWeek\": 0, \"sideToSideDifference\": \"CLEAR\", \"formConcerns\": \"YES\", "
				+ "\"conditions\": [\"SPINAL_STENOSIS\"], \"pain\": \"ONE_LEG\", \"painWeeks\": " + PAIN_WEEKS
				+ ", \"painSeverity\": 6, \"symptoms\": [], \"warningSigns\": []}";
		assertThat(user.postJson("/api/v1/assessments", json).status()).isEqualTo(200);
		assertThat(user.postJson("/api/v1/assessments", json.replace("\"ONE_LEG\"", "\"Quartermain-pain\"")).status())
			.isEqualTo(400);
		assertThat(user.postJson("/api/v1/assessments", "{\"weightKg\": " + WEIGHT + ", ").status()).isEqualTo(400);

		user.get("/clinic/new");
		String dashboard = user.post("/clinic/new", Map.of("clinicName", "Log Test Clinic", "days", "30"))
			.location()
			.replaceFirst("^https?://[^/]+", "")
			.replace("?created", "");
		String client = user.get(dashboard)
			.document()
			.getElementById("client-url")
			.val()
			.replaceFirst("^https?://[^/]+", "");
		Map<String, String> consent = new LinkedHashMap<>(answers);
		consent.put("share", "true");
		consent.put("reference", REFERENCE);
		assertThat(user.post(client + "/consent", consent).status()).isEqualTo(302);
		user.get(dashboard + "/submissions.csv");

		LogFactory.getLog(LogPrivacyTests.class).info("log capture works");
		assertThat(output.getAll()).contains("log capture works")
			.doesNotContain(WEIGHT, REFERENCE, "Quartermain", "\"painWeeks\":" + PAIN_WEEKS, "SPINAL_STENOSIS", "16.9",
					"37.3");
	}

}
