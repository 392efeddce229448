package dev.andon.core.audit;

import java.util.List;

/** The result of walking the whole chain: how many records were checked and each place where it is broken. */
public record AuditVerification(boolean intact, long checked, List<Finding> findings) {
    public record Finding(long seq, String problem) {
    }
}
