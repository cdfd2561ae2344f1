package com.sciaticacheck.share;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.sciaticacheck.SciaticaCheckApplication;
import com.sciaticacheck.assessment.CheckOutcome;
import com.sciaticacheck.rules.Answers;
import com.sciaticacheck.rules.Assessment;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.rules.Referral;
import com.sciaticacheck.rules.RiskLevel;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.RunnerFixture;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's folder and files are the app's user's alone, and what H2 can
 * and cannot promise about deleted answers in its file, measured on its raw bytes.
 */
class EmbeddedDatabaseFilesTests {

	/** A reference and answers no other test data contain. */
	private static final String REFERENCE = "ZQX-REF-48151623";

	private static final int AGE = 87;

	private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	@TempDir
	Path temp;

	@Test
	void aNewDataFolderAndItsFilesAreTheOwnersAlone() throws IOException {
		Path data = this.temp.resolve("data");
		try (ConfigurableApplicationContext app = start(url(data, ""), "")) {
			assertOwnerOnly(data);
			app.getBean(RetentionPurge.class).purge();
			assertOwnerOnly(data);
		}
		assertOwnerOnly(data);
	}

	@Test
	void anExistingWorldReadableDataFolderIsTightened() throws IOException {
		Path data = Files.createDirectories(this.temp.resolve("data"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		try (ConfigurableApplicationContext app = start(url(data, ""), "")) {
			// files left world-readable by an earlier version of the app
			Path file = data.resolve("sciatica-check.mv.db");
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
			app.getBean(RetentionPurge.class).purge();
			assertOwnerOnly(data);
		}
	}

	/**
	 * H2 keeps a deleted row's old page in its file until that space is written over, and
	 * nothing at run time makes it do so: measured here, the deleted answers are still in
	 * the file after the purge has run (the test prints what it found). Stopping the app
	 * compacts the file ({@code SHUTDOWN COMPACT}), which rewrites it without them.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void deletedAnswersLeaveThePlainFileWhenTheAppStops(CapturedOutput output) throws Exception {
		Path data = this.temp.resolve("data");
		Path file = data.resolve("sciatica-check.mv.db");
		try (ConfigurableApplicationContext app = start(url(data, ""), "")) {
			ShareService share = app.getBean(ShareService.class);
			String resultSecret = shareAndCheckpoint(app, share);
			assertThat(found(file)).as("stored answers are in the plain file").contains(REFERENCE);
			assertThat(share.deleteByResultSecret(resultSecret)).isTrue();
			for (int cycle = 1; cycle <= 3; cycle++) {
				app.getBean(RetentionPurge.class).purge();
				Thread.sleep(1000);
				System.out.println("Deleted answers in the H2 file after purge cycle " + cycle + ": " + found(file));
			}
		}
		assertThat(found(file)).as("after SHUTDOWN COMPACT").isEmpty();
		// closing the pool's connection after the shutdown is no failure to report
		assertThat(output.getOut()).doesNotContain("Could not compact");
	}

	/**
	 * With H2's own encryption ({@code CIPHER=AES}) neither stored nor deleted answers
	 * are ever in the file in the clear.
	 */
	@Test
	void anEncryptedFileNeverHoldsAnswersInTheClear() throws Exception {
		Path data = this.temp.resolve("data");
		Path file = data.resolve("sciatica-check.mv.db");
		try (ConfigurableApplicationContext app = start(url(data, ";CIPHER=AES"), "file-key-0123456789abcdef sa")) {
			ShareService share = app.getBean(ShareService.class);
			String resultSecret = shareAndCheckpoint(app, share);
			assertThat(share.findResult(resultSecret)).isPresent();
			assertThat(found(file)).as("stored").isEmpty();
			assertThat(share.deleteByResultSecret(resultSecret)).isTrue();
			app.getBean(RetentionPurge.class).purge();
			assertThat(found(file)).as("deleted").isEmpty();
		}
	}

	private static String shareAndCheckpoint(ConfigurableApplicationContext app, ShareService share) throws Exception {
		long account = ClinicAccounts.create(app.getBean(JdbcTemplate.class), "physio@riverside.example",
				"Riverside Physio");
		ShareLink link = share.create(account, "Riverside Physio", null, 30);
		Assessment assessment = new Assessment("test", 12, RiskLevel.LOW, Referral.NONE, List.of(), List.of(),
				List.of());
		Answers answers = RunnerFixture.calm().with(Question.AGE_YEARS, AGE).answers();
		String resultSecret = share.submit(link, new CheckOutcome.Assessed(answers, assessment), REFERENCE)
			.orElseThrow();
		try (var connection = app.getBean(javax.sql.DataSource.class).getConnection();
				var statement = connection.createStatement()) {
			statement.execute("CHECKPOINT SYNC");
		}
		return resultSecret;
	}

	/** Which of the submission's distinctive strings the raw file holds. */
	private static List<String> found(Path file) throws IOException {
		String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		return Stream.of(REFERENCE, "\"" + Question.AGE_YEARS.name() + "\":" + AGE).filter(bytes::contains).toList();
	}

	private static void assertOwnerOnly(Path data) throws IOException {
		assertThat(Files.getPosixFilePermissions(data)).as(data.toString()).isEqualTo(OWNER_ONLY_FOLDER);
		try (Stream<Path> files = Files.list(data)) {
			List<Path> all = files.toList();
			assertThat(all).as("files in " + data).isNotEmpty();
			for (Path file : all) {
				assertThat(Files.getPosixFilePermissions(file)).as(file.toString()).isEqualTo(OWNER_ONLY_FILE);
			}
		}
	}

	private static String url(Path data, String options) {
		return "jdbc:h2:file:" + data.resolve("sciatica-check") + ";DB_CLOSE_ON_EXIT=FALSE" + options;
	}

	private static ConfigurableApplicationContext start(String url, String password) {
		return new SpringApplicationBuilder(SciaticaCheckApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.password=" + password);
	}

}
