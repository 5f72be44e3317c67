package dev.rewards.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Shorter service start-ups through class data sharing: the JVM maps the classes a service loaded
 * last time from an archive instead of reading, parsing and verifying them again.
 *
 * <p>Two things make it work for a Spring Boot service. Its executable jar is first extracted
 * (Spring Boot's {@code -Djarmode=tools extract}) into plain jars, because the JVM archives only
 * classes from its own class path, never from jars nested in a jar. Then a run without an archive
 * writes one when it exits ({@code -XX:ArchiveClassesAtExit}), and later runs use it. The archive
 * is written under a temporary name and kept only after a clean exit, so a run that was killed
 * mid-write never leaves a broken one; a jar rebuilt since has another key, so a stale archive is
 * never used (the key is the jar's content, so a rebuild that changed nothing keeps it). Everything
 * lives under the data directory's {@code cds/}; deleting it is always safe.
 */
final class ClassDataSharing {

  /** How one service process is launched: the JVM options and jar, and the archive it may write. */
  record Launch(List<String> arguments, Path archiveWritten, Path archive) {

    /** Whether this run maps an archive a former run wrote. */
    boolean fromArchive() {
      return archive != null && archiveWritten == null;
    }

    /** After a clean exit: keeps the archive the run wrote. */
    void keepArchive() {
      if (archiveWritten == null || !Files.isRegularFile(archiveWritten)) {
        return;
      }
      try {
        Files.move(archiveWritten, archive, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        Console.error("Could not keep the class data archive " + archive + ": " + e.getMessage());
      }
    }
  }

  private ClassDataSharing() {}

  /**
   * The arguments that start {@code executableJar}: with an archive if there is one, writing one if
   * not; the plain jar if sharing is off or the jar cannot be extracted. Synchronized: instances of
   * one module started together share one extraction.
   */
  static synchronized Launch prepare(
      Path dataDir, String module, String name, Path executableJar, boolean enabled) {
    List<String> plain = List.of("-jar", executableJar.toString());
    if (!enabled) {
      return new Launch(plain, null, null);
    }
    try {
      Path extracted = extracted(dataDir.resolve("cds"), module, executableJar);
      Path archive = extracted.resolve(module + ".jsa");
      // one file per instance: two instances of a module may be writing at once
      Path written = extracted.resolve(name + ".jsa.writing");
      List<String> arguments = new ArrayList<>();
      if (Files.isRegularFile(archive)) {
        arguments.add("-XX:SharedArchiveFile=" + archive);
        written = null;
      } else {
        Files.deleteIfExists(written);
        arguments.add("-XX:ArchiveClassesAtExit=" + written);
      }
      arguments.add("-Xlog:cds=off"); // a mismatch falls back silently to loading classes
      arguments.add("-Xlog:cds+dynamic=off");
      arguments.addAll(List.of("-jar", extracted.resolve(executableJar.getFileName()).toString()));
      return new Launch(arguments, written, archive);
    } catch (IOException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      Console.error(module + ": starting without class data sharing (" + e.getMessage() + ")");
      return new Launch(plain, null, null);
    }
  }

  /**
   * The jar extracted into a directory named by its content, extracting it if needed. The
   * extraction is made beside it and renamed when whole, so that a process stopped while extracting
   * never leaves a directory with some of the jars.
   */
  private static Path extracted(Path cds, String module, Path executableJar)
      throws IOException, InterruptedException {
    Path directory = cds.resolve(module + "-" + contentKey(executableJar));
    if (Files.isRegularFile(directory.resolve(executableJar.getFileName()))) {
      return directory;
    }
    Files.createDirectories(cds);
    removeOlderExtractions(cds, module);
    Path partial = cds.resolve(directory.getFileName() + ".partial");
    Process extract =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Djarmode=tools",
                "-jar",
                executableJar.toString(),
                "extract",
                "--force",
                "--destination",
                partial.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!extract.waitFor(60, TimeUnit.SECONDS) || extract.exitValue() != 0) {
      extract.destroyForcibly();
      throw new IOException("extracting " + executableJar.getFileName() + " failed");
    }
    Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
    return directory;
  }

  /**
   * Names the jar's content: every entry's name, size and checksum, not its times — each build
   * writes the jar anew with new times, and an unchanged service must keep its archive.
   */
  static String contentKey(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      zip.stream()
          .sorted(Comparator.comparing(ZipEntry::getName))
          .forEach(
              entry ->
                  digest.update(
                      (entry.getName() + "\0" + entry.getSize() + "\0" + entry.getCrc() + "\n")
                          .getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void removeOlderExtractions(Path cds, String module) throws IOException {
    try (var entries = Files.list(cds)) {
      for (Path old :
          entries.filter(p -> p.getFileName().toString().startsWith(module + "-")).toList()) {
        try (var tree = Files.walk(old)) {
          for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
