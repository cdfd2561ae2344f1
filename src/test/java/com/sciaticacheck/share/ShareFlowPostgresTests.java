package com.sciaticacheck.share;

import com.sciaticacheck.support.TestPostgres;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same share flows on a real PostgreSQL, with the production profile. The server is
 * found at {@code SCIATICA_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5433/sciatica_test}, user {@code postgres}), which
 * CI starts. Without one these tests are skipped on a developer's machine, but fail in
 * CI.
 */
@ActiveProfiles("postgres")
@EnabledIf("postgresAvailable")
class ShareFlowPostgresTests extends ShareFlowContract {

	static final String URL = TestPostgres.URL;

	static final String USER = TestPostgres.USER;

	static final String PASSWORD = TestPostgres.PASSWORD;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> URL);
		registry.add("spring.datasource.username", () -> USER);
		registry.add("spring.datasource.password", () -> PASSWORD);
		// the profile refuses to start without SMTP; these tests read no mail (physios
		// sign in from trusted browsers; the alerts of urgent results fail here and are
		// left to retry, as AlertsTwoInstancesPostgresTests tests them), so an address
		// where nothing listens does: mail sent by mistake fails loudly instead of
		// landing in a folder
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> "1");
	}

	static boolean postgresAvailable() {
		return TestPostgres.available();
	}

}
