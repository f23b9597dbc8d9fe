package dev.roster.domain;

/** The Enterprise User extension's attributes, RFC 7643 §4.3. */
public record EnterpriseData(
    String employeeNumber,
    String costCenter,
    String organization,
    String division,
    String department,
    Manager manager) {}
