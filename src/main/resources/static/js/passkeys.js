// Passkey sign-in and registration (WebAuthn), against Spring Security's endpoints:
// POST /webauthn/authenticate/options, then /login/webauthn; POST /webauthn/register/options,
// then /webauthn/register. Everything else on the clinic pages works without JavaScript; this
// cannot, so the pages say so where this script does not run.
(function () {
	'use strict';

	function toBase64Url(buffer) {
		var bytes = new Uint8Array(buffer);
		var text = '';
		for (var i = 0; i < bytes.length; i++) {
			text += String.fromCharCode(bytes[i]);
		}
		return btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
	}

	function fromBase64Url(text) {
		var binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
		var bytes = new Uint8Array(binary.length);
		for (var i = 0; i < binary.length; i++) {
			bytes[i] = binary.charCodeAt(i);
		}
		return bytes.buffer;
	}

	function post(url, csrf, body) {
		var headers = { 'Content-Type': 'application/json' };
		headers[csrf.header] = csrf.token;
		return fetch(url, {
			method: 'POST',
			headers: headers,
			credentials: 'same-origin',
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	}

	function csrfOf(element) {
		return { header: element.getAttribute('data-csrf-header'), token: element.getAttribute('data-csrf-token') };
	}

	function showError(element, text) {
		element.textContent = text;
		element.hidden = false;
		element.focus();
	}

	async function signIn(csrf) {
		var optionsResponse = await post('/webauthn/authenticate/options', csrf);
		if (optionsResponse.status === 429) {
			throw new Error('too-many');
		}
		if (!optionsResponse.ok) {
			throw new Error('options ' + optionsResponse.status);
		}
		var options = await optionsResponse.json();
		options.challenge = fromBase64Url(options.challenge);
		options.allowCredentials = (options.allowCredentials || []).map(function (credential) {
			return Object.assign({}, credential, { id: fromBase64Url(credential.id) });
		});
		var credential = await navigator.credentials.get({ publicKey: options });
		var response = credential.response;
		var answer = await post('/login/webauthn', csrf, {
			id: credential.id,
			rawId: toBase64Url(credential.rawId),
			response: {
				authenticatorData: toBase64Url(response.authenticatorData),
				clientDataJSON: toBase64Url(response.clientDataJSON),
				signature: toBase64Url(response.signature),
				userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
			},
			credType: credential.type,
			clientExtensionResults: credential.getClientExtensionResults(),
			authenticatorAttachment: credential.authenticatorAttachment
		});
		if (answer.status === 429) {
			throw new Error('too-many');
		}
		if (!answer.ok) {
			throw new Error('sign-in ' + answer.status);
		}
		var result = await answer.json();
		window.location.href = result.redirectUrl;
	}

	async function register(csrf, label) {
		var optionsResponse = await post('/webauthn/register/options', csrf);
		if (!optionsResponse.ok) {
			throw new Error('options ' + optionsResponse.status);
		}
		var options = await optionsResponse.json();
		options.user = Object.assign({}, options.user, { id: fromBase64Url(options.user.id) });
		options.challenge = fromBase64Url(options.challenge);
		options.excludeCredentials = (options.excludeCredentials || []).map(function (credential) {
			return Object.assign({}, credential, { id: fromBase64Url(credential.id) });
		});
		var credential = await navigator.credentials.create({ publicKey: options });
		var response = credential.response;
		var answer = await post('/webauthn/register', csrf, {
			publicKey: {
				credential: {
					id: credential.id,
					rawId: toBase64Url(credential.rawId),
					response: {
						attestationObject: toBase64Url(response.attestationObject),
						clientDataJSON: toBase64Url(response.clientDataJSON),
						transports: response.getTransports ? response.getTransports() : []
					},
					type: credential.type,
					clientExtensionResults: credential.getClientExtensionResults(),
					authenticatorAttachment: credential.authenticatorAttachment
				},
				label: label
			}
		});
		if (!answer.ok) {
			throw new Error('register ' + answer.status);
		}
	}

	function supported() {
		return !!(window.PublicKeyCredential && navigator.credentials && window.fetch);
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!supported()) {
			return;
		}
		document.querySelectorAll('[data-passkey-unavailable]').forEach(function (note) {
			note.hidden = true;
		});

		var signInBox = document.querySelector('[data-passkey-sign-in]');
		if (signInBox) {
			signInBox.hidden = false;
			var error = signInBox.querySelector('.error-message');
			error.tabIndex = -1;
			signInBox.querySelector('button').addEventListener('click', function () {
				error.hidden = true;
				signIn(csrfOf(signInBox)).catch(function (failure) {
					showError(error, signInBox.getAttribute(failure.message === 'too-many'
						? 'data-too-many' : 'data-failed'));
				});
			});
		}

		var registerForm = document.querySelector('[data-passkey-register]');
		if (registerForm) {
			registerForm.hidden = false;
			var registerError = registerForm.querySelector('.error-message');
			registerError.tabIndex = -1;
			registerForm.addEventListener('submit', function (event) {
				event.preventDefault();
				registerError.hidden = true;
				var label = registerForm.querySelector('input[name="label"]').value.trim();
				if (!label) {
					showError(registerError, registerForm.getAttribute('data-label-required'));
					return;
				}
				register(csrfOf(registerForm), label).then(function () {
					window.location.href = registerForm.getAttribute('data-done');
				}).catch(function () {
					showError(registerError, registerForm.getAttribute('data-failed'));
				});
			});
		}
	});
})();
