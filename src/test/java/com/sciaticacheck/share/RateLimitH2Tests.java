package com.sciaticacheck.share;

/** The limits on the embedded H2 database. */
class RateLimitH2Tests extends RateLimitContract {

}
