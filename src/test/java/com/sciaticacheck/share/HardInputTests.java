package com.sciaticacheck.share;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.RawHttp;
import com.sciaticacheck.support.RunningAppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests an attacker sends and no form does: indexed, nested and map-style names,
 * placeholders for secrets, multipart bodies small and large. Each gets a 4xx or the
 * form's own page, never a 500, and leaves no stack trace in the log. The user is a
 * signed-in physio too, so the clinic's forms are reached, not only its sign-in.
 */
@RunningAppTest
@ExtendWith(OutputCaptureExtension.class)
class HardInputTests {

	static final List<String> ODD_NAMES = List.of(Question.SYMPTOMS.pageName() + "[0]",
			Question.AGE_YEARS.pageName() + "[0]", Question.CONDITIONS.pageName() + "[a]", "a.b",
			Question.PAIN_WEEKS.pageName() + ".x", "clinicName[0]", "days[0]", "share[0]", "reference[x]",
			"message.bytes", "class.module.classLoader", "conditions[0][1]", "[", "]", ".", "share[", "days[-1]",
			"clinicName[99999999999]");

	@LocalServerPort
	private int port;

	@Autowired
	private ShareService share;

	@Autowired
	private MessageSource messages;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void oddNamesOnEveryPostPathGetTheFormsOwnAnswer(CapturedOutput output) {
		Browserless user = new Browserless(this.port);
		for (String path : postPaths(user)) {
			for (String name : ODD_NAMES) {
				Map<String, String> form = new LinkedHashMap<>(ShareFlowContract.runner());
				form.put("clinicName", "Odd names");
				form.put("days", "30");
				form.put(name, "1");
				Browserless.Page page = user.post(path, form);
				String what = "POST " + path + " with " + name;
				assertThat(page.status()).as(what).isIn(200, 302, 400, 404);
				assertThat(page.body()).as(what).doesNotContain("Exception", "at org.", "at com.");
			}
		}
		assertNoStackTrace(output);
	}

	@Test
	void placeholdersForTheSecretAreNotFound(CapturedOutput output) {
		Browserless user = new Browserless(this.port);
		ClinicAccounts.signIn(user, this.jdbc, PHYSIO);
		for (String path : List.of("/c/%7Bfoo%7D/result", "/c/%7Bfoo%7D/edit", "/c/%7Bfoo%7D/consent",
				"/c/%7Bfoo%7D/emergency-consent", "/c/%7Bfoo%7D/safety", "/c/%7Bfoo%7D", "/clinic/%7Bfoo%7D",
				"/r/%7Bfoo%7D", "/clinic/links/%7Bfoo%7D", "/clinic/submissions/%7Bfoo%7D",
				"/clinic/links/%7Bfoo%7D/submissions.csv", "/clinic/submissions/%7Bfoo%7D/fhir")) {
			Browserless.Page page = user.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			// the app's 404 page, or the share pages' own one for an unknown link
			assertThat(page.document().select("main h1").text()).as(path)
				.isIn(this.messages.getMessage("error.404.title", null, Locale.ENGLISH),
						this.messages.getMessage("link.unknown.title", null, Locale.ENGLISH));
		}
		assertNoStackTrace(output);
	}

	@Test
	void multipartFormsAreRefusedWithTheErrorPage(CapturedOutput output) {
		Browserless user = new Browserless(this.port);
		String token = user.token();
		for (String path : postPaths(user)) {
			for (String text : List.of("x", "x".repeat(70 * 1024))) {
				Map<String, String> form = new LinkedHashMap<>(ShareFlowContract.runner());
				form.put("clinicName", text);
				form.put("days", "30");
				Browserless.Page page = user.postMultipart(path, form, token);
				String what = "multipart POST " + path + " with a field of " + text.length() + " characters";
				assertThat(page.status()).as(what).isEqualTo(415);
				assertThat(page.document().select("main h1").text()).as(what)
					.isEqualTo(this.messages.getMessage("error.415.title", null, Locale.ENGLISH));
			}
		}
		assertNoStackTrace(output);
	}

	/**
	 * 8 MB announced, a few bytes sent: the refusal comes without waiting for the rest,
	 * so nothing reads a multipart body before the CSRF check.
	 */
	@Test
	void multipartIsRefusedBeforeItsBodyIsRead() {
		// the runner's filter chain, and the clinic's
		for (String path : List.of("/assessment/safety", "/clinic/links/new", "/clinic/sign-in")) {
			String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (8 * 1024 * 1024)
					+ "\r\nConnection: close\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n";
			String response = RawHttp
				.exchange(this.port, head.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(5))
				.orElseThrow(() -> new AssertionError(path + ": no answer within 5 s: the server waits for the body"));
			assertThat(RawHttp.status(response)).as(path).isEqualTo(415);
		}
	}

	private List<String> postPaths(Browserless user) {
		long account = ClinicAccounts.signIn(user, this.jdbc, PHYSIO);
		return postPaths(this.share, this.jdbc, account, user);
	}

	/** The physio whose links the posts reach. */
	static final String PHYSIO = "physio@odd-names.example";

	/**
	 * Every form path of the app, with live secrets and ids where a path has one, for a
	 * user signed in to the account; the last two close the link.
	 */
	static List<String> postPaths(ShareService share, JdbcTemplate jdbc, long account, Browserless user) {
		ShareLink link = share.create(account, "Odd Names Clinic", null, 30);
		String client = "/c/" + link.clientSecret();
		Map<String, String> consent = new LinkedHashMap<>(ShareFlowContract.runner());
		consent.put("share", "true");
		Browserless.Page stored = user.post(client + "/consent", consent);
		assertThat(stored.status()).isEqualTo(302);
		String result = stored.location().replaceFirst("^https?://[^/]+", "");
		String first = jdbc.queryForObject("select public_id from submission where share_link_id = ?", String.class,
				link.id());
		// another, for the physio to delete: the client deletes the first
		assertThat(user.post(client + "/consent", consent).status()).isEqualTo(302);
		String submission = "/clinic/submissions/"
				+ jdbc.queryForObject("select public_id from submission where share_link_id = ? and public_id <> ?",
						String.class, link.id(), first);
		String page = "/clinic/links/" + link.publicId();
		String old = LinksBeforeAccounts.insert(jdbc, "Old Clinic", 30, java.time.Instant.now()).dashboard();
		return List.of("/assessment/safety", "/assessment/result", "/assessment/edit", "/clinic/links/new",
				client + "/safety", client + "/result", client + "/edit", client + "/consent",
				client + "/emergency-consent", "/clinic/submissions/" + "A".repeat(22) + "/delete", result + "/delete",
				submission + "/delete", page + "/bursts/delete", old + "/claim", page + "/revoke", page + "/delete");
	}

	static void assertNoStackTrace(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain("\tat ", "Exception:", " ERROR ");
	}

}
