package com.sciaticacheck.share;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import com.sciaticacheck.account.ClinicAccount;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RulesService;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.MutableClock;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.support.RunningAppTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's timeline as other systems get it: the CSV, one row a check, and the FHIR R4
 * Bundle of their QuestionnaireResponses and pain-score Observations, checked by HAPI
 * FHIR's own validator. The checks are stored through the service, as the client's link
 * stores them; the pain averages are written into the stored answers under their API
 * names, as the check stores them once it asks them.
 */
@RunningAppTest
class ClientExportsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ShareService share;

	@Autowired
	Clients clients;

	@Autowired
	RulesService rules;

	private final JsonMapper json = JsonMapper.builder().build();

	private Browserless physio;

	private Client client;

	private String page;

	private List<Assessment> assessed;

	/**
	 * A client with three checks three weeks apart: in pain with both averages, then with
	 * leg pain only, then stopped at the safety questions (an emergency, no score).
	 */
	@BeforeEach
	void clientWithThreeChecks() {
		ClinicAccounts.deleteAll(this.jdbc);
		this.clock.set(Instant.parse("2026-10-15T12:00:00Z"));
		this.physio = new Browserless(this.port);
		long id = ClinicAccounts.signIn(this.physio, this.jdbc, "physio@exports.example");
		ClinicAccount account = new ClinicAccount(id, "physio@exports.example", "Exports Physio");
		this.client = this.clients.add(account, new ClientForm("JD", "2", 180)).orElseThrow();
		ShareLink link = this.clients.link(this.client).orElseThrow();
		RunnerFixture first = ShareFlowContract.runnerFixture();
		// the second check gives no back pain figure: its cell stays empty, with no
		// Observation
		RunnerFixture second = first.with(Question.LONGEST_RUN_KM, 12.0).without(Question.BACK_PAIN_AVERAGE);
		this.assessed = List.of(this.rules.assess(first.answers()), this.rules.assess(second.answers()));
		submit(link, new CheckOutcome.Assessed(first.answers(), this.assessed.get(0)),
				Map.of("legPainAverage", 7, "backPainAverage", 4));
		this.clock.advance(Duration.ofDays(21));
		submit(link, new CheckOutcome.Assessed(second.answers(), this.assessed.get(1)), Map.of("legPainAverage", 5));
		this.clock.advance(Duration.ofDays(21));
		submit(link, ClinicDashboardContract.emergency(), Map.of());
		// a sign-in lasts 12 hours
		ClinicAccounts.signIn(this.physio, this.jdbc, "physio@exports.example");
		this.page = "/clinic/clients/" + this.client.publicId();
	}

	private void submit(ShareLink link, CheckOutcome outcome, Map<String, Integer> painAverages) {
		assertThat(this.share.submit(link, outcome, null)).isPresent();
		Map<String, Object> newest = this.jdbc
			.queryForMap("select id, answers from submission order by submitted_at desc, id desc limit 1");
		ObjectNode answers = (ObjectNode) this.json.readTree((String) newest.get("answers"));
		painAverages.forEach(answers::put);
		this.jdbc.update("update submission set answers = ? where id = ?", this.json.writeValueAsString(answers),
				((Number) newest.get("id")).longValue());
	}

	@Test
	void theTimelineCsvHasOneRowACheckWithItsFigures() {
		Browserless.Page export = this.physio.get(this.page + "/timeline.csv");
		assertThat(export.header("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(export.header("Content-Disposition")).hasValue("attachment; filename=\"timeline.csv\"");
		List<String> lines = export.body().lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).isEqualTo("submittedAt,submissionId,referral,referralMeaning,score,legPainAverage,"
				+ "backPainAverage,weeklyDistanceKm,baselineWeeklyDistanceKm,longestRunKm,baselineLongestRunKm,"
				+ "riskFactors");
		List<String> ids = this.jdbc.queryForList("select public_id from submission order by submitted_at",
				String.class);
		Assessment first = this.assessed.get(0);
		assertThat(lines.get(1)).startsWith("2026-10-15T12:00:00Z," + ids.get(0) + "," + first.referral() + ",")
			.contains("," + first.score() + ",7,4,30,30,15,12,")
			.contains("LOAD-LONG-RUN-SPIKE");
		assertThat(lines.get(2)).startsWith("2026-11-05T12:00:00Z," + ids.get(1))
			.contains("," + this.assessed.get(1).score() + ",5,,30,30,12,12,")
			.doesNotContain("LOAD-LONG-RUN-SPIKE");
		assertThat(lines.get(3)).isEqualTo("2026-11-26T12:00:00Z," + ids.get(2) + ",EMERGENCY,Emergency,,,,,,,,");
	}

	@Test
	void theTimelineIsAValidFhirBundleWithAnObservationForEachPainScore() {
		Browserless.Page export = this.physio.get(this.page + "/fhir");
		assertThat(export.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/fhir+json"));
		assertThat(FhirValidation.errors(export.body(), this.physio)).isEmpty();
		assertThat(FhirValidation.errors(export.body().replace("\"valueInteger\": 7", "\"valueInteger\": \"seven\""),
				this.physio))
			.as("the validator reads the Observations")
			.isNotEmpty();

		Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, export.body());
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
		Map<String, org.hl7.fhir.r4.model.Resource> byUrl = new LinkedHashMap<>();
		bundle.getEntry().forEach((entry) -> byUrl.put(entry.getFullUrl(), entry.getResource()));
		assertThat(byUrl.values()).extracting((resource) -> resource.getResourceType())
			.containsExactly(ResourceType.Patient, ResourceType.QuestionnaireResponse, ResourceType.Observation,
					ResourceType.Observation, ResourceType.QuestionnaireResponse, ResourceType.Observation,
					ResourceType.QuestionnaireResponse);
		Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
		assertThat(patient.getIdentifier()).extracting((identifier) -> identifier.getValue())
			.containsExactly(this.client.publicId(), "JD");
		assertThat(patient.getName()).as("no name, ever").isEmpty();

		List<Observation> pain = byUrl.values()
			.stream()
			.filter(Observation.class::isInstance)
			.map(Observation.class::cast)
			.toList();
		assertThat(pain).extracting((observation) -> observation.getValueIntegerType().getValue())
			.containsExactly(7, 4, 5);
		assertThat(pain).extracting((observation) -> observation.getBodySite().getCodingFirstRep().getCode())
			.containsExactly("61685007", "37822005", "61685007");
		for (Observation observation : pain) {
			assertThat(observation.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
			assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("72514-3");
			assertThat(observation.getCode().getText()).contains("on average over the last week");
			assertThat(byUrl.get(observation.getSubject().getReference())).isSameAs(patient);
			assertThat(byUrl.get(observation.getDerivedFromFirstRep().getReference()))
				.isInstanceOf(QuestionnaireResponse.class);
		}
		List<QuestionnaireResponse> responses = byUrl.values()
			.stream()
			.filter(QuestionnaireResponse.class::isInstance)
			.map(QuestionnaireResponse.class::cast)
			.toList();
		assertThat(responses)
			.allSatisfy((response) -> assertThat(byUrl.get(response.getSubject().getReference())).isSameAs(patient));
		assertThat(responses.get(0).getQuestionnaire()).endsWith(FhirExport.QUESTIONNAIRE_PATH + "|3");
	}

}
