package io.rapport.generator;

/** Stateless 64-bit mixing: every random choice of the generator is a function of these. */
final class Hash {
  private Hash() {}

  /** The finaliser of SplitMix64 (Stafford variant 13): a bijection with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A hash of (seed, salt, x). */
  static long of(long seed, long salt, long x) {
    return mix(seed * 0x9E3779B97F4A7C15L + mix(x * 0xD1B54A32D192ED03L + salt));
  }

  /** A uniform double in [0, 1) from a hash. */
  static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /** A uniform double in [0, 1) for (seed, salt, x). */
  static double unit(long seed, long salt, long x) {
    return unit(of(seed, salt, x));
  }
}
