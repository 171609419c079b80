package org.linli.residents;

import java.util.UUID;

/**
 * A resident's real-name details were recorded or corrected (a confirmation is sent).
 *
 * @param recordingId identifies this recording, so a redelivered event is recognised
 */
public record RealNameRecorded(UUID recordingId, long personId, long accountId, boolean corrected) {
}
