package io.rapport.generator;

/**
 * The fixed shape of the index space, which makes every record addressable by its index alone.
 *
 * <p>Indices come in blocks of {@value #BLOCK}. Each position of a block is a slot of one kind:
 * {@code C} a new customer (customer number = how many {@code C} slots came before; once every
 * customer exists, an update), {@code U} an update (rarely a forget) of a known customer, {@code T}
 * a transaction, {@code M} a mention. The first {@value #BOOTSTRAP_BLOCKS} blocks (a CRM bootstrap:
 * 4 new customers, 5 transactions, 11 mentions per block) fill the CRM quickly; after that a block
 * has 1 new customer, 1 update, 4 transactions and 14 mentions (10 % / 20 % / 70 %).
 *
 * <p>Event time of index i is {@code start + i * step + jitter(i)}, {@code |jitter| <= J}: so a
 * record is at most {@code max(0, 2J - step)} earlier than any record before it.
 */
final class Layout {
  static final int BLOCK = 20;
  static final long BOOTSTRAP_BLOCKS = 250;
  static final int CREATES_PER_BOOTSTRAP_BLOCK = 4;

  /** Share of customers who ask to be forgotten, and how many blocks after their creation. */
  static final double FORGET_SHARE = 0.004;

  static final long FORGET_DELAY_BLOCKS = 3_000;

  static final char CREATE = 'C';
  static final char UPDATE = 'U';
  static final char TX = 'T';
  static final char MENTION = 'M';

  private static final char[] A = "CMTMCMTMMCTMMTMCMTMM".toCharArray();
  private static final char[] B = "CMMTMMMTMMUMTMMMTMMM".toCharArray();
  private static final int[] PREFIX_A = prefix(A);
  private static final int[] PREFIX_B = prefix(B);
  private static final int[] CREATE_POS_A = positions(A, CREATE);
  static final int[] TX_POS_A = positions(A, TX);
  static final int[] TX_POS_B = positions(B, TX);
  static final int[] MENTION_POS_A = positions(A, MENTION);
  static final int[] MENTION_POS_B = positions(B, MENTION);

  private static final long SALT_JITTER = 0x21;

  final long seed;
  final int customers;
  final long startMillis;
  final long step;
  final long jitter;
  final long tierRotation;

  Layout(GeneratorConfig c) {
    this.seed = c.seed;
    this.customers = c.customers;
    this.startMillis = c.start.toEpochMilli();
    this.step = c.meanStepMillis;
    this.jitter = c.jitterMillis;
    this.tierRotation = Math.floorMod(Hash.of(c.seed, 0x22, 0), 10);
  }

  static char slot(long index) {
    long b = index / BLOCK;
    int pos = (int) (index % BLOCK);
    return (b < BOOTSTRAP_BLOCKS ? A : B)[pos];
  }

  /** Number of {@code C} slots at indices below {@code index}. */
  static long creationSlotsBefore(long index) {
    long b = index / BLOCK;
    int pos = (int) (index % BLOCK);
    if (b < BOOTSTRAP_BLOCKS) {
      return b * CREATES_PER_BOOTSTRAP_BLOCK + PREFIX_A[pos];
    }
    return BOOTSTRAP_BLOCKS * CREATES_PER_BOOTSTRAP_BLOCK + (b - BOOTSTRAP_BLOCKS) + PREFIX_B[pos];
  }

  /** Customers whose creation record lies at an index below {@code index}. */
  int createdBefore(long index) {
    return (int) Math.min(customers, creationSlotsBefore(index));
  }

  /** Index of customer k's creation record. */
  static long creationIndex(int k) {
    long boot = BOOTSTRAP_BLOCKS * CREATES_PER_BOOTSTRAP_BLOCK;
    if (k < boot) {
      return (long) (k / CREATES_PER_BOOTSTRAP_BLOCK) * BLOCK
          + CREATE_POS_A[k % CREATES_PER_BOOTSTRAP_BLOCK];
    }
    return (BOOTSTRAP_BLOCKS + (k - boot)) * BLOCK;
  }

  long creationBlock(int k) {
    return creationIndex(k) / BLOCK;
  }

  long creationTimeMillis(int k) {
    return timeMillis(creationIndex(k));
  }

  long timeMillis(long index) {
    long j = 0;
    if (jitter > 0) {
      j = (long) Math.floor((Hash.unit(seed, SALT_JITTER, index) * 2 - 1) * (jitter + 0.999));
      j = Math.max(-jitter, Math.min(jitter, j));
    }
    return startMillis + index * step + j;
  }

  /** Index of the n-th transaction slot of block b. */
  static long txIndex(long block, int n) {
    int[] pos = block < BOOTSTRAP_BLOCKS ? TX_POS_A : TX_POS_B;
    return block * BLOCK + pos[n % pos.length];
  }

  static int txPerBlock(long block) {
    return block < BOOTSTRAP_BLOCKS ? TX_POS_A.length : TX_POS_B.length;
  }

  /** Index of the n-th mention slot of block b. */
  static long mentionIndex(long block, int n) {
    int[] pos = block < BOOTSTRAP_BLOCKS ? MENTION_POS_A : MENTION_POS_B;
    return block * BLOCK + pos[n % pos.length];
  }

  static int mentionsPerBlock(long block) {
    return block < BOOTSTRAP_BLOCKS ? MENTION_POS_A.length : MENTION_POS_B.length;
  }

  private static int[] prefix(char[] layout) {
    int[] p = new int[layout.length + 1];
    for (int i = 0; i < layout.length; i++) {
      p[i + 1] = p[i] + (layout[i] == CREATE ? 1 : 0);
    }
    return p;
  }

  private static int[] positions(char[] layout, char kind) {
    int n = 0;
    for (char c : layout) {
      n += c == kind ? 1 : 0;
    }
    int[] p = new int[n];
    int j = 0;
    for (int i = 0; i < layout.length; i++) {
      if (layout[i] == kind) {
        p[j++] = i;
      }
    }
    return p;
  }
}
