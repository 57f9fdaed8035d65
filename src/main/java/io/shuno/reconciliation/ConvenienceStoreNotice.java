package io.shuno.reconciliation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One row of a コンビニ collection agency's notification: 速報 ({@code 01}, PRELIMINARY), 確報 ({@code 02}, CONFIRMED)
 * or 速報取消 ({@code 03}, CANCELLED) of the payment of {@code barcode} at store {@code storeCode} of chain
 * {@code chainCode} at {@code paidAt} (収納日時). The rows of one payment across its stages share
 * barcode, chain, store and 収納日時, and so their {@link #paymentRef()}. {@code transferDate} is the agency's 振込日
 * (a 確報 states it). {@code municipality} is the agency's client the row is for (the agency contract says which).
 */
public record ConvenienceStoreNotice(
        NoticeStage stage,
        MunicipalityCode municipality,
        ConvenienceBarcode barcode,
        Amount amount,
        OffsetDateTime paidAt,
        String chainCode,
        String storeCode,
        Optional<LocalDate> transferDate) {

    private static final Pattern CHAIN_CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern STORE_CODE = Pattern.compile("[0-9A-Za-z-]{1,20}");

    public ConvenienceStoreNotice {
        Objects.requireNonNull(stage);
        Objects.requireNonNull(municipality);
        Objects.requireNonNull(barcode);
        Objects.requireNonNull(paidAt);
        Objects.requireNonNull(transferDate);
        amount.requirePositive("a payment amount");
        if (chainCode == null || !CHAIN_CODE.matcher(chainCode).matches()) {
            throw new InvalidIdentifierException("コンビニ本部コード must be 3 digits");
        }
        if (storeCode == null || !STORE_CODE.matcher(storeCode).matches()) {
            throw new InvalidIdentifierException("店舗コード must be 1 to 20 letters or digits");
        }
    }

    /** The stage an agency's 種別 names: {@code 01} 速報, {@code 02} 確報, {@code 03} 速報取消. */
    public static NoticeStage stageOf(String kind) {
        return switch (kind) {
            case "01" -> NoticeStage.PRELIMINARY;
            case "02" -> NoticeStage.CONFIRMED;
            case "03" -> NoticeStage.CANCELLED;
            default -> throw new InvalidIdentifierException("コンビニ収納 種別 must be 01, 02 or 03");
        };
    }

    /** The payment across its 速報, 確報 and 取消: barcode + chain + store + 収納日時. */
    public PaymentRef paymentRef() {
        return PaymentRef.convenienceStore(
                DeterministicId.of(barcode.value(), chainCode, storeCode, paidInJapan().toString()));
    }

    /** 収納日時 as the agency writes it: Japan time, to the minute. */
    private LocalDateTime paidInJapan() {
        return paidAt.atZoneSameInstant(FiscalYear.TOKYO).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
    }

    /** 収納日: revenue, fiscal year and late charge follow the day the payer paid, not the transfer date. */
    public LocalDate receivedOn() {
        return paidInJapan().toLocalDate();
    }

    /** What the settlements of this row are caused by; the same row read twice has the same cause. */
    public String cause() {
        return "convenience-store-notice:" + paymentRef().value().substring("cvs:".length()) + ":" + stage;
    }

    GatewayNotice asGatewayNotice() {
        return new GatewayNotice(cause(), paymentRef(), stage, PaymentKey.of(barcode), municipality, amount,
                receivedOn(), Channel.CONVENIENCE_STORE, Optional.of(new StoreReceipt(chainCode, transferDate)),
                Gateway.CONVENIENCE_STORE_AGENCY);
    }
}
