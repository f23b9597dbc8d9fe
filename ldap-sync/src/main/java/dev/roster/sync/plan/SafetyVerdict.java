package dev.roster.sync.plan;

import java.util.List;

/** Whether a plan may be applied, and if not, every reason why (each names the limit). */
public record SafetyVerdict(List<String> reasons) {
  public SafetyVerdict {
    reasons = List.copyOf(reasons);
  }

  public static SafetyVerdict ok() {
    return new SafetyVerdict(List.of());
  }

  public boolean blocked() {
    return !reasons.isEmpty();
  }
}
