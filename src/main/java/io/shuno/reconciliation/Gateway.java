package io.shuno.reconciliation;

/** Who reports a payment's stages, and so whom staff ask about it. */
enum Gateway {
    /** eLTAX: 地方税共同機構. */
    ELTAX(ExplanationCode.GATEWAY_ELTAX),
    /** A コンビニ 収納代行会社. */
    CONVENIENCE_STORE_AGENCY(ExplanationCode.GATEWAY_CONVENIENCE_STORE_AGENCY),
    /** The 指定金融機関 that runs the 口座振替. */
    BANK(ExplanationCode.GATEWAY_BANK);

    private final ExplanationCode name;

    Gateway(ExplanationCode name) {
        this.name = name;
    }

    /** The gateway named in the reader's language. */
    Explanation explanation() {
        return Explanation.of(name);
    }
}
