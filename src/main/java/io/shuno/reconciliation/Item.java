package io.shuno.reconciliation;

/** What an invoice bills. Premiums go to special accounts, fees to the general account. */
public enum Item {
    NHI_PREMIUM, LTC_PREMIUM, LATE_ELDERLY_PREMIUM, NURSERY_FEE, CERTIFICATE_FEE, HOUSING_RENT,
    ROAD_OCCUPANCY_FEE, PROPERTY_USE_FEE, SEWERAGE_CHARGE, WATER_CHARGE, OTHER_FEE;

    /** 国保・介護・後期高齢者医療の保険料: local-tax rules for 還付加算金, and a 2-year refund prescription. */
    public boolean isInsurancePremium() {
        return this == NHI_PREMIUM || this == LTC_PREMIUM || this == LATE_ELDERLY_PREMIUM;
    }
}
