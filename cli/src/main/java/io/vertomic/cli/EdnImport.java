package io.vertomic.cli;

import io.vertomic.anomaly.Anomaly;
import io.vertomic.edn.Edn;
import java.io.PrintStream;
import java.util.List;

/**
 * Loads an EDN file of transactions: each top-level form is the tx data of one transaction,
 * committed in order, with the {@link ImportPosition} (the last committed form) saved after each,
 * so a re-run continues after it. The whole file is read first: malformed EDN changes nothing.
 */
final class EdnImport {
  private EdnImport() {}

  /** What an import did: forms committed, forms per second, forms skipped. */
  record Result(long transactions, long rate, long resumedAfter) {}

  static Result run(
      Target target, String file, String text, ImportPosition position, PrintStream progressOut) {
    List<Object> forms = Edn.readAll(text);
    long resumeAfter = position.committed();
    ProgressBar progress = new ProgressBar(progressOut, forms.size(), "transactions");
    progress.advance(Math.min(resumeAfter, forms.size()));
    long done = 0;
    try {
      for (int i = (int) Math.min(resumeAfter, forms.size()); i < forms.size(); i++) {
        Object txData = forms.get(i);
        if (!(txData instanceof List<?>)) {
          throw Anomaly.incorrect(
              "cli/not-tx-data",
              file + " form " + (i + 1) + " is not tx data (a vector): " + Edn.write(txData));
        }
        try {
          target.transact(txData);
        } catch (Anomaly a) {
          throw new Anomaly(
              a.category(),
              a.code(),
              file
                  + " form "
                  + (i + 1)
                  + " (not committed; a re-run continues from it): "
                  + a.getMessage(),
              a.data());
        }
        position.save(i + 1);
        progress.advance(1);
        done++;
      }
    } finally {
      progress.finish();
    }
    return new Result(done, progress.rate(), resumeAfter);
  }
}
