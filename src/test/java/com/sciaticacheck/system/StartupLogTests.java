package com.sciaticacheck.system;

import com.sciaticacheck.SciaticaCheckApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up log: there are no users, so no password is generated for one that nobody
 * could use (and that a log reader could).
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLogTests {

	@Test
	void startsWithoutAGeneratedPassword(CapturedOutput output) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SciaticaCheckApplication.class)
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:startup-log")) {
			assertThat(output.getAll()).contains("Tomcat started on port")
				.doesNotContainIgnoringCase("generated security password")
				.doesNotContain("inMemoryUserDetailsManager");
		}
	}

}
