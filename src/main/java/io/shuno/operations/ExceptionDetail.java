package io.shuno.operations;

import io.shuno.exceptions.ExceptionView;

/** One exception with the story of its invoice and payment: what staff need on screen to decide. */
public record ExceptionDetail(ExceptionView exception, InvoiceStory story) {
}
