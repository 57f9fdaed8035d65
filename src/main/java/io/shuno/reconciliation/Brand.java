package io.shuno.reconciliation;

/** How a payer paid at the counter terminal. */
public enum Brand {
    CREDIT(Channel.COUNTER_CREDIT), EMONEY(Channel.COUNTER_EMONEY), QR(Channel.COUNTER_QR);

    private final Channel channel;

    Brand(Channel channel) {
        this.channel = channel;
    }

    public Channel channel() {
        return channel;
    }
}
