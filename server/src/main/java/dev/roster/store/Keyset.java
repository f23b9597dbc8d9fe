package dev.roster.store;

import java.util.UUID;

/**
 * A position in a sorted result: the sort value of a resource and its id, which breaks ties. A
 * cursor (RFC 9865) carries one, so the next page starts strictly after it whatever was inserted or
 * deleted meanwhile.
 *
 * @param sortValue the resource's sort value as text, or null when it has none
 * @param id the resource's id
 */
public record Keyset(String sortValue, UUID id) {}
