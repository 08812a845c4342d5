using Amazon.S3;
using Amazon.S3.Model;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>
/// The image store one fixture runs on when its test configures none: the filesystem store under its
/// data folder, or, when <c>GLANCE_TEST_STORE=s3</c>, a bucket of its own on the S3 service test.sh
/// starts (Ceph's gateway), emptied and removed afterwards. The same tests run on both.
/// </summary>
public sealed class TestStore(string dataDirectory) : IAsyncDisposable
{
    public static bool IsS3 => Environment.GetEnvironmentVariable("GLANCE_TEST_STORE") == "s3";

    /// <summary>The id of the one S3 store: Glance with a single store names it nowhere on the API.</summary>
    private const string S3StoreId = "ceph";

    private readonly TestS3? _s3 = IsS3 ? new TestS3() : null;

    /// <summary>The default store's id: <c>file</c>, the embedded default's, or the S3 store's.</summary>
    public string Id => _s3 is null ? "file" : S3StoreId;

    /// <summary>The location the default store gives an image's data.</summary>
    public string UrlOf(string imageId) => _s3 is null ? $"file:{imageId}" : $"s3://{_s3.Bucket}/{imageId}";

    /// <summary>The settings of the default store, for a portal whose test configured no store itself.</summary>
    public IEnumerable<KeyValuePair<string, string?>> SettingsUnless(IEnumerable<string> configuredKeys)
    {
        if (_s3 is null || configuredKeys.Any(k => k.StartsWith("Glance:Stores:", StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }
        TestS3.Require();
        return _s3.StoreSettings(S3StoreId).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value));
    }

    /// <summary>Skips a test about the filesystem store's own machinery (its folders, a full disk).</summary>
    public static void RequireFileSystem() => Assert.SkipWhen(IsS3, "about the filesystem store's own machinery");

    /// <summary>
    /// What the default store holds: each stored image's name, and anything an unfinished write left
    /// (a part file, an S3 multipart upload). Empty when nothing is stored.
    /// </summary>
    public async Task<List<string>> ObjectsAsync()
    {
        if (_s3 is not null)
        {
            var unfinished = await _s3.UnfinishedUploadsAsync();
            return [.. await _s3.KeysAsync(), .. Enumerable.Repeat("(unfinished multipart upload)", unfinished)];
        }
        var folder = Path.Combine(dataDirectory, "images");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith(".health", StringComparison.Ordinal))
                .Select(f => Path.GetRelativePath(folder, f))
                .ToList()
            : [];
    }

    /// <summary>The bytes stored for an image, read behind the service's back.</summary>
    public async Task<byte[]> ReadAsync(string imageId)
    {
        if (_s3 is null)
        {
            return await File.ReadAllBytesAsync(Path.Combine(dataDirectory, "images", imageId));
        }
        using var client = _s3.Client();
        using var response = await client.GetObjectAsync(_s3.Bucket, imageId);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_s3 is null || TestS3.Endpoint is null)
        {
            return;
        }
        using var client = _s3.Client();
        try
        {
            // Each listing gives a page at most: go on until nothing is left, then the bucket can go.
            while ((await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = _s3.Bucket })).MultipartUploads is { Count: > 0 } uploads)
            {
                foreach (var upload in uploads)
                {
                    await client.AbortMultipartUploadAsync(_s3.Bucket, upload.Key, upload.UploadId);
                }
            }
            while ((await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _s3.Bucket })).S3Objects is { Count: > 0 } objects)
            {
                // One by one, with the request the store itself deletes with.
                foreach (var stored in objects)
                {
                    await client.DeleteObjectAsync(_s3.Bucket, stored.Key);
                }
            }
            await client.DeleteBucketAsync(_s3.Bucket);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // No portal made it: nothing to remove.
        }
    }
}
