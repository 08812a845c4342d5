using Glance.Domain.ImageData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Stores.Swift;

public static class SwiftStoreServiceCollectionExtensions
{
    /// <summary>
    /// A Swift store from its settings section (<c>Glance:Stores:Backends:{id}</c>). A setting that cannot
    /// work stops start-up naming its key.
    /// </summary>
    public static IServiceCollection AddGlanceSwiftStore(this IServiceCollection services, string id, IConfigurationSection section)
    {
        var options = section.Get<SwiftStoreOptions>() ?? new SwiftStoreOptions();
        Validate(section.Path, options);
        return services.AddSingleton<IImageStore>(provider => new SwiftImageStore(id, options, new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            // An upload streams for as long as its client sends; each other request has its own limit.
            Timeout = Timeout.InfiniteTimeSpan,
        }, provider.GetService<TimeProvider>() ?? TimeProvider.System));
    }

    private static void Validate(string key, SwiftStoreOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.AuthUrl, UriKind.Absolute, out var auth) || auth.Scheme is not ("http" or "https"))
        {
            failures.Add($"{key}:AuthUrl must be Swift's v1 authentication address (http(s)://host:port/auth/v1.0).");
        }
        if (string.IsNullOrEmpty(options.User) || string.IsNullOrEmpty(options.Key))
        {
            failures.Add($"{key}:User and {key}:Key must be set (the key from the environment or a secret store, never a committed file).");
        }
        if (string.IsNullOrWhiteSpace(options.Container) || options.Container.Contains('/'))
        {
            failures.Add($"{key}:Container must name one container.");
        }
        if (options.SegmentSizeMiB is < 1 or > 5120)
        {
            failures.Add($"{key}:SegmentSizeMiB must be between 1 and 5120 (Swift keeps objects up to 5 GiB).");
        }
        if (options.LargeObjectSizeMiB is < 1 or > 5120)
        {
            failures.Add($"{key}:LargeObjectSizeMiB must be between 1 and 5120 (Swift keeps objects up to 5 GiB).");
        }
        if (failures.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", failures));
        }
    }
}
