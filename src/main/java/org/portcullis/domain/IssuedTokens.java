package org.portcullis.domain;

/** The outcome of a login or a refresh: the new tokens and the account they belong to. */
public record IssuedTokens(TokenPair pair, Account account) {
}
