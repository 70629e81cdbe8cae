package com.example.bank;

import io.vertomic.edn.Keyword;
import io.vertomic.tx.Extension;
import io.vertomic.tx.Registry;
import java.util.List;

/** A bank's transaction function and attribute predicate (docs/extensions.md). */
public final class BankExtension implements Extension {
  private static final Keyword ADD = Keyword.of("db/add");
  private static final Keyword BALANCE = Keyword.of("account/balance");

  @Override
  public void register(Registry r) {
    // [bank/deposit account amount]: the balance the account has before the transaction, plus
    // amount (no balance yet: 0)
    r.txFunction(
        "bank/deposit",
        (db, args) -> {
          Object account = args.get(0);
          Object balance = db.entity(account).get(BALANCE);
          long before = balance == null ? 0 : (Long) balance;
          return List.of(List.of(ADD, account, BALANCE, before + (Long) args.get(1)));
        });
    // :db.attr/preds bank/non-negative? on :account/balance: no account is ever overdrawn
    r.attrPredicate("bank/non-negative?", v -> (Long) v >= 0);
  }
}
