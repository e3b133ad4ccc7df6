package io.ledgerline.peer.account;

import java.math.BigDecimal;

public record MoneyDeposited(String accountId, BigDecimal amount, String currency) {
}
