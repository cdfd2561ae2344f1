package com.sciaticacheck.assessment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A check form posted with a name it does not have (indexed, nested, map-style or
 * unknown) is shown again with its errors, as any form with problems, but answered 400:
 * no page of ours sends such a name, so the request is bad, whichever host shows the
 * form.
 */
@Configuration(proxyBeanMethods = false)
class RefusedNamesStatus implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView != null && modelAndView.getModel()
			.values()
			.stream()
			.anyMatch((value) -> value instanceof CheckForm form && form.getErrors().refusedNames())) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
	}

}
