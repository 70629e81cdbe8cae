package io.vertomic.peer;

/** Renames of databases in this process's memory. */
class MemRenameTest extends RenameContractTest {
  @Override
  protected String uri(String name) {
    return "vertomic:mem://" + name;
  }
}
