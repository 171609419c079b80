package org.linli.activities.internal;

import java.security.Principal;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;

/** The signed-in account behind a request (401 when there is none). */
final class Me {

    private Me() {
    }

    static long of(Principal principal) {
        Long id = ActorId.of(principal);
        if (id == null) {
            throw LinliException.unauthorized("UNAUTHENTICATED");
        }
        return id;
    }
}
