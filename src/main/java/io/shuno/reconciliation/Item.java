package io.shuno.reconciliation;

/** What an invoice bills. Premiums go to special accounts, fees to the general account. */
public enum Item {
    NHI_PREMIUM, LTC_PREMIUM, LATE_ELDERLY_PREMIUM, NURSERY_FEE, CERTIFICATE_FEE, HOUSING_RENT,
    ROAD_OCCUPANCY_FEE, PROPERTY_USE_FEE, SEWERAGE_CHARGE, WATER_CHARGE, OTHER_FEE
}
