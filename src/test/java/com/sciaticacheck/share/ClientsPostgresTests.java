package com.sciaticacheck.share;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A physio's clients on PostgreSQL (the migration's constraints and cascades, the late
 * clients' query), found as {@link ShareFlowPostgresTests} finds it: skipped on a machine
 * without one, failing in CI.
 */
@ActiveProfiles("postgres")
@EnabledIf("com.sciaticacheck.share.ShareFlowPostgresTests#postgresAvailable")
class ClientsPostgresTests extends ClientsContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		ShareFlowPostgresTests.postgres(registry);
	}

}
