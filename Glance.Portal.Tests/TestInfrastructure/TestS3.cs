using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>
/// The real S3 service the S3 store's tests use: Ceph's gateway, started by ./test.sh (tests/ceph.sh)
/// and announced in GLANCE_TEST_S3_* variables. Each test class gets a bucket of its own.
/// </summary>
public sealed class TestS3
{
    public static readonly string? Endpoint = Environment.GetEnvironmentVariable("GLANCE_TEST_S3_ENDPOINT");
    private static readonly string? s_accessKey = Environment.GetEnvironmentVariable("GLANCE_TEST_S3_ACCESS_KEY");
    private static readonly string? s_secretKey = Environment.GetEnvironmentVariable("GLANCE_TEST_S3_SECRET_KEY");

    public static void Require() => Assert.SkipWhen(Endpoint is null, "needs an S3 service: run ./test.sh, which starts Ceph's (tests/ceph.sh)");

    public string Bucket { get; } = $"glance-test-{Guid.NewGuid():N}";

    /// <summary>The settings of an s3 store with this bucket (created on the first upload), parts of 5 MiB.</summary>
    public IEnumerable<(string Key, string Value)> StoreSettings(string storeId, string? endpoint = null) =>
    [
        ($"Glance:Stores:Backends:{storeId}:Type", "s3"),
        ($"Glance:Stores:Backends:{storeId}:Endpoint", endpoint ?? Endpoint!),
        ($"Glance:Stores:Backends:{storeId}:Bucket", Bucket),
        ($"Glance:Stores:Backends:{storeId}:AccessKey", s_accessKey!),
        ($"Glance:Stores:Backends:{storeId}:SecretKey", s_secretKey!),
        ($"Glance:Stores:Backends:{storeId}:CreateBucket", "true"),
        ($"Glance:Stores:Backends:{storeId}:ChunkSizeMiB", "5"),
    ];

    /// <summary>A client of its own, to look into the bucket behind the store's back.</summary>
    public IAmazonS3 Client() => new AmazonS3Client(new BasicAWSCredentials(s_accessKey, s_secretKey), new AmazonS3Config
    {
        ServiceURL = Endpoint,
        ForcePathStyle = true,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>The objects in the bucket; none when no upload has made it yet.</summary>
    public async Task<List<string>> KeysAsync()
    {
        using var client = Client();
        try
        {
            var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket });
            return (listed.S3Objects ?? []).Select(o => o.Key).ToList();
        }
        catch (NoSuchBucketException)
        {
            return [];
        }
    }

    public async Task<int> UnfinishedUploadsAsync()
    {
        using var client = Client();
        try
        {
            var listed = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket });
            return listed.MultipartUploads?.Count ?? 0;
        }
        catch (NoSuchBucketException)
        {
            return 0;
        }
    }
}
