package com.sciaticacheck.share;

/** A physio's clients on the embedded H2 database. */
class ClientsH2Tests extends ClientsContract {

}
