package com.sciaticacheck.rules;

import com.sciaticacheck.SciaticaCheckApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The app refuses to start on a broken rule table, and says which row is broken: here a
 * row whose points are not its grade's, which would weigh one kind of study against
 * another.
 */
class BrokenRuleTableStartupTests {

	@Test
	void brokenTableStopsTheStartNamingTheRow() {
		SpringApplicationBuilder app = new SpringApplicationBuilder(SciaticaCheckApplication.class);
		assertThatException()
			.isThrownBy(() -> app.run("--server.port=0", "--sciatica.rules.location=classpath:rules/broken-rules.md"))
			.havingRootCause()
			.isInstanceOf(RuleTableException.class)
			.withMessage(
					"Rule table broken-rules.md line 15 (rule LIFESTYLE-BMI-30): points 20 are not the 15 of grade STRONG");
	}

}
