package com.sciaticacheck.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links as a signed-in physio makes them: through the new-link form, then read back from
 * the link's page, as a physio copies the client link from it.
 */
public final class ClinicLinks {

	private ClinicLinks() {
	}

	/**
	 * A link as its physio sees it.
	 *
	 * @param page the link's page in the clinic, {@code /clinic/links/{publicId}}
	 * @param publicId the link's public id
	 * @param client the client link's path, {@code /c/{secret}}
	 */
	public record Link(String page, String publicId, String client) {

		/** The CSV of the link's answers. */
		public String csv() {
			return this.page + "/submissions.csv";
		}

		/** The client link's secret. */
		public String clientSecret() {
			return this.client.substring("/c/".length());
		}

	}

	/**
	 * Creates a link through the form, as the signed-in physio of the client does, and
	 * opens its page.
	 */
	public static Link create(Browserless physio, String clinicName, String message, int days) {
		physio.get("/clinic/links/new");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("clinicName", clinicName);
		form.put("message", message);
		form.put("days", Integer.toString(days));
		Browserless.Page created = physio.post("/clinic/links/new", form);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String location = path(created.location());
		assertThat(location).as("the new link's page").matches("/clinic/links/[A-Za-z0-9]{22}\\?created");
		String page = location.replace("?created", "");
		Document link = physio.get(page).document();
		String client = path(link.getElementById("client-url").val());
		return new Link(page, page.substring("/clinic/links/".length()), client);
	}

	/** An address's path (and query), without its scheme and host. */
	public static String path(String address) {
		return address.replaceFirst("^https?://[^/]+", "");
	}

}
