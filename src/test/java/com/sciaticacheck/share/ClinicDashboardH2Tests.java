package com.sciaticacheck.share;

/**
 * The clinic dashboard on the embedded H2 database, the default with nothing installed.
 */
class ClinicDashboardH2Tests extends ClinicDashboardContract {

}
