package com.sciaticacheck.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API tests' one way to the running app. Every answer from an operation of the served
 * OpenAPI description must have a status that the description documents for that
 * operation, or the test that got it fails: a client can rely on the description for
 * every answer, not only 200. Paths outside the description (an unknown path, the
 * actuator, the description itself) are not checked. Public for the tests of APIs in
 * other modules (the links API in {@code share}).
 */
public final class ApiClient {

	/** The description of each running app, fetched once: the tests share one app. */
	private static final Map<Integer, List<Operation>> DESCRIBED = new ConcurrentHashMap<>();

	/** Every (method, path template, status) the tests have seen, for the record. */
	private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final int port;

	public ApiClient(int port) {
		this.port = port;
	}

	public HttpResponse<String> postJson(String path, String body) {
		return post(path, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	public HttpResponse<String> post(String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(uri(path));
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** Sends the request and fails when its status is not documented. */
	public HttpResponse<String> send(HttpRequest.Builder builder) {
		HttpRequest request = builder.build();
		HttpResponse<String> response;
		try {
			response = HTTP.send(request, BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		assertDocumented(request.method(), request.uri().getRawPath(), response);
		return response;
	}

	/** The served description as JSON, fetched without the documentation check. */
	public JsonNode description() {
		try {
			HttpResponse<String> response = HTTP.send(request("/v3/api-docs").GET().build(), BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new AssertionError("/v3/api-docs answered " + response.statusCode() + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** What the tests have seen so far, as {@code METHOD /template -> status}. */
	static Set<String> seen() {
		return new TreeSet<>(SEEN);
	}

	private void assertDocumented(String method, String path, HttpResponse<String> response) {
		List<Operation> operations = DESCRIBED.computeIfAbsent(this.port, (port) -> operations(description()));
		// a literal path wins over a template that also matches it
		Optional<String> template = operations.stream()
			.filter((operation) -> operation.pattern().matcher(path).matches())
			.map(Operation::template)
			.min(Comparator.comparing((String candidate) -> candidate.contains("{")));
		if (template.isEmpty()) {
			return;
		}
		int status = response.statusCode();
		SEEN.add(method + " " + template.get() + " -> " + status);
		Optional<Operation> operation = operations.stream()
			.filter((candidate) -> candidate.template().equals(template.get()) && candidate.method().equals(method))
			.findFirst();
		if (operation.isEmpty()) {
			if (status != 404 && status != 405) {
				throw new AssertionError("%s %s answered %d, but the OpenAPI description has no %s operation on %s"
					.formatted(method, path, status, method, template.get()));
			}
			return;
		}
		if (!operation.get().statuses().contains(String.valueOf(status))) {
			throw new AssertionError(
					"%s %s answered %d, which the OpenAPI description does not document for %s %s (it documents %s): %s"
						.formatted(method, path, status, method, template.get(), operation.get().statuses(),
								abbreviated(response.body())));
		}
	}

	private static String abbreviated(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
	}

	private static List<Operation> operations(JsonNode description) {
		List<Operation> operations = new ArrayList<>();
		JsonNode paths = description.get("paths");
		for (String template : paths.propertyNames()) {
			Pattern pattern = Pattern
				.compile(Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q").replace("\\Q\\E", ""));
			JsonNode item = paths.get(template);
			for (String method : item.propertyNames()) {
				JsonNode responses = item.get(method).get("responses");
				// a path item's summary or parameters are no operation
				if (!METHODS.contains(method) || responses == null) {
					continue;
				}
				operations.add(new Operation(method.toUpperCase(Locale.ROOT), template, pattern,
						new TreeSet<>(responses.propertyNames())));
			}
		}
		return operations;
	}

	private record Operation(String method, String template, Pattern pattern, Set<String> statuses) {
	}

}
