package dev.rewards.analytics;

import dev.rewards.support.testing.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ModuleStructureTests {

  @Test
  void usesNoOtherServicesCode() {
    ServiceBoundaries.check("analytics");
  }

  @Test
  void hasNoCycleBetweenItsFeaturePackages() {
    ServiceBoundaries.checkFeaturesFreeOfCycles("analytics");
  }
}
