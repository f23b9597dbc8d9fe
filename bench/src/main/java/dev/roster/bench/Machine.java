package dev.roster.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** The machine a run measured on, as BENCHMARKS.md records it. */
record Machine(int cores, long memoryBytes, String jvm, String os) {
  static Machine current() {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize(),
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.vendor")
            + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  @Override
  public String toString() {
    return String.format(
        "%d cores, %.1f GiB memory, %s, %s", cores, memoryBytes / (1024.0 * 1024 * 1024), jvm, os);
  }
}
