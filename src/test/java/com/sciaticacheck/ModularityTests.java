package com.sciaticacheck;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module graph declared in each package's {@code package-info.java} holds in the
 * code: rules at the bottom, assessment and api on it, share on top, system under all.
 * Reads the compiled classes only; no Spring context is started.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(SciaticaCheckApplication.class);

	@Test
	void modulesDependOnlyOnWhatTheyDeclare() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		// PlantUML diagrams and module canvases under target/spring-modulith-docs, for
		// review
		new Documenter(this.modules).writeDocumentation();
	}

}
