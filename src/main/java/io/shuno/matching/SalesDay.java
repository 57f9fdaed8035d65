package io.shuno.matching;

import io.shuno.reconciliation.Brand;
import io.shuno.reconciliation.MunicipalityCode;

import java.time.LocalDate;

/** One municipality's counter sales of one brand on one business date: what an acquirer statement reports on. */
public record SalesDay(MunicipalityCode municipality, LocalDate businessDate, Brand brand) {
}
