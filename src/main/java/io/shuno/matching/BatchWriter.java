package io.shuno.matching;

import io.shuno.ledger.SettlementJournal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes what a batch decided, in the caller's transaction: one statement per table that changed. */
@Component
public class BatchWriter {

    private final Inbox inbox;
    private final InvoiceStore invoices;
    private final PaymentStore payments;
    private final SaleStore sales;
    private final AcquirerStatementStore statements;
    private final SettlementJournal settlementJournal;
    private final ExceptionJournal exceptionJournal;

    BatchWriter(Inbox inbox, InvoiceStore invoices, PaymentStore payments, SaleStore sales,
                AcquirerStatementStore statements, SettlementJournal settlementJournal,
                ExceptionJournal exceptionJournal) {
        this.inbox = inbox;
        this.invoices = invoices;
        this.payments = payments;
        this.sales = sales;
        this.statements = statements;
        this.settlementJournal = settlementJournal;
        this.exceptionJournal = exceptionJournal;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void write(UnitOfWork work) {
        inbox.record(work.handledMessages());
        invoices.save(work.changedInvoices());
        payments.save(work.changedPayments());
        sales.save(work.changedSales());
        statements.record(work.statements());
        settlementJournal.book(work.settlements());
        exceptionJournal.raise(work.exceptions());
        exceptionJournal.resolve(work.resolutions());
    }
}
