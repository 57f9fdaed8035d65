package io.shuno.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the controllers of the dashboard's pages, so {@link DashboardPageAdvice} answers their failures with pages. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface DashboardPage {
}
