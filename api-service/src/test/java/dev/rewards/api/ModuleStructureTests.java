package dev.rewards.api;

import dev.rewards.support.testing.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ModuleStructureTests {

  @Test
  void usesNoOtherServicesCode() {
    ServiceBoundaries.check("api");
  }

  @Test
  void hasNoCycleBetweenItsFeaturePackages() {
    ServiceBoundaries.checkFeaturesFreeOfCycles("api");
  }
}
