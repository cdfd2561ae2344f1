package com.sciaticacheck.system;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Stylesheets and scripts are linked by names that carry a hash of their content
 * ({@code /css/app-<md5>.css}; Thymeleaf's {@code @{/css/app.css}} comes out so through
 * Boot's ResourceUrlEncodingFilter). A new version is a new name, so a browser may keep
 * each file for a year without asking again and still never shows a page with last
 * release's stylesheet.
 * <p>
 * The plain name ({@code /css/app.css}) is still served, for anything that kept an old
 * link, but with {@code no-cache}: what it names changes with every release, so a browser
 * must check (Last-Modified) before reusing its copy. Not {@code no-store}: the files are
 * the same for everyone and hold nothing private.
 * <p>
 * Why code and not only {@code spring.web.resources.*}: Boot's properties give every
 * static response the same Cache-Control and cannot say {@code immutable}.
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesConfiguration implements WebMvcConfigurer {

	static final CacheControl HASHED_NAME = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	static final CacheControl PLAIN_NAME = CacheControl.noCache();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : List.of("css", "js")) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(PLAIN_NAME)
				.resourceChain(true)
				.addResolver(new HashedNames());
		}
	}

	/**
	 * Spring's content-hash resolver, marking a file asked for by its hashed name as
	 * cacheable for a year. The handler sets the plain name's {@code no-cache}; headers a
	 * resolved file carries are written after it and win.
	 */
	private static final class HashedNames extends VersionResourceResolver {

		HashedNames() {
			addContentVersionStrategy("/**");
		}

		@Override
		protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			Resource plain = chain.resolveResource(request, requestPath, locations);
			if (plain != null) {
				return plain;
			}
			// only a hash that matches the file's content resolves here: a stale or
			// made-up one is a 404 that nobody caches
			Resource hashed = super.resolveResourceInternal(request, requestPath, locations, chain);
			return (hashed != null) ? new KeptForAYear(hashed) : null;
		}

	}

	/**
	 * A file served under its hashed name. It carries no ETag: the name already
	 * identifies the content, and Tomcat leaves a response with a strong ETag (as Spring
	 * gives a hashed file) uncompressed.
	 */
	private static final class KeptForAYear extends AbstractResource implements HttpResource {

		private final Resource file;

		KeptForAYear(Resource file) {
			this.file = file;
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.setCacheControl(HASHED_NAME);
			return headers;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.file.getInputStream();
		}

		@Override
		public boolean exists() {
			return this.file.exists();
		}

		@Override
		public boolean isReadable() {
			return this.file.isReadable();
		}

		@Override
		public long contentLength() throws IOException {
			return this.file.contentLength();
		}

		@Override
		public long lastModified() throws IOException {
			return this.file.lastModified();
		}

		@Override
		public String getFilename() {
			return this.file.getFilename();
		}

		@Override
		public String getDescription() {
			return this.file.getDescription();
		}

	}

}
