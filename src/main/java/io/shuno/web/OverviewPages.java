package io.shuno.web;

import io.shuno.ledger.HeldTotal;
import io.shuno.operations.InvoiceStories;
import io.shuno.operations.InvoiceStory;
import io.shuno.operations.TreasuryOverview;
import io.shuno.operations.TreasuryOverviews;
import io.shuno.platform.ConsumerLag;
import io.shuno.reconciliation.ConvenienceBarcode;
import io.shuno.reconciliation.ElNumber;
import io.shuno.reconciliation.PaymentKey;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The dashboard's overview, its search and the 日計表 page. */
@Controller
@DashboardPage
class OverviewPages {

    /** The health components the treasury depends on, as the actuator names them. */
    private static final String[] WATCHED_COMPONENTS = {"db", "kafka"};
    /** The two meanings of today's money the overview offers: by payment date (the default) or by processing day. */
    private static final List<String> TODAY_VIEWS = List.of("PAID", "PROCESSED");

    private final TreasuryOverviews overviews;
    private final InvoiceStories stories;
    private final DailyCloseReports dailyCloseReports;
    private final HealthEndpoint health;
    private final ApiUserDirectory users;
    private final ConsumerLag consumerLag;
    private final Clock clock;

    OverviewPages(TreasuryOverviews overviews, InvoiceStories stories, DailyCloseReports dailyCloseReports,
                  HealthEndpoint health, ApiUserDirectory users, ConsumerLag consumerLag, Clock clock) {
        this.overviews = overviews;
        this.stories = stories;
        this.dailyCloseReports = dailyCloseReports;
        this.health = health;
        this.users = users;
        this.consumerLag = consumerLag;
        this.clock = clock;
    }

    /** The totals row of a table of totals: what the clerk adds up first. */
    record Sum(long count, long amount) {

        static Sum of(List<HeldTotal> totals) {
            return new Sum(totals.stream().mapToLong(HeldTotal::count).sum(),
                    totals.stream().mapToLong(HeldTotal::amount).sum());
        }
    }

    /**
     * Ordered for the treasury: the money (today's by payment date, the fiscal year's), then what needs a decision,
     * then the machinery (database and Kafka, records waiting, today's processing hour by hour).
     */
    @GetMapping("/dashboard")
    String overview(@RequestParam Optional<String> today, Authentication caller, Model model) {
        var actor = users.actor(caller);
        TreasuryOverview overview = overviews.of(actor);
        // "Today" by payment date, as the 日計表 counts, or by the day shuno processed the payments.
        boolean byProcessing = InvalidParameter.choice("today", today, TODAY_VIEWS).filter("PROCESSED"::equals)
                .isPresent();
        List<HeldTotal> todayTotals = byProcessing ? overviews.processedToday(actor)
                : overview.todayTotals();
        model.addAttribute("overview", overview);
        model.addAttribute("byProcessing", byProcessing);
        model.addAttribute("todayTotals", todayTotals);
        model.addAttribute("todaySum", Sum.of(todayTotals));
        model.addAttribute("fiscalYearSum", Sum.of(overview.fiscalYearTotals()));
        model.addAttribute("openExceptions", overview.openExceptionsByReason().stream()
                .mapToLong(TreasuryOverview.Count::count).sum());
        model.addAttribute("processedToday", overview.paymentsPerHour().stream()
                .mapToLong(TreasuryOverview.Count::count).sum());
        model.addAttribute("municipalities", actor.allMunicipalities() ? List.of() : actor.municipalities().stream()
                .sorted().toList());
        Map<String, String> components = new TreeMap<>();
        for (String component : WATCHED_COMPONENTS) {
            HealthDescriptor status = health.healthForPath(component);
            components.put(component, status == null ? "UNKNOWN" : status.getStatus().getCode());
        }
        model.addAttribute("health", components);
        model.addAttribute("lag", consumerLag.perTopic().orElse(null));
        return "dashboard/overview";
    }

    /**
     * One box for every key: a payment reference names its channel ({@code eltax:…}), an eL番号 is 34 digits, a コンビニ
     * barcode 44; anything else is an invoice id or, when no invoice has that id, a 口座振替 顧客番号.
     */
    @GetMapping("/dashboard/search")
    String search(@RequestParam Optional<String> q, Authentication caller, Model model) {
        Optional<String> query = q.map(String::strip).filter(text -> !text.isEmpty());
        query.ifPresent(text -> model.addAttribute("story", story(text, caller)));
        model.addAttribute("q", query.orElse(""));
        return "dashboard/search";
    }

    private InvoiceStory story(String query, Authentication caller) {
        var actor = users.actor(caller);
        if (query.contains(":")) {
            return stories.ofPayment(query, actor);
        }
        if (query.length() == ElNumber.LENGTH && query.chars().allMatch(Character::isDigit)) {
            return stories.ofKey(PaymentKey.Type.EL_NUMBER, query, actor);
        }
        if (query.length() == ConvenienceBarcode.LENGTH && query.chars().allMatch(Character::isDigit)) {
            return stories.ofKey(PaymentKey.Type.CONVENIENCE_BARCODE, query, actor);
        }
        return stories.ofInvoiceOrCustomerNumber(query, actor);
    }

    @GetMapping("/dashboard/daily-close")
    String dailyClose(@RequestParam Optional<String> municipality, @RequestParam Optional<String> date,
                      Authentication caller, Model model) {
        var actor = users.actor(caller);
        // The 団体コード to offer; an all-municipality user types theirs.
        List<String> named = actor.municipalities().stream()
                .filter(m -> !m.equals(ApiUserDirectory.ALL_MUNICIPALITIES)).sorted().toList();
        String businessDate = date.filter(d -> !d.isBlank()).orElseGet(() -> LocalDate.now(clock).toString());
        Optional<String> code = municipality.filter(m -> !m.isBlank()).or(() -> named.stream().findFirst());
        code.ifPresent(m -> model.addAttribute("report", dailyCloseReports.report(m, businessDate, actor)));
        model.addAttribute("municipality", code.orElse(""));
        model.addAttribute("date", businessDate);
        model.addAttribute("municipalities", named);
        model.addAttribute("csvPath", DailyCloseController.DASHBOARD_CSV);
        return "dashboard/daily-close";
    }
}
