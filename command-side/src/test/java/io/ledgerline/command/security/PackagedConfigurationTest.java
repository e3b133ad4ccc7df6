package io.ledgerline.command.security;

import io.ledgerline.testsupport.configuration.PackagedConfigurationChecks;

/** The command side's packaged configuration: no credentials, health details for administrators only. */
class PackagedConfigurationTest extends PackagedConfigurationChecks {
}
