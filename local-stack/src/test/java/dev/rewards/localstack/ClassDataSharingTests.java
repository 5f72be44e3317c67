package dev.rewards.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTests {

  @TempDir Path dir;

  @Test
  void aJarWrittenAgainWithTheSameContentKeepsItsKeyAndAChangedOneGetsAnother() throws IOException {
    Path first = jar("first.jar", Map.of("a.class", "one", "b.class", "two"), 1_000);
    Path rebuilt = jar("rebuilt.jar", Map.of("a.class", "one", "b.class", "two"), 9_000_000);
    Path changed = jar("changed.jar", Map.of("a.class", "one", "b.class", "TWO"), 1_000);

    assertThat(ClassDataSharing.contentKey(rebuilt)).isEqualTo(ClassDataSharing.contentKey(first));
    assertThat(ClassDataSharing.contentKey(changed))
        .isNotEqualTo(ClassDataSharing.contentKey(first));
  }

  @Test
  void startsThePlainJarWhenSharingIsOff() {
    Path jar = dir.resolve("service-exec.jar");

    ClassDataSharing.Launch launch =
        ClassDataSharing.prepare(dir, "service", "service", jar, false);

    assertThat(launch.arguments()).containsExactly("-jar", jar.toString());
  }

  @Test
  void startsThePlainJarWhenItCannotBeExtracted() throws IOException {
    Path notSpringBoot = jar("service-exec.jar", Map.of("a.class", "one"), 1_000);

    ClassDataSharing.Launch launch =
        ClassDataSharing.prepare(dir, "service", "service", notSpringBoot, true);

    assertThat(launch.arguments()).containsExactly("-jar", notSpringBoot.toString());
  }

  @Test
  void writesAnArchiveOnTheFirstRunAndUsesItOnceACleanExitKeptIt() throws IOException {
    Path executable = jarOfAService();

    ClassDataSharing.Launch first =
        ClassDataSharing.prepare(dir, "notifier-service", "notifier-1", executable, true);
    Path extractedJar = Path.of(first.arguments().get(first.arguments().size() - 1));
    assertThat(extractedJar).exists().startsWith(dir.resolve("cds"));
    assertThat(first.arguments())
        .contains("-XX:ArchiveClassesAtExit=" + first.archiveWritten())
        .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"));

    // what the JVM would write at a clean exit
    Files.writeString(first.archiveWritten(), "archive");
    first.keepArchive();
    ClassDataSharing.Launch next =
        ClassDataSharing.prepare(dir, "notifier-service", "notifier-1", executable, true);

    assertThat(next.arguments())
        .contains("-XX:SharedArchiveFile=" + first.archive())
        .noneMatch(argument -> argument.startsWith("-XX:ArchiveClassesAtExit"))
        .contains(extractedJar.toString());
    assertThat(first.archive()).hasContent("archive");
  }

  @Test
  void anArchiveNotKeptAfterItsRunIsNeverUsed() throws IOException {
    Path executable = jarOfAService();
    ClassDataSharing.Launch killed =
        ClassDataSharing.prepare(dir, "notifier-service", "notifier-1", executable, true);
    Files.writeString(killed.archiveWritten(), "half an archive"); // killed mid-write: not kept

    ClassDataSharing.Launch next =
        ClassDataSharing.prepare(dir, "notifier-service", "notifier-1", executable, true);

    assertThat(next.arguments()).contains("-XX:ArchiveClassesAtExit=" + next.archiveWritten());
    assertThat(next.archiveWritten()).doesNotExist(); // the half-written one was removed
  }

  /** The notifier's executable jar, built before this module's tests run. */
  private static Path jarOfAService() throws IOException {
    Path target = Path.of("..", "notifier-service", "target").toAbsolutePath().normalize();
    try (var files = Files.list(target)) {
      return files.filter(p -> p.toString().endsWith("-exec.jar")).findFirst().orElseThrow();
    }
  }

  private Path jar(String name, Map<String, String> entries, long time) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : List.copyOf(new java.util.TreeMap<>(entries).keySet())) {
        ZipEntry zipEntry = new ZipEntry(entry);
        zipEntry.setLastModifiedTime(FileTime.fromMillis(time));
        zip.putNextEntry(zipEntry);
        zip.write(entries.get(entry).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
