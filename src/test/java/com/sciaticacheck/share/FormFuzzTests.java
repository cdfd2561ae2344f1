package com.sciaticacheck.share;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Random;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad form posts to the questionnaire and share-link forms: oversized fields,
 * junk, repeated parameters, missing or wrong CSRF tokens. Never a 500, never a stack
 * trace, and nothing half-stored: every stored link or submission is one that was
 * answered with a success. A missing or forged token, and nothing else, gets the 403
 * "form has expired" page. Seeded (-Dfuzz.seed), printed on failure.
 */
@RunningAppTest
@ExtendWith(OutputCaptureExtension.class)
class FormFuzzTests {

	private static final List<String> QUESTIONNAIRE = Stream
		.of(Stream.of("safetyChecked", "unit"), Question.ALL.stream().map(Question::pageName),
				Stream.of("share", "reference"))
		.flatMap((names) -> names)
		.toList();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ShareService share;

	@Autowired
	private MessageSource messages;

	@Value("${server.tomcat.max-http-form-post-size}")
	private DataSize maxFormSize;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void badFormPostsGetClearAnswersAndStoreNothingHalfway() {
		ClinicAccounts.deleteAll(this.jdbc);
		long seed = Long.getLong("fuzz.seed", 20261126L);
		Random random = new Random(seed);
		Browserless user = new Browserless(this.port);
		long account = ClinicAccounts.signIn(user, this.jdbc, "physio@fuzz.example");
		ShareLink link = this.share.create(account, "Fuzz Clinic", null, 30);
		String client = "/c/" + link.clientSecret();
		user.get("/assessment");
		int linksCreated = 1;
		int submissionsStored = 0;
		int[] refused = new int[2];
		int tooLarge = 0;
		int sent = 0;
		for (int i = 0; i < 600; i++) {
			sent++;
			String path = pick(random,
					List.of("/assessment/safety", "/assessment/result", "/assessment/edit", "/clinic/links/new",
							client + "/safety", client + "/result", client + "/consent", client + "/emergency-consent",
							client + "/edit", "/r/" + "x".repeat(43) + "/delete"));
			Map<String, String> form = new LinkedHashMap<>(ShareFlowContract.runner());
			form.put("share", "true");
			form.put("clinicName", "Clinic " + i);
			form.put("days", "30");
			for (int j = random.nextInt(4); j >= 0; j--) {
				String field = pick(random, QUESTIONNAIRE);
				switch (random.nextInt(6)) {
					case 0 -> form.remove(field);
					case 1 -> form.put(field, "x".repeat(1 + random.nextInt(70_000)));
					case 2 -> form.put(field, pick(random, List.of("-1", "1e999", "NaN", "<script>", "'; drop table",
							"\u0000", "99999999999", "ONE_LEG,BOTH_LEGS", "")));
					case 3 -> form.put(field, form.getOrDefault(field, "1") + " " + form.getOrDefault(field, "1"));
					case 4 -> form.put("clinicName", "c".repeat(random.nextInt(200)));
					default -> form.put("reference", "r".repeat(random.nextInt(100)));
				}
			}
			int tokenChoice = random.nextInt(10);
			Browserless.Page page = (tokenChoice == 0) ? user.postWithout(path, form, null)
					: (tokenChoice == 1) ? user.postWithout(path, form, "forged") : user.post(path, form);
			String what = "seed " + seed + ", post #" + i + " to " + path + ((tokenChoice == 0) ? " without a token"
					: (tokenChoice == 1) ? " with a forged token" : " with the page's token");
			assertThat(page.status()).as(what).isLessThan(500);
			assertThat(page.body()).as(what).doesNotContain("Exception", "at org.", "at com.");
			if (bodyLength(page) > this.maxFormSize.toBytes()) {
				tooLarge++;
				// Tomcat refuses to read the form, token and all, before CSRF is checked
				assertThat(page.status()).as(what).isEqualTo(413);
			}
			else if (tokenChoice <= 1) {
				// every form here is CSRF-protected (only /api/** is exempt), so the
				// refusal comes before any controller, whatever else is wrong
				assertThat(page.status()).as(what).isEqualTo(403);
				assertShowsCsrfRefusal(page, what);
				refused[tokenChoice]++;
			}
			else {
				// the only 403 the app sends is the CSRF refusal: a form posted with the
				// page's own token must never be taken for a forged one
				assertThat(page.status()).as(what).isNotEqualTo(403);
				if (page.status() == 404) {
					assertThat(path).as(what + ": 404 only for the unknown result link").startsWith("/r/");
				}
			}
			if (page.status() == 302 && path.equals("/clinic/links/new")) {
				linksCreated++;
			}
			if (page.status() == 302 && page.location().contains("/r/")) {
				submissionsStored++;
			}
		}
		System.out.printf(
				"form fuzz: %d posts, seed %d, %d links and %d submissions stored, %d refused without"
						+ " a token and %d with a forged one, %d too large%n",
				sent, seed, linksCreated, submissionsStored, refused[0], refused[1], tooLarge);
		assertThat(sent).as("posts sent").isGreaterThanOrEqualTo(600);
		assertThat(refused).as("seed " + seed + ": posts without a token and with a forged one were both tried")
			.doesNotContain(0);
		assertThat(this.jdbc.queryForObject("select count(*) from share_link", Integer.class)).isEqualTo(linksCreated);
		assertThat(this.jdbc.queryForObject("select count(*) from submission", Integer.class))
			.isEqualTo(submissionsStored);
		for (Map<String, Object> row : this.jdbc.queryForList("select answers, result, reference from submission")) {
			assertThat(this.json.readTree((String) row.get("answers")).get(Question.AGE_YEARS.name()).asInt())
				.isBetween(16, 100);
			assertThat(this.json.readTree((String) row.get("result")).get("rulesVersion").asString()).isNotBlank();
			assertThat(row.get("reference") == null || ((String) row.get("reference")).length() <= 60).isTrue();
		}
	}

	/**
	 * Indexed, nested and map-style names (the stem a field of some form, or not) and
	 * multipart bodies, small and over the form limit, with and without a token, on every
	 * form path. A name no form has gets the form's own page, a redirect back to its
	 * start or the 404 page; multipart gets 415 everywhere; never a 500 or a stack trace
	 * in the log.
	 */
	@Test
	void oddNamesAndMultipartBodiesOnEveryPostPath(CapturedOutput output) {
		long seed = Long.getLong("fuzz.seed", 20261126L);
		Random random = new Random(seed);
		List<String> stems = Stream
			.concat(QUESTIONNAIRE.stream(), Stream.of("clinicName", "days", "message", "_csrf", "x", ""))
			.toList();
		List<String> suffixes = List.of("[0]", "[a]", ".b", "[0].x", "[", "]", "[]", "[99999999999]", "[-1]", ".class",
				"[0][1]", "['a']", "[a].b", "..", ".");
		Browserless user = new Browserless(this.port);
		long account = ClinicAccounts.signIn(user, this.jdbc, HardInputTests.PHYSIO);
		int[] sent = new int[3];
		List<String> paths = List.of();
		for (int i = 0; i < 1200; i++) {
			if (i % 100 == 0) {
				// a fresh link now and then: the link page's revoke and delete close it
				paths = HardInputTests.postPaths(this.share, this.jdbc, account, user);
			}
			String path = pick(random, paths);
			Map<String, String> form = new LinkedHashMap<>(ShareFlowContract.runner());
			form.put("clinicName", "Fuzz " + i);
			form.put("days", "30");
			for (int j = random.nextInt(3); j >= 0; j--) {
				form.put(pick(random, stems) + pick(random, suffixes),
						pick(random, List.of("1", "x", "true", "", "ONE_LEG", "99999999999")));
			}
			int kind = random.nextInt(10);
			Browserless.Page page;
			String what;
			if (kind < 7) {
				page = user.post(path, form);
				what = "seed " + seed + ", post #" + i + " to " + path + " of " + form.keySet();
				assertThat(page.status()).as(what).isIn(200, 302, 400, 404, 410);
				sent[0]++;
			}
			else {
				if (kind == 9) {
					form.put(pick(random, stems), "x".repeat(65 * 1024 + random.nextInt(10_000)));
				}
				page = user.postMultipart(path, form, (kind == 8) ? null : user.token());
				what = "seed " + seed + ", multipart post #" + i + " to " + path + " of " + form.keySet();
				assertThat(page.status()).as(what).isEqualTo(415);
				sent[(kind == 9) ? 2 : 1]++;
			}
			assertThat(page.body()).as(what).doesNotContain("Exception", "at org.", "at com.");
		}
		int total = sent[0] + sent[1] + sent[2];
		System.out.printf("form fuzz: %d posts with odd names or multipart, seed %d: %d url-encoded, %d multipart,"
				+ " %d multipart over 64 KiB%n", total, seed, sent[0], sent[1], sent[2]);
		assertThat(total).as("posts sent").isGreaterThanOrEqualTo(1200);
		assertThat(sent).as("every kind of post was tried").doesNotContain(0);
		HardInputTests.assertNoStackTrace(output);
	}

	/**
	 * The refusal a user sees is the app's own "form has expired" page, not a bare status
	 * or another error dressed as 403.
	 */
	private void assertShowsCsrfRefusal(Browserless.Page page, String what) {
		Document document = page.document();
		assertThat(document.select("main h1").text()).as(what)
			.isEqualTo(this.messages.getMessage("error.403.title", null, Locale.ENGLISH));
		assertThat(document.select("main p").text()).as(what)
			.isEqualTo(this.messages.getMessage("error.403.text", null, Locale.ENGLISH));
	}

	private static long bodyLength(Browserless.Page page) {
		return page.response().request().bodyPublisher().orElseThrow().contentLength();
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
