package io.shuno.matching;

import io.shuno.reconciliation.MunicipalityCode;

/** A payer as billing systems know them: a payerId is only unique within its municipality. */
public record Payer(MunicipalityCode municipality, String payerId) {
}
