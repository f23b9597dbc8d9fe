package dev.roster.scim;

/** The limits the SCIM endpoints enforce and advertise in /ServiceProviderConfig. */
public record ScimSettings(int maxResults, int bulkMaxOperations, int bulkMaxPayloadSize) {}
