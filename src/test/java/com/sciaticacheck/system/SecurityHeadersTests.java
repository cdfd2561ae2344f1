package com.sciaticacheck.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sciaticacheck.support.RawHttp;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response carries the security headers, cookies are HttpOnly, SameSite and (over
 * HTTPS) Secure under the {@code __Host-} prefix, and error responses reveal no stack
 * trace, version or path. HTTPS is simulated through a trusted proxy's X-Forwarded-Proto,
 * as behind a load balancer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
class SecurityHeadersTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void everyResponseCarriesTheSecurityHeaders() throws Exception {
		for (HttpResponse<String> response : List.of(get("/"), get("/assessment"), get("/css/app.css"),
				get("/js/print.js"), get("/how-scoring-works"), get("/clinic/sign-in"), get("/clinic"),
				get("/no-such-page"), get("/api/v1/rules"), get("/api/v1/nothing"), get("/actuator/health"),
				get("/v3/api-docs"), post("/api/v1/assessments", "application/json", "{}"),
				post("/assessment/safety", "text/plain", "x"),
				post("/assessment/safety", "multipart/form-data; boundary=b", "--b--\r\n"))) {
			String what = response.request().method() + " " + response.uri().getPath();
			assertThat(header(response, "Content-Security-Policy")).as(what)
				.contains("default-src 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline");
			assertThat(header(response, "X-Content-Type-Options")).as(what).isEqualTo("nosniff");
			assertThat(header(response, "Referrer-Policy")).as(what).isEqualTo("no-referrer");
			assertThat(header(response, "Permissions-Policy")).as(what).contains("camera=()", "geolocation=()");
			assertThat(response.headers().firstValue("Server")).as(what).isEmpty();
		}
	}

	/**
	 * Requests Tomcat refuses before any filter of the app runs: a bad escape, a
	 * character not allowed in a request line, a malformed header. Its own 400 page
	 * carries the same headers as every other page.
	 */
	@Test
	void tomcatsOwnBadRequestPagesCarryTheSecurityHeaders() {
		for (String request : List.of("GET /% HTTP/1.1\r\nHost: x\r\n", "GET /a{b HTTP/1.1\r\nHost: x\r\n",
				"GET /%00 HTTP/1.1\r\nHost: x\r\n", "GET / HTTP/1.1\r\nHo st: x\r\n")) {
			String response = RawHttp
				.exchange(this.port, (request + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
						Duration.ofSeconds(5))
				.orElseThrow();
			String what = request.lines().findFirst().orElseThrow();
			assertThat(RawHttp.status(response)).as(what).isEqualTo(400);
			assertThat(RawHttp.header(response, "Content-Security-Policy")).as(what)
				.hasValue(PageSecurity.CONTENT_SECURITY_POLICY);
			assertThat(RawHttp.header(response, "X-Content-Type-Options")).as(what).hasValue("nosniff");
			assertThat(RawHttp.header(response, "Referrer-Policy")).as(what).hasValue("no-referrer");
			assertThat(RawHttp.header(response, "X-Frame-Options")).as(what).hasValue("DENY");
			assertThat(RawHttp.header(response, "Permissions-Policy")).as(what)
				.hasValue(PageSecurity.PERMISSIONS_POLICY);
			assertThat(RawHttp.header(response, "Cache-Control")).as(what)
				.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
			assertThat(RawHttp.header(response, "Server")).as(what).isEmpty();
			assertThat(response).as(what).doesNotContain("Tomcat", "Exception", "Invalid URI");
		}
	}

	@Test
	void theCsrfCookieIsHttpOnlySameSiteAndSecureOverHttps() throws Exception {
		String plain = header(get("/assessment"), "Set-Cookie");
		assertThat(plain).startsWith("XSRF-TOKEN=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
		HttpResponse<String> overHttps = this.http.send(
				HttpRequest.newBuilder(uri("/assessment")).header("X-Forwarded-Proto", "https").GET().build(),
				BodyHandlers.ofString());
		assertThat(header(overHttps, "Set-Cookie")).startsWith("__Host-XSRF-TOKEN=")
			.contains("HttpOnly", "SameSite=Lax", "Secure", "Path=/;")
			.doesNotContainIgnoringCase("Domain=");
	}

	@Test
	void errorResponsesRevealNoStackTraceVersionOrPath() throws Exception {
		for (HttpResponse<String> response : List.of(get("/no-such-page"), get("/api/v1/nothing"),
				post("/assessment/safety", "application/x-www-form-urlencoded", "saddleNumbness=true"),
				post("/api/v1/assessments", "application/json", "{\"answer\":"),
				post("/api/v1/assessments", "text/plain", "x"), get("/c/x/submissions/abc"),
				post("/clinic/sign-in", "application/x-www-form-urlencoded", "email=a%40b.example&password=x"))) {
			assertThat(response.statusCode()).isBetween(400, 499);
			assertThat(response.body()).doesNotContain("Exception", "at org.", "at com.", "Tomcat", "Spring", "trace",
					"/work/", "java.");
		}
	}

	private String header(HttpResponse<String> response, String name) {
		return response.headers().firstValue(name).orElse("");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String type, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", type)
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
