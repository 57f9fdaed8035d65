package io.shuno.files;

import java.util.Arrays;
import java.util.Optional;

/** 種別 of an agency's notice row, and the notice stage it is in shuno's contract. */
public enum ConvenienceStoreNoticeKind {
    /** 01 速報. */
    PRELIMINARY("01"),
    /** 02 確報. */
    CONFIRMED("02"),
    /** 03 速報取消. */
    CANCELLED("03");

    private final String code;

    ConvenienceStoreNoticeKind(String code) {
        this.code = code;
    }

    static Optional<ConvenienceStoreNoticeKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }
}
