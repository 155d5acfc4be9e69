package io.rapport.jobs.functions;

import io.rapport.identity.IdentifierNormalizer;
import io.rapport.model.AlertStatus;
import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerRecord;
import io.rapport.model.DeadLetter;
import io.rapport.model.Envelope;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import io.rapport.profile.CurrencyRates;
import io.rapport.serde.DeadLetters;
import io.rapport.serde.ErrorCode;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits envelopes by contract: mentions on the main output, CRM records, transactions and
 * activities on side outputs, and every record that can't be processed on the dead-letter side
 * output with its reason and original bytes. Valid records drop their original bytes here.
 */
public class RouteRecords extends ProcessFunction<Envelope, SocialMention> {
  private static final long serialVersionUID = 1L;

  public static final OutputTag<CustomerRecord> CUSTOMERS =
      new OutputTag<>("customers", TypeInformation.of(CustomerRecord.class));
  public static final OutputTag<Transaction> TRANSACTIONS =
      new OutputTag<>("transactions", TypeInformation.of(Transaction.class));
  public static final OutputTag<CustomerActivity> ACTIVITIES =
      new OutputTag<>("activities", TypeInformation.of(CustomerActivity.class));
  public static final OutputTag<AlertStatus> ALERT_STATUSES =
      new OutputTag<>("alert-statuses", TypeInformation.of(AlertStatus.class));
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

  private final CurrencyRates rates;
  private final IdentifierNormalizer normalizer;
  private transient Counter valid;
  private transient Counter invalid;

  public RouteRecords(CurrencyRates rates, IdentifierNormalizer normalizer) {
    this.rates = rates;
    this.normalizer = normalizer;
  }

  @Override
  public void open(OpenContext openContext) {
    valid = getRuntimeContext().getMetricGroup().counter("recordsValid");
    invalid = getRuntimeContext().getMetricGroup().counter("recordsDeadLettered");
  }

  @Override
  public void processElement(Envelope e, Context ctx, Collector<SocialMention> out) {
    if (!e.isValid()) {
      deadLetter(ctx, DeadLetters.of(e, Instant.now()));
      return;
    }
    switch (e.kind) {
      case Envelope.MENTION:
        if (normalizer.of(e.mention) == null) {
          refuse(ctx, e, "author handle '" + e.mention.author.handle + "' is not an identifier");
          return;
        }
        valid.inc();
        out.collect(e.mention);
        break;
      case Envelope.CUSTOMER:
        valid.inc();
        ctx.output(CUSTOMERS, e.customer);
        break;
      case Envelope.TRANSACTION:
        if (normalizer.of(e.transaction.customer) == null) {
          refuse(ctx, e, "the customer reference has no usable identifier (junk or malformed)");
          return;
        }
        if (rates.convert(e.transaction.amount, e.transaction.currency).isEmpty()) {
          deadLetter(
              ctx,
              DeadLetters.of(
                  e,
                  ErrorCode.INVALID_VALUE.name(),
                  "no exchange rate for currency "
                      + e.transaction.currency
                      + " (configure currency.rates)",
                  e.raw,
                  Instant.now()));
          return;
        }
        valid.inc();
        ctx.output(TRANSACTIONS, e.transaction);
        break;
      case Envelope.ACTIVITY:
        if (normalizer.of(e.activity.customer) == null) {
          refuse(ctx, e, "the customer reference has no usable identifier (junk or malformed)");
          return;
        }
        valid.inc();
        ctx.output(ACTIVITIES, e.activity);
        break;
      case Envelope.ALERT_STATUS:
        valid.inc();
        ctx.output(ALERT_STATUSES, e.alertStatus);
        break;
      default:
        deadLetter(
            ctx,
            DeadLetters.of(
                e,
                ErrorCode.PROCESSING_FAILED.name(),
                "unknown envelope kind " + e.kind,
                e.raw,
                Instant.now()));
    }
  }

  private void refuse(Context ctx, Envelope e, String reason) {
    deadLetter(
        ctx, DeadLetters.of(e, ErrorCode.INVALID_VALUE.name(), reason, e.raw, Instant.now()));
  }

  private void deadLetter(Context ctx, DeadLetter d) {
    invalid.inc();
    ctx.output(DEAD_LETTERS, d);
  }
}
