package com.sciaticacheck.share;

/** The share flows on the embedded H2 database, the default with nothing installed. */
class ShareFlowH2Tests extends ShareFlowContract {

}
