package io.shuno.scenarios;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shuno.testsupport.ApiClient;
import io.shuno.testsupport.Messages;
import io.shuno.testsupport.ShunoUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff use the treasury dashboard in a real (headless) Chromium: open shuno's root and sign in, read the overview in
 * Japanese — the money first, then what to decide, then the machinery; municipalities by name — close an exception
 * and appropriate an overpayment (a form error said in Japanese), replay dead letters one by one and as a job,
 * filter and page through lists, and a viewer finds no resolve form — nor can post one, and is told which role it
 * needs. Screenshots of the pages go to target/screenshots/.
 * Needs Debian's chromium and chromium-driver (.ci/run installs them); without them the class is skipped.
 */
class TestDashboardInABrowser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @RegisterExtension
    static final ShunoUnderTest shuno = new ShunoUnderTest().running(1);

    private static WebDriver browser;

    @BeforeAll
    static void startChromium() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no " + CHROMIUM + " and " + CHROMEDRIVER + ": install Debian's chromium and chromium-driver "
                        + "(.ci/run does) to run the browser test");
        // Both paths given, so Selenium Manager has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("shuno-chromium"));
        browser = new ChromeDriver(driver, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aTreasurerSeesTheOverviewInJapaneseAndClosesAnExceptionWithAComment() {
        String el = Messages.newElNumber();
        issue("DB-INV", el, 5_000);
        pay("DB-N1", "DB-PAY1", el, 5_000);
        pay("DB-N2", "DB-PAY2", Messages.newElNumber(), 1_200);
        String exceptionId = awaitException("eltax:DB-PAY2", "UNMATCHED");
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForObject(
                "select count(*) from settlements where payment_ref = 'eltax:DB-PAY1'", Long.class) == 1);

        browser.manage().deleteAllCookies();
        open("/");
        assertThat(browser.getCurrentUrl()).as("the root leads to the sign-in form").endsWith("/login");
        logInAs("treasurer");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
        String overview = text();
        assertThat(overview).contains("概況", "令和8年度", "国民健康保険", "¥", "該当請求なし", "データベース", "正常",
                "本日処理した納付(処理時刻別)", "納付された日", "コンシューマーラグ", "対象団体: 千代田区");
        assertThat(overview.indexOf("本日の収納")).as("the money first")
                .isLessThan(overview.indexOf("判断が必要なもの"));
        assertThat(overview.indexOf("判断が必要なもの")).as("then what needs a decision")
                .isLessThan(overview.indexOf("システムの状態"));
        assertThat(browser.findElement(By.cssSelector("#totals-fiscalYear tfoot")).getText()).startsWith("合計");
        // The notices were paid on 2026-06-20: today by payment date holds none of them, by processing day both.
        browser.findElement(By.linkText("処理日で見る")).click();
        awaitShown(By.cssSelector("#today-views strong"), "処理日で見る");
        assertThat(text()).contains("本日処理した収納", "収納日は問いません");
        assertThat(browser.findElement(By.id("totals-today")).getText()).contains("国民健康保険", "歳入歳出外現金");
        assertThat(browser.findElements(By.cssSelector("#payments-per-hour .hour .number")).stream()
                .mapToLong(cell -> Long.parseLong(cell.getText())).sum()).as("today's payments, hour by hour")
                .isGreaterThanOrEqualTo(2);
        assertThat(browser.findElement(By.id("consumer-lag")).getText()).contains(shuno.topic("eltax-notices"));
        screenshot("overview");

        open("/dashboard/exceptions?reason=UNMATCHED&status=open");
        assertThat(text()).contains("例外キュー", "¥1,200", "千代田区", "1 / 1 ページ");
        screenshot("exceptions");
        open("/dashboard/exceptions?reason=UNMATCHED&status=OPEN&from=2099-01-01");
        assertThat(browser.findElement(By.cssSelector("#exceptions tbody")).getText())
                .as("an empty list says so").isEqualTo("該当するものはありません");
        open("/dashboard/exceptions?status=BOGUS");
        assertThat(browser.findElement(By.id("problem")).getText()).contains("「状態」の指定が正しくありません", "OPEN, RESOLVED");
        assertThat(browser.findElement(By.cssSelector("header .user")).getText()).isEqualTo("treasurer");
        open("/dashboard/no-such-page");
        assertThat(text()).contains("このページはありません", "treasurer");

        open("/dashboard/exceptions/" + exceptionId);
        assertThat(text()).contains("推奨処理", "eltax:DB-PAY2");
        screenshot("exception");
        browser.findElement(By.cssSelector("#close textarea[name=comment]")).sendKeys("試験送金。返金済みで消込不要");
        browser.findElement(By.cssSelector("#close button")).click();

        awaitShown(By.id("exception-status"), "処理済");
        assertThat(text()).contains("例外を処理しました", "試験送金。返金済みで消込不要");
        assertThat(shuno.database().queryForObject("""
                select resolved_by from staff_exceptions where exception_id = ?::uuid and status = 'RESOLVED'""",
                String.class, exceptionId)).isEqualTo("treasurer");
        assertThat(shuno.database().queryForObject("select count(*) from audit_log where target_id = ?",
                Long.class, exceptionId)).isEqualTo(1);

        open("/dashboard/search?q=DB-INV");
        assertThat(text()).contains("完納", "eltax:DB-PAY1", "確報", "千代田区", "該当するものはありません")
                .doesNotContain("CONFIRMED");
        screenshot("search");

        open("/dashboard/daily-close?municipality=131016&date=2026-06-20");
        assertThat(text()).contains("日計表", "千代田区", "令和8年6月20日", "CSV");
        screenshot("daily-close");
        assertThat(fetch("GET", browser.findElement(By.id("csv")).getAttribute("href")))
                .startsWith("200 text/csv");
    }

    @Test
    void aTreasurerAppropriatesAnOverpaymentToTheInvoiceChosenOnThePage() {
        String el = Messages.newElNumber();
        issue(Messages.with(Messages.issued("DA-OLD", Messages.newElNumber(), 3_000), "dueDate", "2026-04-30"),
                "P-DA");
        issue(Messages.issued("DA-INV", el, 5_000), "P-DA");
        pay("DA-N", "DA-PAY", el, 8_000);
        String exceptionId = awaitException("eltax:DA-PAY", "OVERPAYMENT");

        logInAs("treasurer");
        open("/dashboard/exceptions/" + exceptionId);
        assertThat(browser.findElement(By.cssSelector(".suggestion .action")).getText()).isEqualTo("充当");
        assertThat(browser.findElement(By.cssSelector("#appropriate input[value='DA-OLD']")).isSelected()).isTrue();
        // Sent with no invoice chosen: the page says what to change in Japanese and keeps the staff member's name.
        browser.findElement(By.cssSelector("#appropriate input[value='DA-OLD']")).click();
        browser.findElement(By.cssSelector("#appropriate button")).click();
        awaitShown(By.id("problem"), "400: 充当先の請求を1件以上選んでください。");
        assertThat(browser.findElement(By.cssSelector("header .user")).getText()).isEqualTo("treasurer");
        screenshot("form-error");

        open("/dashboard/exceptions/" + exceptionId);
        browser.findElement(By.cssSelector("#appropriate textarea[name=comment]")).sendKeys("納付者了承の上で充当");
        browser.findElement(By.cssSelector("#appropriate button")).click();

        awaitShown(By.id("exception-status"), "処理済");
        assertThat(shuno.database().queryForObject("select status from invoices where invoice_id = 'DA-OLD'",
                String.class)).isEqualTo("PAID");
    }

    @Test
    void anOperatorReplaysOneDeadLetterAndThenTheFilteredSetAsAJob() {
        String el = Messages.newElNumber();
        issue("DR-INV", el, 4_000);
        long id = keptByAnEarlierRelease("DR-PAY", Messages.confirmed("DR-N", "DR-PAY", el, 4_000).toString(),
                "rejected by a check since fixed");

        logInAs("operator");
        open("/dashboard/dead-letters/" + id);
        assertThat(browser.findElement(By.id("payload")).getText()).contains("DR-PAY");
        screenshot("dead-letter");
        browser.findElement(By.cssSelector("#replay button")).click();
        awaitPage(page -> text().contains("再投入しました"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "REPLAYED".equals(shuno.database().queryForObject(
                "select status from dead_letters where id = ?", String.class, id)));
        assertThat(shuno.database().queryForObject("select status from invoices where invoice_id = 'DR-INV'",
                String.class)).isEqualTo("PAID");

        String batch = "batch " + UUID.randomUUID();
        for (int n = 0; n < 3; n++) {
            String el2 = Messages.newElNumber();
            issue("DR-INV" + n, el2, 1_000);
            keptByAnEarlierRelease("DR-PAY" + n, Messages.confirmed("DR-N" + n, "DR-PAY" + n, el2, 1_000)
                    .toString(), batch);
        }
        open("/dashboard/dead-letters?reason=" + batch.replace(" ", "+") + "&status=OPEN");
        assertThat(browser.findElements(By.cssSelector("#dead-letters tbody tr"))).hasSize(3);
        screenshot("dead-letters");
        browser.findElement(By.cssSelector("#replay-all button")).click();

        awaitShown(By.id("job-status"), "完了");
        assertThat(browser.findElement(By.id("job-done")).getText()).isEqualTo("3");
        screenshot("replay-job");
        await().atMost(Duration.ofSeconds(30)).until(() -> shuno.database().queryForObject(
                "select count(*) from invoices where invoice_id like 'DR-INV_' and status = 'PAID'", Long.class) == 3);
    }

    @Test
    void anOperatorFiltersDeadLettersByTheDayReceivedAndPagesThroughThem() {
        String batch = "paging " + UUID.randomUUID();
        for (int n = 0; n < 51; n++) {
            keptByAnEarlierRelease("DP-" + n, "{}", batch);
        }
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();

        logInAs("operator");
        open("/dashboard/dead-letters?reason=" + batch.replace(" ", "+") + "&from=" + today + "&to=" + today);
        assertThat(browser.findElements(By.cssSelector("#dead-letters tbody tr"))).hasSize(50);
        assertThat(text()).contains("全51件", "1 / 2 ページ", "識別子の誤り").doesNotContain("INVALID_IDENTIFIER");
        screenshot("dead-letters-paged");
        browser.findElement(By.cssSelector(".pages a[rel=next]")).click();
        awaitShown(By.cssSelector(".pages span"), "2 / 2 ページ");
        assertThat(browser.findElements(By.cssSelector("#dead-letters tbody tr"))).hasSize(1);

        open("/dashboard/dead-letters?reason=" + batch.replace(" ", "+") + "&from="
                + LocalDate.parse(today).plusDays(1));
        assertThat(browser.findElement(By.cssSelector("#dead-letters tbody")).getText())
                .isEqualTo("該当するものはありません");
    }

    @Test
    void aViewerSeesNoResolveFormAndTheServerRefusesTheirDecisionAnyway() {
        pay("DV-N", "DV-PAY", Messages.newElNumber(), 700);
        String exceptionId = awaitException("eltax:DV-PAY", "UNMATCHED");

        logInAs("viewer");
        open("/dashboard/exceptions/" + exceptionId);
        assertThat(text()).contains("該当請求なし");
        assertThat(browser.findElements(By.cssSelector(".decisions form"))).isEmpty();
        assertThat(fetch("POST", "/dashboard/exceptions/" + exceptionId + "/close")).startsWith("403")
                .contains("会計担当(TREASURER)", "viewer");
        assertThat(shuno.database().queryForObject("select status from staff_exceptions where exception_id = ?::uuid",
                String.class, exceptionId)).isEqualTo("OPEN");

        assertThat(browser.findElement(By.cssSelector("p.detail")).getText()).endsWith(
                " の請求が見つからないため、700円を歳入歳出外現金(不明収納)として仮受けしました。請求データが届けば自動で消込します。"
                        + "届かない場合は納付書を確認してください。");
        open("/dashboard?lang=en");
        assertThat(text()).contains("Overview", "Open exceptions", "令和8年度");
        open("/dashboard/exceptions/" + exceptionId);
        assertThat(browser.findElement(By.cssSelector("p.detail")).getText()).startsWith("No invoice was found for eL"
                + " number ").endsWith(", so ¥700 is held as unidentified receipts (suspense). It is matched"
                + " automatically when the invoice arrives; if it does not, check the payment slip.");
        open("/dashboard?lang=ja");
    }

    @Test
    void aUserOfOneMunicipalityIsRefusedAnotherMunicipalitysException() {
        pay("DT-N", "DT-PAY", Messages.newElNumber(), 900);
        String exceptionId = awaitException("eltax:DT-PAY", "UNMATCHED");

        logInAs("treasurer-oita");
        open("/dashboard/exceptions/" + exceptionId);

        assertThat(text()).contains("403");
        assertThat(browser.findElements(By.cssSelector(".decisions form"))).isEmpty();
    }

    private static void logInAs(String user) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(ApiClient.DEMO_PASSWORD);
        browser.findElement(By.id("login")).click();
        // The sign-in redirects to the overview; the next navigation must not race that page's loading.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().endsWith("/dashboard"));
    }

    private static void open(String path) {
        browser.get(path.startsWith("http") ? path : base() + path);
    }

    private static String base() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) shuno.instance()).getWebServer().getPort();
    }

    /**
     * After a click that sends a form: waits until the page it leads to shows {@code expected} in {@code element}
     * (until then the old page, or none, is in the browser), and fails if it never does. An element found on the old
     * page may be gone by the time its text is asked for: Chrome says so as a stale element or, while the new page is
     * being built, as an inspector error ("does not belong to the document"); either way, look again.
     */
    private static void awaitShown(By element, String expected) {
        awaitPage(page -> expected.equals(page.findElement(element).getText()));
    }

    /** After a click that sends a form: waits until the page it leads to is {@code shown}, looking again as above. */
    private static void awaitPage(Function<WebDriver, Boolean> shown) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(shown);
    }

    private static String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** A request from the page itself (its session, its CSRF token): "status content-type body". */
    private static String fetch(String method, String url) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('input[name=_csrf]').value;
                fetch(arguments[1], {method: arguments[0], headers: {'X-CSRF-TOKEN': token},
                                     body: arguments[0] === 'POST' ? new URLSearchParams({comment: 'x', formKey: 'k'}) : undefined})
                  .then(r => r.text().then(body => done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + body)));""",
                method, url);
    }

    private static void screenshot(String page) {
        try {
            Files.write(SCREENSHOTS.resolve(page + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void issue(String invoiceId, String el, long amount) {
        issue(Messages.issued(invoiceId, el, amount), "P-" + invoiceId);
    }

    private static void issue(ObjectNode event, String payerId) {
        event.put("payerId", payerId);
        String invoiceId = event.get("invoiceId").asText();
        shuno.kafka().send(shuno.topic("invoice-events"), invoiceId, event.toString());
        shuno.awaitInvoice(invoiceId);
    }

    private static void pay(String noticeId, String paymentId, String el, long amount) {
        shuno.kafka().send(shuno.topic("eltax-notices"), paymentId,
                Messages.confirmed(noticeId, paymentId, el, amount).toString());
    }

    private static String awaitException(String paymentRef, String reason) {
        String sql = "select exception_id::text from staff_exceptions where payment_ref = ? and reason = ?";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                shuno.database().queryForList(sql, String.class, paymentRef, reason).size() == 1);
        return shuno.database().queryForObject(sql, String.class, paymentRef, reason);
    }

    /** A valid payment an earlier release dead-lettered by mistake, as TestDeadLetterReplay keeps one. */
    private static long keptByAnEarlierRelease(String key, String payload, String reason) {
        return shuno.database().queryForObject("""
                insert into dead_letters (source_topic, partition_no, offset_no, record_key, payload, reason,
                    error_class, municipality_code)
                values (?, 0, 1000000 + (select count(*) from dead_letters), ?, ?, ?, 'INVALID_IDENTIFIER', '131016')
                returning id""", Long.class,
                shuno.topic("eltax-notices"), key.getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), reason);
    }
}
