package com.sciaticacheck.share;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.sciaticacheck.SciaticaCheckApplication;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.RiskLevel;
import com.sciaticacheck.rules.Referral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** On the default file database, shared answers survive the app stopping and starting. */
class FileDatabaseRestartTests {

	@TempDir
	Path data;

	@Test
	void submissionsSurviveARestart() {
		String[] args = { "--server.port=0", "--spring.datasource.url=jdbc:h2:file:"
				+ this.data.resolve("sciatica-check") + ";DB_CLOSE_ON_EXIT=FALSE" };
		String dashboardSecret;
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SciaticaCheckApplication.class)
			.run(args)) {
			ShareService share = app.getBean(ShareService.class);
			ShareService.CreatedLink created = share.create("Riverside Physio", null, 30);
			dashboardSecret = created.dashboardSecret();
			Assessment assessment = new Assessment("test", 12, RiskLevel.LOW, Referral.NONE, List.of(), List.of(),
					List.of());
			assertThat(share.submit(created.link(), Map.of("ageYears", 40), assessment, true, "J.D.")).isPresent();
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SciaticaCheckApplication.class)
			.run(args)) {
			ShareService share = app.getBean(ShareService.class);
			ShareLink link = share.findForDashboard(dashboardSecret).orElseThrow();
			assertThat(share.submissions(link)).singleElement().satisfies((submission) -> {
				assertThat(submission.reference()).isEqualTo("J.D.");
				assertThat(share.answers(submission)).containsEntry("ageYears", 40);
				assertThat(share.assessment(submission).score()).isEqualTo(12);
			});
		}
	}

}
