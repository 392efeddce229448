package dev.andon.web;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Path;

/**
 * Debian's Chromium, headless, driven by its ChromeDriver: the browser every page test (and the board bench) uses.
 * The switches keep it from reaching the network on its own and from sharing a profile between tests.
 */
public final class HeadlessChromium {
    private HeadlessChromium() {
    }

    public static WebDriver open(Path profileDir) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profileDir);
        return new ChromeDriver(service, options);
    }
}
