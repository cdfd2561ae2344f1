package com.sciaticacheck.share;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limits on PostgreSQL, found as {@link ShareFlowPostgresTests} finds it: skipped on
 * a machine without one, failing in CI.
 */
@ActiveProfiles("postgres")
@EnabledIf("com.sciaticacheck.share.ShareFlowPostgresTests#postgresAvailable")
class RateLimitPostgresTests extends RateLimitContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		ShareFlowPostgresTests.postgres(registry);
	}

}
