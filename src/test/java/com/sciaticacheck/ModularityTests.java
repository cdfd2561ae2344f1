package com.sciaticacheck;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module graph declared in each package's {@code package-info.java} holds in the
 * code: rules at the bottom, assessment and api on it, share on top with alerts above it,
 * system under all. Reads the compiled classes only; no Spring context is started.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(SciaticaCheckApplication.class);

	@Test
	void modulesDependOnlyOnWhatTheyDeclare() {
		this.modules.verify();
	}

	/**
	 * Garmin's FIT SDK is for the tests only: its licence does not let the app ship it
	 * (README, "Training files"), so the app reads FIT files with its own decoder.
	 */
	@Test
	void theAppItselfNeverUsesGarminsSdk() {
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.garmin..")
			.because("the FIT SDK's licence allows it in our tests, not in what we ship")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("com.sciaticacheck"));
	}

	@Test
	void writesModuleDocumentation() {
		// PlantUML diagrams and module canvases under target/spring-modulith-docs, for
		// review
		new Documenter(this.modules).writeDocumentation();
	}

}
