using System.Diagnostics;
using Glance.E2E;
using Glance.E2E.Pages;
using Microsoft.Playwright;

// How fast the portal's pages answer on the demo catalog: the portal in Development (demo data,
// embedded sign-in) on Kestrel, Debian's Chromium signed in as alice, each page loaded N times.
// Reports the server's answer (navigation timing: request start to response end of the page's
// HTML, which Blazor prerenders with the data) and the time until the page is interactive.
// Usage: dotnet run -c Release --project bench/Glance.PageBench -- [runs]
var runs = args.Length > 0 ? int.Parse(args[0]) : 30;
var fixture = new BrowserFixture();
await fixture.InitializeAsync();
try
{
    var page = await fixture.NewPageAsync();
    await new HomePage(page).SignInAsync("alice");
    var catalog = new CatalogPage(page);
    await catalog.GotoAsync("?q=debian");
    var imageUrl = await catalog.ImageLinks.First.GetAttributeAsync("href");

    var pages = new (string Name, string Url)[]
    {
        ("home", "/"),
        ("catalog", "/images"),
        ("catalog, search \"ubuntu\"", "/images?q=ubuntu"),
        ("catalog, shared with me", "/images?scope=shared"),
        ("catalog, filtered and sorted", "/images?status=active&disk=qcow2&sort=name:asc"),
        ("image page", "/" + imageUrl),
    };
    Console.WriteLine($"{runs} loads per page after 3 warm-up loads, signed in as alice, demo catalog");
    Console.WriteLine($"{"page",-32} {"answer p50",11} {"p95",7} {"interactive p50",16} {"p95",7}");
    foreach (var (name, url) in pages)
    {
        var answers = new List<double>();
        var interactive = new List<double>();
        for (var i = 0; i < runs + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(url);
            await page.GetByTestId("app-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            var total = watch.Elapsed.TotalMilliseconds;
            var answer = await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.responseEnd - n.requestStart; }");
            if (i >= 3)
            {
                answers.Add(answer);
                interactive.Add(total);
            }
        }
        answers.Sort();
        interactive.Sort();
        Console.WriteLine($"{name,-32} {P(answers, 50),11:F1} {P(answers, 95),7:F1} {P(interactive, 50),16:F1} {P(interactive, 95),7:F1}");
    }
}
finally
{
    await fixture.DisposeAsync();
}

static double P(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
