package com.sciaticacheck.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import com.sciaticacheck.support.RunningAppTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The double-submit cookie only counts when the server made it: a cookie and form field
 * the attacker invents (as one who can set cookies from a sibling subdomain would) are
 * refused, whatever their shape, while the app's own pair works.
 */
@RunningAppTest
class CsrfTokensTests {

	private static final String SAFETY = "saddleNumbness=false&bladderChange=false&bowelChange=false"
			+ "&sexualDysfunction=false&bothLegsWeakOrNumb=false&seriousAccident=false";

	private final HttpClient http = HttpClient.newHttpClient();

	private final SecureRandom random = new SecureRandom();

	@LocalServerPort
	private int port;

	@Test
	void theAppsOwnCookieAndFieldAreAccepted() throws Exception {
		HttpResponse<String> page = get("/assessment");
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		String field = Jsoup.parse(page.body()).select("input[name=_csrf]").val();
		assertThat(postSafety(cookie, field).statusCode()).isEqualTo(200);
	}

	@Test
	void anInventedRandomPairIsRefused() throws Exception {
		String invented = HexFormat.of().formatHex(randomBytes(16));
		assertThat(postSafety("XSRF-TOKEN=" + invented, masked(invented)).statusCode()).isEqualTo(403);
	}

	@Test
	void anInventedPairShapedLikeTheAppsOwnIsRefused() throws Exception {
		HttpResponse<String> page = get("/assessment");
		String real = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0].split("=", 2)[1];
		// the same shape as the app's token, with a signature part the attacker made up
		String invented = real.contains(".")
				? real.substring(0, real.indexOf('.') + 1)
						+ Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32))
				: Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
		assertThat(postSafety("XSRF-TOKEN=" + invented, masked(invented)).statusCode()).isEqualTo(403);
	}

	/**
	 * The form field as the app's pages carry it: the token masked with random bytes
	 * (Spring Security's XorCsrfTokenRequestAttributeHandler), which anyone can compute.
	 */
	private String masked(String token) {
		byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
		byte[] mask = randomBytes(tokenBytes.length);
		byte[] combined = new byte[tokenBytes.length * 2];
		System.arraycopy(mask, 0, combined, 0, mask.length);
		for (int i = 0; i < tokenBytes.length; i++) {
			combined[mask.length + i] = (byte) (tokenBytes[i] ^ mask[i]);
		}
		return Base64.getUrlEncoder().encodeToString(combined);
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> postSafety(String cookie, String field) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/assessment/safety"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(BodyPublishers.ofString(SAFETY + "&_csrf=" + URLEncoder.encode(field, StandardCharsets.UTF_8)))
			.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
