using Microsoft.Extensions.Hosting;

namespace Glance.Domain.PropertyProtections;

/// <summary>Activates the newest rule set at start-up (after the database is migrated), importing the configured file.</summary>
internal sealed class PropertyProtectionInitializer(PropertyProtectionService service) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => service.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
