using Amazon.Runtime;
using Amazon.S3;
using Glance.Domain.ImageData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Glance.Stores.S3;

public static class S3StoreServiceCollectionExtensions
{
    /// <summary>
    /// An S3 store from its settings section (<c>Glance:Stores:Backends:{id}</c>). A setting that cannot
    /// work stops start-up naming its key.
    /// </summary>
    public static IServiceCollection AddGlanceS3Store(this IServiceCollection services, string id, IConfigurationSection section)
    {
        var options = section.Get<S3StoreOptions>() ?? new S3StoreOptions();
        Validate(section.Path, options);
        services.TryAddSingleton<S3Buckets>();
        return services.AddSingleton<IImageStore>(provider =>
        {
            provider.GetRequiredService<S3Buckets>().Claim(id, options.Endpoint!, options.Bucket!);
            var config = new AmazonS3Config
            {
                ServiceURL = options.Endpoint,
                AuthenticationRegion = options.Region,
                // What AWS, Ceph RGW and Swift's s3api all accept (../shared/infra-notes.md §3).
                ForcePathStyle = true,
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
                Timeout = TimeSpan.FromMinutes(5),
                MaxErrorRetry = 2,
            };
            var client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
            return new S3ImageStore(id, options, client, provider.GetService<TimeProvider>() ?? TimeProvider.System,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger<S3ImageStore>());
        });
    }

    private static void Validate(string key, S3StoreOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            failures.Add($"{key}:Endpoint must be the S3 service's http(s) address.");
        }
        else if (endpoint.UserInfo.Length > 0)
        {
            // It is shown to admins (s3_store_host): keys go in AccessKey and SecretKey only.
            failures.Add($"{key}:Endpoint must not hold a user or key; set {key}:AccessKey and {key}:SecretKey.");
        }
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            failures.Add($"{key}:Bucket must name the bucket that holds the images.");
        }
        if (string.IsNullOrEmpty(options.AccessKey) || string.IsNullOrEmpty(options.SecretKey))
        {
            failures.Add($"{key}:AccessKey and {key}:SecretKey must be set (from the environment or a secret store, never a committed file).");
        }
        if (options.ChunkSizeMiB is < 5 or > 1024)
        {
            failures.Add($"{key}:ChunkSizeMiB must be between 5 and 1024: S3 parts other than the last are at least 5 MiB, and each is held in memory.");
        }
        if (failures.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", failures));
        }
    }
}
