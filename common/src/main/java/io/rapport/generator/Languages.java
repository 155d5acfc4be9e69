package io.rapport.generator;

/** Picks a market (and so a language variety) from the configured language mix. */
final class Languages {
  private Languages() {}

  static Market market(GeneratorConfig c, double u) {
    double total = c.shareEsEs + c.shareEsLatam + c.shareEn;
    double x = u * total;
    if (x < c.shareEsEs) {
      return Market.ES;
    }
    x -= c.shareEsEs;
    if (x < c.shareEsLatam) {
      double lt = c.latamMx + c.latamCo + c.latamAr;
      double y = x / c.shareEsLatam * lt;
      if (y < c.latamMx) {
        return Market.MX;
      }
      return y < c.latamMx + c.latamCo ? Market.CO : Market.AR;
    }
    return Market.US;
  }
}
