package io.shuno.matching;

import io.shuno.reconciliation.InvoiceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Serialises all work on one invoice across threads and instances. Every batch takes a transaction-scoped PostgreSQL
 * advisory lock for each invoice it decides on (by id) and each payment key (eL番号, barcode, debit key) its messages
 * name that names no invoice yet — all of them up front and in one global order, so two batches can wait for each
 * other but never deadlock. A key that names an invoice is locked as that invoice: a key is never taken from the
 * invoice that has it, so its invoice's lock guards it as well. Two payments naming different keys of one invoice
 * meet at the invoice's lock; a payment that arrives before its invoice locks the key it names, which the invoice's
 * event locks too, and whoever looked at a key before its lock looks again after it, locking the invoice it found.
 * The locks come before the transaction's first write, so that settlements about one invoice are published in the
 * order they were booked.
 */
@Component
public class ReconciliationLocks {

    /** One digest per thread rather than one per key: a batch hashes a thousand keys or so (see {@link #hash}). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private final JdbcTemplate jdbc;

    ReconciliationLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks these invoices and payment keys (eL番号, barcodes, debit keys), plus further keys ({@link #saleKey},
     * {@link #exceptionKey}), all at once.
     */
    void acquire(Collection<InvoiceId> invoiceIds, Collection<InvoiceKey> paymentKeys, Collection<String> otherKeys) {
        List<String> keys = new ArrayList<>(otherKeys);
        invoiceIds.forEach(id -> keys.add("invoice:" + id));
        paymentKeys.forEach(key -> keys.add(key.lockName()));
        acquire(keys);
    }

    /**
     * Locks the invoices of {@code more} not yet among {@code held}, after the others and so out of the global order
     * (two transactions doing so may deadlock; PostgreSQL ends one, a transient fault, retried), and adds them to
     * {@code held}. Leaves in {@code more} only those it locked now, and says whether there were any.
     */
    boolean acquireToo(Set<InvoiceId> more, Set<InvoiceId> held) {
        more.removeAll(held);
        if (more.isEmpty()) {
            return false;
        }
        acquire(more, List.of(), List.of());
        held.addAll(more);
        return true;
    }

    private void acquire(Collection<String> keys) {
        Long[] ordered = keys.stream().map(ReconciliationLocks::hash).distinct().sorted().toArray(Long[]::new);
        if (ordered.length == 0) {
            return;
        }
        // unnest keeps the array's order, so the locks are taken in ascending order. A transaction takes its id at its
        // first write, and the relay publishes settlements in that order (SettlementPublication): only a transaction
        // that locks before writing is sure to have a larger id than the one it waited for.
        Boolean beforeFirstWrite = jdbc.queryForObject("""
                select pg_current_xact_id_if_assigned() is null
                from (select count(pg_advisory_xact_lock(k)) from unnest(?::bigint[]) as k) as locked""",
                Boolean.class, (Object) ordered);
        if (!Boolean.TRUE.equals(beforeFirstWrite)) {
            throw new IllegalStateException("reconciliation locks are taken before the transaction's first write");
        }
    }

    /** A counter SALE and its VOID may arrive on different partitions; they take turns on this key. */
    static String saleKey(String transactionId) {
        return "sale:" + transactionId;
    }

    /** Staff decisions on one exception are serialised too, so a request sent twice at once applies once. */
    static String exceptionKey(String exceptionId) {
        return "exception:" + exceptionId;
    }

    /**
     * The first 8 bytes of the key's SHA-256: every instance and release must agree on it, or two of them would not
     * meet at one lock.
     */
    private static long hash(String key) {
        return ByteBuffer.wrap(SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
    }

}
