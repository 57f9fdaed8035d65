package io.shuno.intake;

import io.shuno.deadletters.RejectionClass;

/** A record that cannot be accepted, with a reason an operator can act on. */
class RejectedRecordException extends Exception {

    private final RejectionClass rejectionClass;

    RejectedRecordException(RejectionClass rejectionClass, String reason) {
        super(reason, null, false, false);
        this.rejectionClass = rejectionClass;
    }

    RejectionClass rejectionClass() {
        return rejectionClass;
    }
}
