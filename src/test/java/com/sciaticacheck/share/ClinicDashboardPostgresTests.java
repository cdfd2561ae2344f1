package com.sciaticacheck.share;

import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The clinic dashboard on PostgreSQL (triage order, pages, bursts and claims are SQL),
 * found as {@link ShareFlowPostgresTests} finds it: skipped on a machine without one,
 * failing in CI.
 */
@ActiveProfiles("postgres")
@EnabledIf("com.sciaticacheck.share.ShareFlowPostgresTests#postgresAvailable")
class ClinicDashboardPostgresTests extends ClinicDashboardContract {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		ShareFlowPostgresTests.postgres(registry);
	}

}
