package io.ledgerline.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxRequestBody the largest request body the API reads; larger ones are answered 413 */
@ConfigurationProperties("ledgerline.web")
public record WebLimitsProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
