package io.rapport.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.rapport.scoring.ClvModel;
import io.rapport.scoring.ClvModelFit;
import io.rapport.scoring.ModelPurchase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClvModelFitTest {
  @Test
  void cdnowTransactionsGiveThePublishedParameters() {
    List<ModelPurchase> purchases =
        CdnowData.transactions().stream()
            .map(p -> new ModelPurchase(p.customerId(), p.date().toEpochDay(), p.amount()))
            .toList();
    ClvModel m = ClvModelFit.fit(purchases, LocalDate.of(1997, 9, 30), 7);
    // Fader, Hardie & Lee (2005): r 0.2426, alpha 4.4135, a 0.7929, b 2.4258
    assertThat(m.bgNbd.r).isCloseTo(0.2426, within(0.0005));
    assertThat(m.bgNbd.alpha).isCloseTo(4.4135, within(0.005));
    assertThat(m.bgNbd.a).isCloseTo(0.7929, within(0.0005));
    assertThat(m.bgNbd.b).isCloseTo(2.4258, within(0.005));
    assertThat(m.customers).isEqualTo(2357);
    assertThat(m.modelId).isEqualTo("fit-1997-09-30-2357");
    m.validate();
  }

  @Test
  void noPurchasesIsAnError() {
    assertThatThrownBy(() -> ClvModelFit.fit(List.of(), null, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
