package dev.rewards.ledger;

import dev.rewards.support.testing.ServiceBoundaries;
import org.junit.jupiter.api.Test;

class ModuleStructureTests {

  @Test
  void usesNoOtherServicesCode() {
    ServiceBoundaries.check("ledger");
  }

  @Test
  void keepsTheLedgersStoreCodeFreeOfSpring() {
    ServiceBoundaries.checkFreeOfSpring("dev.rewards.ledger.account");
  }

  @Test
  void keepsTheLedgerRulesFreeOfSpringAndOfTheStore() {
    ServiceBoundaries.checkFreeOfFrameworksAndStore("dev.rewards.ledger.rules");
  }

  @Test
  void hasNoCycleBetweenItsFeaturePackages() {
    ServiceBoundaries.checkFeaturesFreeOfCycles("ledger");
  }
}
