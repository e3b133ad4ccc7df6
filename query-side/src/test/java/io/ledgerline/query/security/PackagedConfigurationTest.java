package io.ledgerline.query.security;

import io.ledgerline.testsupport.configuration.PackagedConfigurationChecks;

/** The query side's packaged configuration: no credentials, health details for administrators only. */
class PackagedConfigurationTest extends PackagedConfigurationChecks {
}
