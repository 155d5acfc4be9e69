package io.rapport.testing;

import io.rapport.model.Author;
import io.rapport.model.Consent;
import io.rapport.model.CustomerActivity;
import io.rapport.model.CustomerRecord;
import io.rapport.model.CustomerRef;
import io.rapport.model.Engagement;
import io.rapport.model.Geo;
import io.rapport.model.LineItem;
import io.rapport.model.SocialAccount;
import io.rapport.model.SocialMention;
import io.rapport.model.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small, valid example records for tests, to be adjusted field by field. */
public final class Samples {
  public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private Samples() {}

  public static CustomerRecord customer(String id, String email, String platform, String handle) {
    CustomerRecord c = new CustomerRecord();
    c.customerId = id;
    c.name = "Name of " + id;
    c.emails = new ArrayList<>(email == null ? List.of() : List.of(email));
    c.phones = new ArrayList<>(List.of("+34600000" + Math.abs(id.hashCode() % 1000)));
    c.loyaltyCard = "LC-" + id;
    c.socialAccounts = new ArrayList<>();
    if (handle != null) {
      SocialAccount a = new SocialAccount();
      a.platform = platform;
      a.handle = handle;
      a.verified = true;
      c.socialAccounts.add(a);
    }
    Consent consent = new Consent();
    consent.email = true;
    consent.social = true;
    c.consent = consent;
    c.locale = "es-ES";
    c.country = "ES";
    c.city = "Madrid";
    c.timeZone = "Europe/Madrid";
    c.updatedAt = T0;
    return c;
  }

  public static Transaction purchase(String id, String customerId, double amount, Instant time) {
    Transaction t = new Transaction();
    t.transactionId = id;
    t.type = "purchase";
    CustomerRef ref = new CustomerRef();
    ref.customerId = customerId;
    t.customer = ref;
    t.time = time;
    t.amount = amount;
    t.currency = "EUR";
    t.channel = "store";
    t.storeId = "S01";
    t.city = "Madrid";
    t.country = "ES";
    LineItem item = new LineItem();
    item.sku = "SKU-1";
    item.name = "Auriculares";
    item.category = "electronics";
    item.quantity = 1;
    item.unitPrice = amount;
    t.items = new ArrayList<>(List.of(item));
    return t;
  }

  /** A review, referral or survey of the CRM customer {@code customerId}, from the web. */
  public static CustomerActivity activity(String id, String type, String customerId, Instant time) {
    CustomerActivity a = new CustomerActivity();
    a.activityId = id;
    a.type = type;
    CustomerRef ref = new CustomerRef();
    ref.customerId = customerId;
    a.customer = ref;
    a.time = time;
    a.channel = "web";
    if (CustomerActivity.REVIEW.equals(type)) {
      a.rating = 4;
    }
    return a;
  }

  public static SocialMention mention(
      String id, String platform, String handle, String text, Instant time) {
    SocialMention m = new SocialMention();
    m.mentionId = id;
    m.platform = platform;
    Author a = new Author();
    a.handle = handle;
    a.name = "Author " + handle;
    a.followers = 120;
    a.following = 80;
    m.author = a;
    m.text = text;
    m.time = time;
    m.url = "https://example.invalid/" + id;
    Engagement e = new Engagement();
    e.likes = 3;
    m.engagement = e;
    Geo g = new Geo();
    g.country = "ES";
    g.city = "Madrid";
    m.geo = g;
    m.brand = "lumen";
    return m;
  }
}
