package io.shuno.reconciliation;

/** 速報 / 確報 / 速報取消: the three stages every gateway feed reports a payment in. */
public enum NoticeStage {
    PRELIMINARY, CONFIRMED, CANCELLED
}
