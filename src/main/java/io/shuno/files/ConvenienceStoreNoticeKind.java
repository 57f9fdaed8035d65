package io.shuno.files;

import java.util.Arrays;
import java.util.Optional;

/** 種別 of an agency's notice row, and the notice stage it is in shuno's contract. */
public enum ConvenienceStoreNoticeKind {
    PRELIMINARY("01", "速報"), CONFIRMED("02", "確報"), CANCELLED("03", "速報取消");

    private final String code;
    private final String nameJa;

    ConvenienceStoreNoticeKind(String code, String nameJa) {
        this.code = code;
        this.nameJa = nameJa;
    }

    static Optional<ConvenienceStoreNoticeKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    public String nameJa() {
        return nameJa;
    }
}
