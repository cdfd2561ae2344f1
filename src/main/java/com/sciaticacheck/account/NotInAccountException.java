package com.sciaticacheck.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The signed-in account has no passkey, device or page of that name: a plain 404, which
 * says nothing of whether another account has one.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotInAccountException extends RuntimeException {

	NotInAccountException() {
		super(null, null, false, false);
	}

}
