package dev.roster.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second JVM on the tests' own classpath: for what only another process can show. */
public final class JavaProcess {
  private JavaProcess() {}

  /** A builder for {@code java -cp <the tests' classpath> main args…}; start it yourself. */
  public static ProcessBuilder of(Class<?> main, String... args) {
    return of(List.of(), main, args);
  }

  /** The same with options for the JVM, such as its heap. */
  public static ProcessBuilder of(List<String> jvmOptions, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
