package com.sciaticacheck.share;

import java.nio.file.Path;
import java.util.List;

import com.sciaticacheck.SciaticaCheckApplication;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.RiskLevel;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.RunnerFixture;
import com.sciaticacheck.rules.Referral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** On the default file database, shared answers survive the app stopping and starting. */
class FileDatabaseRestartTests {

	@TempDir
	Path data;

	@Test
	void submissionsSurviveARestart() {
		String[] args = { "--server.port=0", "--spring.datasource.url=jdbc:h2:file:"
				+ this.data.resolve("sciatica-check") + ";DB_CLOSE_ON_EXIT=FALSE" };
		long account;
		String publicId;
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SciaticaCheckApplication.class)
			.run(args)) {
			ShareService share = app.getBean(ShareService.class);
			account = ClinicAccounts.create(app.getBean(JdbcTemplate.class), "physio@riverside.example",
					"Riverside Physio");
			ShareLink created = share.create(account, "Riverside Physio", null, 30);
			publicId = created.publicId();
			Assessment assessment = new Assessment("test", 12, RiskLevel.LOW, Referral.NONE, List.of(), List.of(),
					List.of());
			Answers answers = RunnerFixture.calm().with(Question.AGE_YEARS, 40).answers();
			assertThat(share.submit(created, new CheckOutcome.Assessed(answers, assessment), "J.D.")).isPresent();
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SciaticaCheckApplication.class)
			.run(args)) {
			ShareService share = app.getBean(ShareService.class);
			ShareLink link = share.link(account, publicId).orElseThrow();
			assertThat(share.submissions(link)).singleElement().satisfies((submission) -> {
				assertThat(submission.reference()).isEqualTo("J.D.");
				CheckOutcome outcome = share.outcome(submission);
				assertThat(outcome.answers()).containsEntry(Question.AGE_YEARS, 40);
				assertThat(((CheckOutcome.Assessed) outcome).assessment().score()).isEqualTo(12);
			});
		}
	}

}
