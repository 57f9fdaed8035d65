package io.shuno.operations;

import io.shuno.exceptions.ExceptionView;

import java.util.Locale;

/** One exception with the story of its invoice and payment: what staff need on screen to decide. */
public record ExceptionDetail(ExceptionView exception, InvoiceStory story) {

    /** The same, the exception explained in {@code locale}'s language. */
    public ExceptionDetail in(Locale locale) {
        return new ExceptionDetail(exception.in(locale), story);
    }
}
