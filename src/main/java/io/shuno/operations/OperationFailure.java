package io.shuno.operations;

/** Why an operation was not done, with a message for the caller that holds no personal data. */
public class OperationFailure extends RuntimeException {

    public enum Why { NOT_FOUND, OUTSIDE_MUNICIPALITIES, INVALID_REQUEST, CONFLICT }

    private final Why why;

    public OperationFailure(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }

    static OperationFailure notFound(String what) {
        return new OperationFailure(Why.NOT_FOUND, what + " does not exist");
    }

    static OperationFailure invalid(String message) {
        return new OperationFailure(Why.INVALID_REQUEST, message);
    }

    static OperationFailure conflict(String message) {
        return new OperationFailure(Why.CONFLICT, message);
    }
}
