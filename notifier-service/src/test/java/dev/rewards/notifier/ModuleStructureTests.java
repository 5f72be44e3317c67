package dev.rewards.notifier;

import dev.rewards.support.testing.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ModuleStructureTests {

  @Test
  void usesNoOtherServicesCode() {
    ServiceBoundaries.check("notifier");
  }

  @Test
  void hasNoCycleBetweenItsFeaturePackages() {
    ServiceBoundaries.checkFeaturesFreeOfCycles("notifier");
  }
}
