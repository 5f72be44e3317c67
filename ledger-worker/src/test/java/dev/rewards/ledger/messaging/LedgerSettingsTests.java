package dev.rewards.ledger.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewards.support.security.SecuritySettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settings the ledger takes from the environment, under the contract's names. */
@LedgerIntegrationTest
class LedgerSettingsTests {

  @Autowired SecuritySettings security;

  @Test
  void takesTheAdminTokenThatOpensItsMetricsFromRewardsAdminToken() {
    assertThat(security.adminToken()).isEqualTo("ledger-admin");
  }
}
