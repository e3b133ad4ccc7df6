package io.ledgerline.command.account.web;

/** What an accepted account command answers: the account and the version the command produced. */
public record AccountCommandResponse(String accountId, long version) {
}
