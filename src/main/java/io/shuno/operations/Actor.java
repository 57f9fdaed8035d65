package io.shuno.operations;

import io.shuno.platform.MunicipalityScope;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts through the operations API: a staff id (never a name) and the municipalities (団体コード) whose records
 * they may see and change — all of them for a central operator.
 */
public record Actor(String id, Set<String> municipalities, boolean allMunicipalities) {

    public Actor {
        Objects.requireNonNull(id);
        municipalities = Set.copyOf(municipalities);
    }

    /** The municipalities whose records the actor sees. */
    public MunicipalityScope scope() {
        return new MunicipalityScope(municipalities, allMunicipalities);
    }

    /** Records that name no municipality (a dead letter that is not JSON) are for central operators only. */
    boolean covers(Optional<String> municipality) {
        return allMunicipalities || municipality.map(municipalities::contains).orElse(false);
    }

    public void mustCover(Optional<String> municipality) {
        if (!covers(municipality)) {
            throw new OperationFailure(OperationFailure.Why.OUTSIDE_MUNICIPALITIES,
                    "this record belongs to a municipality you do not act for");
        }
    }
}
