package io.vertomic.peer;

/** kill -9 of a writer on the dev storage (an LMDB file store in a temporary directory). */
class DevCrashRecoveryTest extends CrashContractTest {
  @Override
  protected String uri(String name) {
    return "vertomic:dev://127.0.0.1:4334/" + name;
  }
}
