package io.shuno.bench;

import io.shuno.reconciliation.MunicipalityCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * One national peak day, generated from a seed: the open book of invoices (items, accounts, fiscal years, payers
 * with several installments) and the day's eLTAX notices with the mix of outcomes a gateway delivers on 31 May,
 * the last day of the 出納整理期間.
 *
 * <p>Invoices are numbered: [0, paidToday) are paid by the backlog, the next {@code latencyPayments} by the latency
 * run, and {@code untouched} more stay open all day — they only make the book big. Terminal sales are not
 * reconciled by shuno yet; when they are, their share of the day's payments belongs in {@link #planBacklog}.
 */
final class DataSet {

    /** What an invoice bills and how large it usually is, with its share of the book in percent. */
    private record Charge(String item, String account, String revenueCode, String elItemCode, int percent,
                          int minHundreds, int maxHundreds) {
    }

    private static final List<Charge> CHARGES = List.of(
            new Charge("NHI_PREMIUM", "NHI", "01-01-01-01", "127", 35, 30, 600),
            new Charge("LTC_PREMIUM", "LTC", "01-01-02-01", "128", 20, 20, 150),
            new Charge("LATE_ELDERLY_PREMIUM", "LATE_ELDERLY", "01-01-03-01", "129", 10, 20, 200),
            new Charge("NURSERY_FEE", "GENERAL", "13-01-02-01", "201", 8, 50, 400),
            new Charge("WATER_CHARGE", "WATER", "01-01-01-02", "301", 12, 10, 120),
            new Charge("SEWERAGE_CHARGE", "SEWERAGE", "01-01-01-03", "302", 8, 10, 100),
            new Charge("HOUSING_RENT", "GENERAL", "14-01-03-01", "202", 5, 150, 600),
            new Charge("CERTIFICATE_FEE", "GENERAL", "14-02-01-01", "203", 2, 3, 10));
    /** 共通納税機関コード of a few real municipalities: Chiyoda, Shinjuku, Sapporo, Yokohama, Nagoya, Osaka, Fukuoka, Oita. */
    private static final List<String> MUNICIPALITIES = List.of("13101", "13104", "01100", "14100", "23100", "27100",
            "40130", "44201").stream().map(code -> MunicipalityCode.ofInstitutionCode(code).value()).toList();
    private static final String[] CHANNELS = {"BANK_COUNTER", "INTERNET_BANKING", "PAYMENT_SITE_CARD",
            "PAYMENT_SITE_DEBIT", "ATM_PAYEASY", "SMARTPHONE_APP"};
    private static final int INSTALLMENTS_PER_PAYER = 3;
    /** Payments to an eL番号 no invoice has are numbered from here, far beyond every invoice. */
    private static final long UNKNOWN_EL_NUMBERS = 90_000_000_000_000_000L;

    record Invoice(long number, String id, String municipality, String elNumber, String item, String account,
                   String revenueCode, int fiscalYear, long amount, LocalDate dueDate, String payerId, int installment) {
    }

    /** One notice to send: which payment, its stage and amount. */
    record Notice(int payment, String stage, long amount) {
    }

    private final long seed;
    private final long untouched;
    private final List<Notice> backlog = new ArrayList<>();
    private final Map<String, Integer> mix = new LinkedHashMap<>();
    private final BitSet issuedLate = new BitSet();
    /** Per payment: the invoice number it pays, or an unknown eL番号 number. */
    private final long[] paidInvoice;
    /** Per payment: the amount a confirmed payment must settle in full; 0 for one never confirmed. */
    private final long[] confirmedAmount;
    private int backlogPayments;
    private long paidToday;
    private int distinctBacklogNotices;
    private final int latencyPayments;

    DataSet(long seed, long untouched, long backlogNotices, long latencyPayments) {
        this.seed = seed;
        this.untouched = untouched;
        this.latencyPayments = Math.toIntExact(latencyPayments);
        int maxPayments = Math.toIntExact(backlogNotices + latencyPayments);
        this.paidInvoice = new long[maxPayments];
        this.confirmedAmount = new long[maxPayments];
        planBacklog(backlogNotices);
        for (int i = 0; i < latencyPayments; i++) {
            int payment = backlogPayments + i;
            paidInvoice[payment] = paidToday + i;
            confirmedAmount[payment] = invoice(paidToday + i).amount();
        }
    }

    /**
     * The day's mix, per payment: mostly exact, some partial, over, paid twice, to an unknown eL番号, for an invoice
     * whose ISSUED event comes after the payment (suspense, then re-matched), or announced and withdrawn. A quarter
     * are announced by a PRELIMINARY first (one in ten of those arrives after its CONFIRMED), and 3 % of all notices
     * are redelivered a few thousand records later.
     */
    private void planBacklog(long wanted) {
        Random random = new Random(seed);
        PriorityQueue<long[]> redeliveries = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        List<Notice> firstDeliveries = new ArrayList<>();
        long unknown = 0;
        while (firstDeliveries.size() < wanted) {
            int roll = random.nextInt(1000);
            long invoiceNumber = paidToday;
            long billed = invoice(invoiceNumber).amount();
            if (roll >= 960 && roll < 975) {
                // Paid against an eL番号 no invoice has: this invoice stays for the next payment.
                pay(firstDeliveries, random, "unknown", UNKNOWN_EL_NUMBERS + unknown++, billed);
                continue;
            }
            paidToday++;
            if (roll < 880) {
                pay(firstDeliveries, random, "exact", invoiceNumber, billed);
            } else if (roll < 920) {
                pay(firstDeliveries, random, "partial", invoiceNumber,
                        Math.max(100, billed / 100 * (30 + random.nextInt(60))));
            } else if (roll < 940) {
                pay(firstDeliveries, random, "over", invoiceNumber, billed + 100L * (1 + random.nextInt(50)));
            } else if (roll < 960) {
                pay(firstDeliveries, random, "double", invoiceNumber, billed);
                pay(firstDeliveries, random, "double", invoiceNumber, billed);
            } else if (roll < 990) {
                issuedLate.set(Math.toIntExact(invoiceNumber));
                pay(firstDeliveries, random, "invoice issued late", invoiceNumber, billed);
            } else {
                int payment = newPayment("withdrawn", invoiceNumber, 0);
                firstDeliveries.add(new Notice(payment, "PRELIMINARY", billed));
                firstDeliveries.add(new Notice(payment, "CANCELLED", billed));
            }
        }
        distinctBacklogNotices = firstDeliveries.size();
        for (int i = 0; i < firstDeliveries.size(); i++) {
            while (!redeliveries.isEmpty() && redeliveries.peek()[0] <= i) {
                backlog.add(firstDeliveries.get((int) redeliveries.poll()[1]));
                count("redelivered notice");
            }
            backlog.add(firstDeliveries.get(i));
            if (random.nextInt(100) < 3) {
                redeliveries.add(new long[]{i + 1_000 + random.nextInt(5_000), i});
            }
        }
        while (!redeliveries.isEmpty()) {
            backlog.add(firstDeliveries.get((int) redeliveries.poll()[1]));
            count("redelivered notice");
        }
    }

    private void pay(List<Notice> notices, Random random, String outcome, long invoiceNumber, long amount) {
        int payment = newPayment(outcome, invoiceNumber, amount);
        if (random.nextInt(4) > 0) {
            notices.add(new Notice(payment, "CONFIRMED", amount));
        } else if (random.nextInt(10) > 0) {
            count("announced by PRELIMINARY");
            notices.add(new Notice(payment, "PRELIMINARY", amount));
            notices.add(new Notice(payment, "CONFIRMED", amount));
        } else {
            count("PRELIMINARY after CONFIRMED");
            notices.add(new Notice(payment, "CONFIRMED", amount));
            notices.add(new Notice(payment, "PRELIMINARY", amount));
        }
    }

    private int newPayment(String outcome, long invoiceNumber, long confirmed) {
        count(outcome);
        int payment = backlogPayments++;
        paidInvoice[payment] = invoiceNumber;
        confirmedAmount[payment] = confirmed;
        return payment;
    }

    private void count(String what) {
        mix.merge(what, 1, Integer::sum);
    }

    /** Invoice {@code number} of the book, the same for every run with this seed. */
    Invoice invoice(long number) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + number);
        long payer = number / INSTALLMENTS_PER_PAYER;
        String municipality = MUNICIPALITIES.get((int) (payer % MUNICIPALITIES.size()));
        Charge charge = charge(random.nextInt(100));
        int yearRoll = random.nextInt(100);
        // Most of the book is this fiscal year; a quarter is last year's, paid in its 出納整理期間; a few are arrears.
        int fiscalYear = yearRoll < 70 ? 2026 : yearRoll < 95 ? 2025 : 2024;
        LocalDate due = fiscalYear == 2026 ? LocalDate.of(2026, 6, 30) : LocalDate.of(fiscalYear + 1, 3, 31);
        long amount = 100L * (charge.minHundreds() + random.nextInt(charge.maxHundreds() - charge.minHundreds() + 1));
        return new Invoice(number, "B" + number, municipality, elNumber(municipality, number, charge.elItemCode()),
                charge.item(), charge.account(), charge.revenueCode(), fiscalYear, amount, due, "P" + payer,
                (int) (number % INSTALLMENTS_PER_PAYER) + 1);
    }

    /**
     * Invoice {@code number} drawn as {@link #invoice} is, but billed by {@code municipality} and due on the day it
     * is debited, in that day's fiscal year (a debit on its due date owes no late charge); its id starts with D.
     */
    Invoice debitedInvoice(long number, String municipality, LocalDate debitDate) {
        Invoice drawn = invoice(number);
        String elItemCode = CHARGES.stream().filter(charge -> charge.item().equals(drawn.item())).findFirst()
                .orElseThrow().elItemCode();
        int fiscalYear = debitDate.getMonthValue() >= 4 ? debitDate.getYear() : debitDate.getYear() - 1;
        return new Invoice(number, "D" + number, municipality, elNumber(municipality, number, elItemCode), drawn.item(),
                drawn.account(), drawn.revenueCode(), fiscalYear, drawn.amount(), debitDate, drawn.payerId(),
                drawn.installment());
    }

    private static Charge charge(int percentile) {
        int cumulative = 0;
        for (Charge charge : CHARGES) {
            cumulative += charge.percent();
            if (percentile < cumulative) {
                return charge;
            }
        }
        throw new IllegalStateException("the shares of CHARGES add up to 100");
    }

    private static String elNumber(String municipality, long caseKey, String itemCode) {
        return municipality.substring(0, 5) + String.format("%020d", caseKey)
                + String.format("%06d", Math.floorMod(caseKey * 7_919, 1_000_000)) + itemCode;
    }

    private String elNumberPaidBy(int payment) {
        long target = paidInvoice[payment];
        if (target >= UNKNOWN_EL_NUMBERS) {
            return elNumber(MUNICIPALITIES.get((int) (target % MUNICIPALITIES.size())), target, "127");
        }
        return invoice(target).elNumber();
    }

    String noticeJson(Notice notice) {
        int payment = notice.payment();
        int second = payment % 36_000;
        return "{\"noticeId\":\"N-" + payment + "-" + notice.stage().charAt(0) + "\",\"paymentId\":\"" + paymentId(payment)
                + "\",\"stage\":\"" + notice.stage() + "\",\"elNumber\":\"" + elNumberPaidBy(payment)
                + "\",\"amount\":" + notice.amount() + ",\"paidAt\":\"2026-05-31T"
                + String.format("%02d:%02d:%02d", 8 + second / 3_600, second / 60 % 60, second % 60)
                + "+09:00\",\"channel\":\"" + CHANNELS[payment % CHANNELS.length] + "\"}";
    }

    String issuedJson(Invoice invoice) {
        return issuedJson(invoice, "");
    }

    /** The ISSUED event of an invoice the billing system asked the bank to debit: it lists its 口座振替 key. */
    String issuedJson(Invoice invoice, String customerNumber, LocalDate debitDate) {
        return issuedJson(invoice, ",\"directDebit\":{\"customerNumber\":\"" + customerNumber + "\",\"debitDate\":\""
                + debitDate + "\"}");
    }

    private static String issuedJson(Invoice invoice, String moreFields) {
        return "{\"eventId\":\"E-" + invoice.id() + "-ISSUED\",\"type\":\"ISSUED\",\"invoiceId\":\"" + invoice.id()
                + "\",\"municipalityCode\":\"" + invoice.municipality() + "\",\"item\":\"" + invoice.item()
                + "\",\"account\":\"" + invoice.account() + "\",\"revenueCode\":\"" + invoice.revenueCode()
                + "\",\"fiscalYear\":" + invoice.fiscalYear() + ",\"amount\":" + invoice.amount()
                + ",\"dueDate\":\"" + invoice.dueDate() + "\",\"payerId\":\"" + invoice.payerId()
                + "\",\"installment\":" + invoice.installment() + ",\"elNumber\":\"" + invoice.elNumber()
                + "\",\"issuedAt\":\"2026-05-31T07:00:00+09:00\"" + moreFields + "}";
    }

    static String paymentId(int payment) {
        return "PAY-" + payment;
    }

    /** The payment number of a settlement's paymentRef ("eltax:PAY-n"), or -1 if it is none of this data set's. */
    static int paymentOf(String paymentRef) {
        return paymentRef.startsWith("eltax:PAY-") ? Integer.parseInt(paymentRef.substring(10)) : -1;
    }

    List<Notice> backlog() {
        return backlog;
    }

    /** The latency run's notices: one CONFIRMED, exact payment each, on invoices nobody else pays. */
    Notice latencyNotice(int i) {
        int payment = backlogPayments + i;
        return new Notice(payment, "CONFIRMED", confirmedAmount[payment]);
    }

    long bookSize() {
        return paidToday + latencyPayments + untouched;
    }

    boolean isIssuedLate(long invoiceNumber) {
        return invoiceNumber < paidToday && issuedLate.get((int) invoiceNumber);
    }

    List<Invoice> invoicesIssuedLate() {
        return issuedLate.stream().mapToObj(this::invoice).toList();
    }

    /** Messages shuno must have handled once the backlog is drained: distinct notices and late ISSUED events. */
    long backlogMessages() {
        return distinctBacklogNotices + issuedLate.cardinality();
    }

    int backlogPayments() {
        return backlogPayments;
    }

    int latencyPayments() {
        return latencyPayments;
    }

    int payments() {
        return backlogPayments + latencyPayments;
    }

    long confirmedAmount(int payment) {
        return confirmedAmount[payment];
    }

    Map<String, Integer> mix() {
        return mix;
    }
}
