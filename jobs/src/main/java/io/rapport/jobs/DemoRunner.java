package io.rapport.jobs;

/** TEMPORARY until the generator branch lands. */
final class DemoRunner {
  private DemoRunner() {}

  static void run(JobArguments args) {
    throw new UnsupportedOperationException("not yet");
  }
}
