using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;

namespace Dvc.Build.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's chromium driven through its chromedriver (.ci/run installs both), headless and offline:
/// every host resolves to nothing and the network is switched off, so a page that fetched anything
/// would fail visibly. Tests call <see cref="StartOrInconclusive"/>: without the browser they are
/// skipped with the reason, never passed.
/// </summary>
internal static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    public static ChromeDriver StartOrInconclusive()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            Assert.Inconclusive($"{Browser} or {Driver} is missing: .ci/run installs Debian's chromium and chromium-driver packages");
        }

        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1200",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--no-first-run", "--disable-extensions");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        try
        {
            var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
            driver.NetworkConditions = new ChromiumNetworkConditions { IsOffline = true, Latency = TimeSpan.FromMilliseconds(1) };
            return driver;
        }
        catch (WebDriverException e)
        {
            service.Dispose();
            Assert.Inconclusive("headless chromium could not start: " + e.Message);
            throw;
        }
    }
}
