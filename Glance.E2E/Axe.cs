using System.Text.Json;
using Microsoft.Playwright;

namespace Glance.E2E;

/// <summary>
/// axe-core (npm, tests/axe, installed by test.sh) run inside the page, as its browser extension
/// runs it: the findings people using assistive technology would hit.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> s_source = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "tests", "axe", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(script))
            {
                return File.ReadAllText(script);
            }
        }
        throw new InvalidOperationException("axe-core is not installed: run `npm ci --prefix tests/axe` (test.sh does).");
    });

    /// <summary>The serious and critical violations on the page as it is now, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the debugging protocol, so no Content-Security-Policy stands in the way.
        await page.EvaluateAsync(s_source.Value);
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        return found.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
