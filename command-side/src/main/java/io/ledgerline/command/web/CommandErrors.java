package io.ledgerline.command.web;

import io.ledgerline.command.account.AccountIsClosed;
import io.ledgerline.command.account.AccountIsFrozen;
import io.ledgerline.command.account.BalanceNotZero;
import io.ledgerline.command.account.InsufficientFunds;
import io.ledgerline.command.account.InvalidDescription;
import io.ledgerline.command.account.InvalidExternalReference;
import io.ledgerline.command.account.InvalidOverdraftLimit;
import io.ledgerline.command.account.InvalidReference;
import io.ledgerline.command.account.TransferInFlight;
import io.ledgerline.command.account.UnknownCustomer;
import io.ledgerline.command.account.UnsupportedCurrency;
import io.ledgerline.command.audit.NotYetExisting;
import io.ledgerline.command.audit.VersionNotReached;
import io.ledgerline.command.customer.CustomerIsErased;
import io.ledgerline.command.customer.DuplicateEmail;
import io.ledgerline.command.customer.InvalidCustomerName;
import io.ledgerline.command.customer.InvalidEmail;
import io.ledgerline.command.domain.AmountTooLarge;
import io.ledgerline.command.domain.CurrencyMismatch;
import io.ledgerline.command.domain.InvalidAmount;
import io.ledgerline.command.infrastructure.republish.RepublishAlreadyRunning;
import io.ledgerline.command.integrity.VerificationAlreadyRunning;
import io.ledgerline.command.integrity.VerificationRangeReversed;
import io.ledgerline.command.integrity.VerificationRangeTooLarge;
import io.ledgerline.command.transfer.SameAccountTransfer;
import io.ledgerline.command.transfer.TransferIdReused;
import io.ledgerline.command.transfer.UnknownAccount;
import io.ledgerline.support.web.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every code the command API's own endpoints answer, with its status and what it means: the one
 * documented error set the API document is written from. The statuses are those the refusals
 * carry ({@code RuleViolation} 422, {@code RuleConflict} 409); {@code CommandErrorsTest} holds
 * them to it.
 */
public final class CommandErrors {

    /** @param status the HTTP status the code is answered with */
    public record Refusal(String status, String meaning) {
    }

    /** The id a request chose for a new aggregate is taken by another kind of aggregate. */
    public static final String ID_IN_USE = CommandRefusalAdvice.ID_IN_USE;

    private static final Map<String, Refusal> REFUSALS = new LinkedHashMap<>();

    static {
        refusal(ErrorCodes.INVALID_REQUEST, "400", "a field, parameter or header breaks a limit of its schema; "
                + "`errors` names each field of a body and why");
        refusal(CommandExecutor.INVALID_IDEMPOTENCY_KEY, "400", "the Idempotency-Key is not 1 to 255 visible ASCII "
                + "characters");
        refusal(ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "415", "the body is not application/json");
        refusal(ErrorCodes.NOT_FOUND, "404", "nothing of this kind is known under the id (for a customer, also "
                + "another customer's)");
        refusal(NotYetExisting.CODE, "404", "asOf is before the first event");
        refusal(VersionNotReached.CODE, "404", "version is beyond the latest");
        refusal(CommandRefusalAdvice.VERSION_CONFLICT, "409", "the version in If-Match is not the current one; read "
                + "again and retry");
        refusal(CommandRefusalAdvice.CONFLICT, "409", "another command changed the same aggregate at the same time, "
                + "also after retries; read again and retry");
        refusal(CommandExecutor.IDEMPOTENCY_KEY_REUSED, "409", "the Idempotency-Key was used with another request");
        refusal(ID_IN_USE, "409", "the transferId names an account or a customer");
        refusal(DuplicateEmail.CODE, "409", "another customer has this email address");
        refusal(TransferIdReused.CODE, "409", "the transferId names another transfer request (other accounts, "
                + "amount, description or reference)");
        refusal(RepublishAlreadyRunning.CODE, "409", "another republication is running");
        refusal(VerificationAlreadyRunning.CODE, "429", "as many ledger verifications as allowed at once run "
                + "already (ledgerline.integrity.verification-jobs.max-running); Retry-After says when to ask again");
        refusal(InvalidCustomerName.CODE, "422", "the name is blank or longer than 200 characters");
        refusal(InvalidEmail.CODE, "422", "not an email address, or longer than 254 characters");
        refusal(CustomerIsErased.CODE, "422", "the customer is erased");
        refusal(UnknownCustomer.CODE, "422", "no customer is known under customerId");
        refusal(UnsupportedCurrency.CODE, "422", "the ledger keeps no accounts in this currency");
        refusal(InvalidOverdraftLimit.CODE, "422", "the limit is negative, has more decimals than the "
                + "currency, or is below what the account is overdrawn by");
        refusal(InvalidAmount.CODE, "422", "the amount is zero, negative, or has more decimals than the currency");
        refusal(AmountTooLarge.CODE, "422", "the amount is above the largest single amount of its currency");
        refusal(CurrencyMismatch.CODE, "422", "the currency is not the account's (for a transfer, not both "
                + "accounts')");
        refusal(InvalidDescription.CODE, "422", "the description is longer than 140 characters");
        refusal(InvalidReference.CODE, "422", "the payer's reference is longer than 35 characters");
        refusal(InvalidExternalReference.CODE, "422", "the externalReference is longer than 64 characters");
        refusal(InsufficientFunds.CODE, "422", "the amount is beyond the balance plus the overdraft limit");
        refusal(AccountIsFrozen.CODE, "422", "the account is frozen: it pays nothing out");
        refusal(AccountIsClosed.CODE, "422", "the account is closed");
        refusal(BalanceNotZero.CODE, "422", "the balance is not zero");
        refusal(TransferInFlight.CODE, "422", "a transfer from or to the account is under way");
        refusal(UnknownAccount.CODE, "422", "no account is known under fromAccountId or toAccountId (for a customer, "
                + "also another customer's source account)");
        refusal(SameAccountTransfer.CODE, "422", "fromAccountId and toAccountId are the same account");
        refusal(VerificationRangeReversed.CODE, "422", "fromGlobalIndex is after toGlobalIndex");
        refusal(VerificationRangeTooLarge.CODE, "422", "the range covers more global indexes than one verification "
                + "does (ledgerline.integrity.max-verification-range); verify it in consecutive ranges");
    }

    private CommandErrors() {
    }

    private static void refusal(String code, String status, String meaning) {
        REFUSALS.put(code, new Refusal(status, meaning));
    }

    /** @throws IllegalArgumentException for a code the command API does not answer */
    public static Refusal of(String code) {
        Refusal refusal = REFUSALS.get(code);
        if (refusal == null) {
            throw new IllegalArgumentException("No refusal of the command API has the code " + code);
        }
        return refusal;
    }

    static Map<String, Refusal> all() {
        return Map.copyOf(REFUSALS);
    }
}
