package io.ledgerline.peer.account;

public record AccountOpened(String accountId, String currency) {
}
