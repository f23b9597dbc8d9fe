package dev.roster.domain;

/**
 * One element of a multi-valued attribute with the standard sub-attributes (emails, phoneNumbers,
 * ims, photos, roles, entitlements, x509Certificates; RFC 7643 §2.4).
 */
public record MultiValue(String value, String display, String type, Boolean primary) {}
