using System.Collections.Concurrent;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Glance.Portal.Tests.Hosting;

public sealed class ReadyAnnouncementTests
{
    [Fact]
    public async Task A_started_portal_says_it_is_ready_and_where()
    {
        var lines = new ConcurrentQueue<string>();
        await using var factory = new KestrelPortalFactory();
        await using var logged = factory.WithWebHostBuilder(builder =>
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(lines))));
        logged.UseKestrel(0);
        logged.StartServer();

        var ready = Assert.Single(lines, line => line.StartsWith("Glance Portal is ready", StringComparison.Ordinal));
        Assert.Matches(@"the portal at http://(localhost|127\.0\.0\.1):\d+/, the image API at http://(localhost|127\.0\.0\.1):\d+/image$", ready);
    }
}
