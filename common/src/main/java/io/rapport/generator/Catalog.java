package io.rapport.generator;

/**
 * The retail brand's catalogue: SKU, product name, category, price in EUR, and how mentions call
 * the product in Spanish and English. Higher spenders are steered towards {@link #PREMIUM}.
 */
final class Catalog {
  private Catalog() {}

  static final class Product {
    final String sku;
    final String name;
    final String category;
    final double priceEur;

    /** How a Spanish mention names it, with its article ("el portátil"). */
    final String es;

    /** How an English mention names it, without article ("laptop"). */
    final String en;

    Product(String sku, String name, String category, double priceEur, String es, String en) {
      this.sku = sku;
      this.name = name;
      this.category = category;
      this.priceEur = priceEur;
      this.es = es;
      this.en = en;
    }
  }

  static final Product[] PRODUCTS = {
    new Product("BTY-0101", "Hydra lip balm", "beauty", 6.95, "el bálsamo labial", "lip balm"),
    new Product("HOM-0107", "Set of 4 glass tumblers", "home", 9.99, "los vasos", "glass set"),
    new Product("FSH-0203", "Cotton socks 3-pack", "fashion", 11.99, "los calcetines", "sock pack"),
    new Product(
        "ELC-0110",
        "USB-C braided cable 2 m",
        "electronics",
        12.99,
        "el cable USB-C",
        "USB-C cable"),
    new Product("TOY-0102", "Puzzle 1000 pieces", "toys", 14.99, "el puzle", "puzzle"),
    new Product("BTY-0115", "Vitamin C serum", "beauty", 19.90, "el sérum", "serum"),
    new Product("SPT-0104", "Yoga mat 6 mm", "sports", 24.99, "la esterilla de yoga", "yoga mat"),
    new Product("HOM-0121", "Linen cushion cover", "home", 24.99, "los cojines", "cushion cover"),
    new Product("FSH-0230", "Basic organic T-shirt", "fashion", 17.99, "la camiseta", "t-shirt"),
    new Product(
        "ELC-0134",
        "Wireless charging pad",
        "electronics",
        29.99,
        "el cargador inalámbrico",
        "wireless charger"),
    new Product(
        "TOY-0140",
        "Building blocks space set",
        "toys",
        39.99,
        "el juego de construcción",
        "building set"),
    new Product("BTY-0150", "Eau de parfum 50 ml", "beauty", 45.00, "el perfume", "perfume"),
    new Product("FSH-0255", "Slim fit jeans", "fashion", 49.95, "los vaqueros", "pair of jeans"),
    new Product("HOM-0160", "Non-stick frying pan 28 cm", "home", 34.90, "la sartén", "frying pan"),
    new Product(
        "SPT-0166",
        "Running shoes Pace 2",
        "sports",
        89.90,
        "las zapatillas de running",
        "pair of running shoes"),
    new Product(
        "ELC-0172",
        "Lumen Buds wireless earbuds",
        "electronics",
        79.00,
        "los auriculares",
        "pair of earbuds"),
    new Product("FSH-0270", "Water-repellent parka", "fashion", 119.00, "el abrigo", "parka"),
    new Product("HOM-0181", "Air fryer 5.5 L", "home", 99.00, "la freidora de aire", "air fryer"),
    new Product(
        "ELC-0188", "Smart speaker mini", "electronics", 59.00, "el altavoz", "smart speaker"),
    new Product(
        "SPT-0190", "Fitness smartwatch", "sports", 149.00, "el reloj deportivo", "fitness watch"),
    new Product(
        "HOM-0205", "Robot vacuum V3", "home", 229.00, "la aspiradora robot", "robot vacuum"),
    new Product(
        "ELC-0212", "Noise-cancelling headphones", "electronics", 199.00, "los cascos", "headset"),
    new Product("HOM-0220", "Espresso machine", "home", 179.00, "la cafetera", "espresso machine"),
    new Product("ELC-0231", "Tablet 11 inch 128 GB", "electronics", 329.00, "la tablet", "tablet"),
    new Product(
        "SPT-0240", "Folding e-scooter", "sports", 449.00, "el patinete eléctrico", "e-scooter"),
    new Product("ELC-0255", "Smartphone Lumen One", "electronics", 499.00, "el móvil", "phone"),
    new Product(
        "HOM-0266", "Washing machine 9 kg", "home", 549.00, "la lavadora", "washing machine"),
    new Product("ELC-0278", "55 inch 4K TV", "electronics", 649.00, "la tele", "TV"),
    new Product("ELC-0290", "Laptop 14 inch 16 GB", "electronics", 899.00, "el portátil", "laptop"),
    new Product("HOM-0299", "Fridge combi no frost", "home", 799.00, "la nevera", "fridge"),
  };

  /** Indexes of electronics. */
  static final int[] ELECTRONICS =
      java.util.stream.IntStream.range(0, PRODUCTS.length)
          .filter(i -> PRODUCTS[i].category.equals("electronics"))
          .toArray();

  /** Indexes of products under 100 EUR. */
  static final int[] EVERYDAY = select(false);

  /** Indexes of products of 100 EUR or more. */
  static final int[] PREMIUM = select(true);

  private static int[] select(boolean premium) {
    return java.util.stream.IntStream.range(0, PRODUCTS.length)
        .filter(i -> (PRODUCTS[i].priceEur >= 100.0) == premium)
        .toArray();
  }
}
