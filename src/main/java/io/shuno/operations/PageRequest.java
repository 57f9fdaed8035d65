package io.shuno.operations;

/** Which page of a list to return: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw OperationFailure.invalid("page must be 0 or more and size 1 to " + MAX_SIZE);
        }
    }

    long offset() {
        return (long) page * size;
    }
}
