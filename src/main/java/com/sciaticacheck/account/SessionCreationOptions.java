package com.sciaticacheck.account;

import java.io.Serializable;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey registration in the session between its two requests, as
 * a small serializable copy: sessions live in the database, and Spring Security's options
 * object cannot be serialized. The copy holds what checking the new passkey reads: the
 * challenge, the relying party, the owner, whether user verification is required and the
 * algorithms offered.
 */
class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

	private static final String ATTRIBUTE = SessionCreationOptions.class.getName();

	record Stored(byte[] challenge, String rpId, String rpName, byte[] userId, String userName, String displayName,
			String userVerification, List<Long> algorithms) implements Serializable {
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			PublicKeyCredentialCreationOptions options) {
		if (options == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			return;
		}
		AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
		UserVerificationRequirement verification = (selection != null) ? selection.getUserVerification() : null;
		request.getSession()
			.setAttribute(ATTRIBUTE,
					new Stored(options.getChallenge().getBytes(), options.getRp().getId(), options.getRp().getName(),
							options.getUser().getId().getBytes(), options.getUser().getName(),
							options.getUser().getDisplayName(), (verification != null) ? verification.getValue() : null,
							options.getPubKeyCredParams().stream().map((p) -> p.getAlg().getValue()).toList()));
	}

	@Override
	public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Stored stored)) {
			return null;
		}
		UserVerificationRequirement verification = UserVerificationRequirement.REQUIRED.getValue()
			.equals(stored.userVerification()) ? UserVerificationRequirement.REQUIRED
					: UserVerificationRequirement.PREFERRED;
		return PublicKeyCredentialCreationOptions.builder()
			.rp(PublicKeyCredentialRpEntity.builder().id(stored.rpId()).name(stored.rpName()).build())
			.user(ImmutablePublicKeyCredentialUserEntity.builder()
				.id(new Bytes(stored.userId()))
				.name(stored.userName())
				.displayName(stored.displayName())
				.build())
			.challenge(new Bytes(stored.challenge()))
			.pubKeyCredParams(stored.algorithms().stream().map(SessionCreationOptions::parameters).toList())
			.authenticatorSelection(AuthenticatorSelectionCriteria.builder().userVerification(verification).build())
			.build();
	}

	private static final List<PublicKeyCredentialParameters> KNOWN = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384,
			PublicKeyCredentialParameters.ES512, PublicKeyCredentialParameters.RS256,
			PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
			PublicKeyCredentialParameters.RS1);

	private static PublicKeyCredentialParameters parameters(long algorithm) {
		return KNOWN.stream()
			.filter((known) -> known.getAlg().getValue() == algorithm)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Unknown COSE algorithm " + algorithm));
	}

}
