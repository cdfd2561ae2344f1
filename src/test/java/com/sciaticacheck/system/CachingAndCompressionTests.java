package com.sciaticacheck.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.sciaticacheck.support.RunningAppTest;
import com.sciaticacheck.rules.Pain;
import com.sciaticacheck.rules.Question;
import com.sciaticacheck.support.Browserless;
import com.sciaticacheck.support.ClinicAccounts;
import com.sciaticacheck.support.ClinicLinks;
import com.sciaticacheck.support.RunnerFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stylesheets and scripts travel once: pages link them by content-hashed names, which a
 * browser may keep for a year. Pages, above all those with health answers, are never
 * stored. Text is gzipped for clients that ask for it.
 */
@RunningAppTest
class CachingAndCompressionTests {

	private static final String HASH = "-[0-9a-f]{32}";

	private static final String YEAR_IMMUTABLE = "max-age=31536000, public, immutable";

	/** What Spring Security writes on every page today, and must go on writing. */
	private static final String PAGE_NEVER_STORED = "no-cache, no-store, max-age=0, must-revalidate";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void pagesLinkTheirStylesheetAndScriptsByContentHash() throws Exception {
		Document page = Jsoup.parse(get("/assessment").body());
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).singleElement()
			.asString()
			.matches("/css/app" + HASH + "\\.css");
		assertThat(page.select("script[src]").eachAttr("src")).singleElement()
			.asString()
			.matches("/js/focus-errors" + HASH + "\\.js");
		assertThat(result().document().select("script[src]").eachAttr("src"))
			.anyMatch((src) -> src.matches("/js/print" + HASH + "\\.js"));
	}

	@Test
	void hashedFilesAreKeptForAYearAndAreTheFilesThemselves() throws Exception {
		Document page = Jsoup.parse(result().body());
		List<String> files = new ArrayList<>(page.select("link[rel=stylesheet]").eachAttr("href"));
		files.addAll(page.select("script[src]").eachAttr("src"));
		assertThat(files).hasSize(3);
		for (String file : files) {
			HttpResponse<byte[]> response = getBytes(file, Map.of());
			assertThat(response.statusCode()).as(file).isEqualTo(200);
			assertThat(header(response, "Cache-Control")).as(file).isEqualTo(YEAR_IMMUTABLE);
			assertThat(response.headers().firstValue("Pragma")).as(file).isEmpty();
			assertThat(response.headers().firstValue("Expires")).as(file).isEmpty();
			assertThat(header(response, "X-Content-Type-Options")).as(file).isEqualTo("nosniff");
			assertThat(response.body()).as(file).isEqualTo(staticFile(file.replaceFirst(HASH, "")));
		}
	}

	@Test
	void thePlainNameIsStillServedButCheckedBeforeReuse() throws Exception {
		HttpResponse<byte[]> response = getBytes("/css/app.css", Map.of());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Cache-Control")).isEqualTo("no-cache");
		assertThat(response.headers().firstValue("Last-Modified")).isPresent();
		assertThat(response.body()).isEqualTo(staticFile("/css/app.css"));
	}

	@Test
	void aHashThatIsNotTheFilesIsNotFoundAndNotStored() throws Exception {
		HttpResponse<String> response = get("/css/app-" + "0".repeat(32) + ".css");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(header(response, "Cache-Control")).contains("no-store").doesNotContain("immutable");
	}

	@Test
	void pagesWithAnswersAreNeverStored() throws Exception {
		assertThat(result().header("Cache-Control")).hasValue(PAGE_NEVER_STORED);
		for (String path : List.of("/", "/assessment", "/how-scoring-works", "/api/v1/rules")) {
			assertThat(header(get(path), "Cache-Control")).as(path).isEqualTo(PAGE_NEVER_STORED);
		}
		for (String path : List.of("/c/" + "A".repeat(43), "/r/" + "A".repeat(43))) {
			assertThat(header(get(path), "Cache-Control")).as(path).isEqualTo("no-store");
		}
		Browserless physio = signedInPhysio();
		ClinicLinks.Link link = ClinicLinks.create(physio, "Riverside Physio", "", 30);
		for (String path : List.of("/clinic", link.page(), link.csv(), "/clinic/submissions.csv",
				"/clinic/" + "A".repeat(43), "/clinic/links/" + "A".repeat(22))) {
			assertThat(physio.get(path).header("Cache-Control")).as(path).hasValue("no-store");
		}
		assertThat(header(get("/clinic"), "Cache-Control")).as("the redirect to sign in").contains("no-store");
	}

	/** Not even its refusals: a 401 is stored nowhere either. */
	@Test
	void linksApiAnswersAreNeverStored() throws Exception {
		for (String path : List.of("/api/v2/links", "/api/v2/links/" + "A".repeat(22) + "/submissions")) {
			assertThat(header(get(path), "Cache-Control")).as(path).isEqualTo("no-store");
		}
	}

	private Browserless signedInPhysio() {
		Browserless physio = new Browserless(this.port);
		ClinicAccounts.signIn(physio, this.jdbc, "physio@caching.example");
		return physio;
	}

	@Test
	void textIsGzippedForClientsThatAcceptIt() throws Exception {
		String stylesheet = Jsoup.parse(get("/assessment").body()).select("link[rel=stylesheet]").attr("href");
		for (String path : List.of("/assessment", stylesheet, "/css/app.css", "/api/v1/rules")) {
			HttpResponse<byte[]> response = getBytes(path, Map.of("Accept-Encoding", "gzip"));
			assertThat(header(response, "Content-Encoding")).as(path).isEqualTo("gzip");
			assertThat(header(response, "Vary")).as(path).containsIgnoringCase("accept-encoding");
			assertThat(gunzip(response.body()).length).as(path).isGreaterThan(response.body().length);
		}
		String page = new String(gunzip(getBytes("/assessment", Map.of("Accept-Encoding", "gzip")).body()),
				StandardCharsets.UTF_8);
		assertThat(page).contains("<html", "</html>");
	}

	@Test
	void textIsSentPlainToClientsThatDoNotAcceptGzip() throws Exception {
		for (String path : List.of("/assessment", "/css/app.css", "/api/v1/rules")) {
			HttpResponse<String> response = get(path);
			assertThat(response.headers().firstValue("Content-Encoding")).as(path).isEmpty();
		}
		assertThat(get("/assessment").body()).contains("<html", "</html>");
	}

	/**
	 * Compressing pages that carry a CSRF token is safe from BREACH only while the token
	 * is masked afresh in every response (Spring Security's default
	 * XorCsrfTokenRequestAttributeHandler).
	 */
	@Test
	void theCsrfTokenInAPageIsDifferentInEveryResponse() {
		Browserless browser = new Browserless(this.port);
		String first = browser.get("/assessment").document().select("input[name=_csrf]").val();
		String second = browser.get("/assessment").document().select("input[name=_csrf]").val();
		assertThat(first).isNotBlank().isNotEqualTo(second);
		// the clinic's token lives in the session, and is masked afresh as well
		Browserless physio = signedInPhysio();
		String clinicFirst = physio.get("/clinic/links/new").document().select("input[name=_csrf]").val();
		String clinicSecond = physio.get("/clinic/links/new").document().select("input[name=_csrf]").val();
		assertThat(clinicFirst).isNotBlank().isNotEqualTo(clinicSecond);
	}

	/** The result page for a typical runner, reached as a browser reaches it. */
	private Browserless.Page result() {
		Map<String, String> answers = RunnerFixture.calm()
			.with(Question.LONGEST_RUN_KM, 15.0)
			.with(Question.STRENGTH_SESSIONS_PER_WEEK, 0)
			.inPain(Pain.ONE_LEG, 6, 4)
			.page();
		Browserless.Page result = new Browserless(this.port).post("/assessment/result", answers);
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("out of 100");
		return result;
	}

	private static byte[] staticFile(String path) throws IOException {
		return new ClassPathResource("static" + path).getContentAsByteArray();
	}

	private static byte[] gunzip(byte[] compressed) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return in.readAllBytes();
		}
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse("");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		headers.forEach(request::header);
		return this.http.send(request.build(), BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
