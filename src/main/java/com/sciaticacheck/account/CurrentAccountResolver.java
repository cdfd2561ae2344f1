package com.sciaticacheck.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a controller method's {@link ClinicAccount} parameter the account of the current
 * session, or, on the links API only, of the request's personal access token. The filter
 * chains let no request without one reach such a method; one that does anyway (a mapping
 * outside {@code /clinic}, a token outside the links API) is refused, never given someone
 * else's account or none. A token never stands in for a session: it has not the authority
 * of a complete sign-in.
 */
@Configuration(proxyBeanMethods = false)
class CurrentAccountResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private final Accounts accounts;

	CurrentAccountResolver(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return ClinicAccount.class.equals(parameter.getParameterType());
	}

	@Override
	public ClinicAccount resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
		boolean linksApi = http != null && ApiTokenSecurityConfiguration.LINKS_API_PATHS.matches(http);
		if (authentication instanceof ApiTokenAuthentication token) {
			if (!linksApi) {
				throw new AccessDeniedException("A token opens the links API only");
			}
			return token.account();
		}
		if (linksApi) {
			// the API takes no cookies: a session there would need a CSRF check it lacks
			throw new AccessDeniedException("The links API needs a token");
		}
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.noneMatch((authority) -> SignIns.CLINIC.equals(authority.getAuthority()))) {
			throw new AccessDeniedException("A clinic page needs a complete sign-in");
		}
		return this.accounts.byEmail(authentication.getName())
			.map(Account::clinicAccount)
			.orElseThrow(() -> new AccessDeniedException("The account no longer exists"));
	}

}
