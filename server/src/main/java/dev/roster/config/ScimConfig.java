package dev.roster.config;

import jakarta.validation.constraints.Positive;

/**
 * Limits advertised in {@code /ServiceProviderConfig} and enforced by the endpoints (RFC 7643 §5:
 * {@code filter.maxResults}, {@code bulk.maxOperations}, {@code bulk.maxPayloadSize}).
 *
 * @param bulkMaxPayloadSize in bytes
 */
public record ScimConfig(
    @Positive int maxResults, @Positive int bulkMaxOperations, @Positive int bulkMaxPayloadSize) {}
