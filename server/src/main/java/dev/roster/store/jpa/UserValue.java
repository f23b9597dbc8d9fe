package dev.roster.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * One row of {@code user_value}: a value of a user's attribute that searches can reach (see
 * V5__searchable_values.sql for the layout, {@link UserValues} for how rows are made).
 *
 * @param path the attribute path in lower case, e.g. {@code emails.value}
 * @param item the element's position in a multi-valued attribute; 0 for singular ones
 * @param text a string value as its attribute compares (case-folded unless caseExact)
 * @param textKey the first {@link UserValues#KEY_LENGTH} characters of {@code text}, indexed
 * @param bool a boolean value
 */
@Embeddable
record UserValue(
    @Column(name = "tenant_id", nullable = false) UUID tenantId,
    @Column(name = "path", nullable = false) String path,
    @Column(name = "item_index", nullable = false) int item,
    @Column(name = "text_value") String text,
    @Column(name = "text_key") String textKey,
    @Column(name = "bool_value") Boolean bool) {}
