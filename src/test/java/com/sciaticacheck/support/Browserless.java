package com.sciaticacheck.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.sciaticacheck.rules.Question;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A user's side of real HTTP without a browser: keeps cookies like a browser, sends the
 * CSRF token the pages carry, and does not follow redirects so tests see them.
 *
 * <p>
 * The clinic's pages keep their CSRF token in the server session, the runner's pages in a
 * signed cookie: a form is posted with the token of the last page of its own part of the
 * app, as a browser posts each form with the token of the page it came from.
 */
public final class Browserless {

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final int port;

	/** The questionnaire's fields that take any number of answers. */
	private static final Set<String> MANY_ANSWERS = Question.ALL.stream()
		.filter((question) -> question.kind() == Question.Kind.ANY_OF)
		.map(Question::pageName)
		.collect(Collectors.toSet());

	/** The token of the last page of the clinic (true) and of the rest (false). */
	private final Map<Boolean, String> csrfTokens = new java.util.HashMap<>();

	/** Sent with every request, such as a proxy's {@code X-Forwarded-For}. */
	private final Map<String, String> headers = new java.util.LinkedHashMap<>();

	public Browserless(int port) {
		this.port = port;
	}

	/**
	 * A user behind a trusted proxy at the given address (the app must trust forwarded
	 * headers).
	 */
	public Browserless from(String address) {
		this.headers.put("X-Forwarded-For", address);
		return this;
	}

	/** Sends a header with every request, such as {@code Authorization}. */
	public Browserless withHeader(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/** Sets a cookie as if the app had set it earlier, such as a trusted device's. */
	public Browserless withCookie(String name, String value) {
		java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(uri("/"), cookie);
		return this;
	}

	/** The value of a cookie the app set, if any. */
	public Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.get(uri("/"))
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst();
	}

	/** Forgets every cookie, as a browser that was closed. */
	public Browserless withoutCookies() {
		this.cookies.getCookieStore().removeAll();
		this.csrfTokens.clear();
		return this;
	}

	/** A response as the user gets it. */
	public record Page(int status, String body, HttpResponse<String> response) {

		public Document document() {
			return Jsoup.parse(this.body);
		}

		public Optional<String> header(String name) {
			return this.response.headers().firstValue(name);
		}

		public String location() {
			return header("Location").orElseThrow();
		}

	}

	public Page get(String path) {
		Page page = send(HttpRequest.newBuilder(uri(path)).GET());
		remember(page);
		return page;
	}

	/**
	 * Posts a form as a browser would after loading a page of this app: with its CSRF
	 * token (the last one of the clinic's pages for a clinic address).
	 */
	public Page post(String path, Map<String, String> form) {
		boolean clinic = clinic(path);
		if (this.csrfTokens.get(clinic) == null) {
			Page start = get(clinic ? "/clinic/sign-in" : "/assessment");
			if (start.status() == 302) {
				// signed in already: the sign-in page sends on to the dashboard
				follow(start);
			}
		}
		return postWithout(path, form, this.csrfTokens.get(clinic));
	}

	/** Whether the path is the clinic's, whose pages carry the session's CSRF token. */
	private static boolean clinic(String path) {
		return path.equals("/clinic") || path.startsWith("/clinic/") || path.startsWith("/clinic?")
				|| path.startsWith("/webauthn/") || path.equals("/login/webauthn");
	}

	/** Posts a form with the given token (or none): for forged or stale forms. */
	public Page postWithout(String path, Map<String, String> form, String token) {
		List<String> pairs = new ArrayList<>();
		form.forEach((name, value) -> {
			// several answers of one question travel as the same name again,
			// space-separated here
			String[] values = MANY_ANSWERS.contains(name) ? value.split(" ") : new String[] { value };
			for (String single : values) {
				pairs.add(encode(name) + "=" + encode(single));
			}
		});
		if (token != null) {
			pairs.add("_csrf=" + encode(token));
		}
		Page page = send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&")))));
		remember(page);
		return page;
	}

	/**
	 * Posts a form as multipart/form-data, as a browser would for a form with a file
	 * field, with the given token (or none).
	 */
	public Page postMultipart(String path, Map<String, String> form, String token) {
		String boundary = "----fuzz" + Long.toHexString(System.nanoTime());
		StringBuilder body = new StringBuilder();
		Map<String, String> fields = new java.util.LinkedHashMap<>(form);
		if (token != null) {
			fields.put("_csrf", token);
		}
		fields.forEach((name, value) -> body.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		body.append("--").append(boundary).append("--\r\n");
		Page page = send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofString(body.toString())));
		remember(page);
		return page;
	}

	/**
	 * Posts a multipart body with files as a browser would from a page of the runner's
	 * check, adding the CSRF token the last such page carried.
	 */
	public Page postFiles(String path, Multipart body) {
		body.field("_csrf", token());
		Page page = send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", body.contentType())
			.POST(BodyPublishers.ofByteArray(body.bytes())));
		remember(page);
		return page;
	}

	/** Posts a multipart body as a program would, without a token: for the API. */
	public Page postMultipart(String path, Multipart body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", body.contentType())
			.POST(BodyPublishers.ofByteArray(body.bytes())));
	}

	/** The CSRF token the last clinic page carried (the session's), if any. */
	public String clinicToken() {
		return this.csrfTokens.get(true);
	}

	/** The CSRF token the last page outside the clinic carried. */
	public String token() {
		if (this.csrfTokens.get(false) == null) {
			get("/assessment");
		}
		return this.csrfTokens.get(false);
	}

	public Page postJson(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json)));
	}

	/** Follows one redirect, as a browser would. */
	public Page follow(Page redirect) {
		String location = redirect.location();
		return get(location.startsWith("http")
				? URI.create(location).getRawPath()
						+ ((URI.create(location).getRawQuery() != null) ? "?" + URI.create(location).getRawQuery() : "")
				: location);
	}

	private void remember(Page page) {
		if (page.body() == null || !page.body().contains("_csrf")) {
			return;
		}
		Element token = page.document().selectFirst("input[name=_csrf]");
		if (token != null) {
			this.csrfTokens.put(clinic(page.response().request().uri().getRawPath()), token.val());
		}
	}

	private Page send(HttpRequest.Builder request) {
		try {
			this.headers.forEach(request::header);
			HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
