package dev.roster.domain;

import java.util.List;

/** What a client asks a group to be on create or replace, with its manual members. */
public record GroupDraft(
    String displayName, String externalId, GroupSettings settings, List<MemberRef> members) {
  public GroupDraft {
    settings = settings == null ? GroupSettings.EMPTY : settings;
    members = members == null ? List.of() : List.copyOf(members);
  }
}
