using Amazon.S3;
using Amazon.S3.Model;

namespace Glance.Portal.Tests.TestInfrastructure;

/// <summary>
/// The image store one fixture runs on when its test configures none: the filesystem store under its
/// data folder; when <c>GLANCE_TEST_STORE=s3</c>, a bucket of its own on the S3 service test.sh starts
/// (Ceph's gateway); when <c>GLANCE_TEST_STORE=swift</c>, a container of its own on its Swift. A bucket
/// or container is emptied and removed afterwards. The same tests run on each.
/// </summary>
public sealed class TestStore(string dataDirectory) : IAsyncDisposable
{
    private static readonly string? s_kind = Environment.GetEnvironmentVariable("GLANCE_TEST_STORE");

    public static bool IsS3 => s_kind == "s3";

    public static bool IsSwift => s_kind == "swift";

    public static bool IsFileSystem => !IsS3 && !IsSwift;

    /// <summary>The id of the one object store: Glance with a single store names it nowhere on the API.</summary>
    private const string ObjectStoreId = "objects";

    private readonly TestS3? _s3 = IsS3 ? new TestS3() : null;
    private readonly TestSwift? _swift = IsSwift ? new TestSwift() : null;

    /// <summary>The default store's id: <c>file</c>, the embedded default's, or the object store's.</summary>
    public string Id => _s3 is null && _swift is null ? "file" : ObjectStoreId;

    /// <summary>The location the default store gives an image's data.</summary>
    public string UrlOf(string imageId) =>
        _s3 is not null ? $"s3://{_s3.Bucket}/{imageId}" : _swift is not null ? $"swift://{_swift.Container}/{imageId}" : $"file:{imageId}";

    /// <summary>The settings of the default store, for a portal whose test configured no store itself.</summary>
    public IEnumerable<KeyValuePair<string, string?>> SettingsUnless(IEnumerable<string> configuredKeys)
    {
        if (_s3 is null && _swift is null || configuredKeys.Any(k => k.StartsWith("Glance:Stores:", StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }
        if (_s3 is not null)
        {
            TestS3.Require();
            return _s3.StoreSettings(ObjectStoreId).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value));
        }
        TestSwift.Require();
        return _swift!.StoreSettings(ObjectStoreId).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value));
    }

    /// <summary>Skips a test about the filesystem store's own machinery (its folders, a full disk).</summary>
    public static void RequireFileSystem() => Assert.SkipUnless(IsFileSystem, "about the filesystem store's own machinery");

    /// <summary>
    /// What the default store holds: each stored image's name, and anything an unfinished write left
    /// (a part file, an S3 multipart upload, a Swift segment). Empty when nothing is stored.
    /// </summary>
    public async Task<List<string>> ObjectsAsync()
    {
        if (_swift is not null)
        {
            return await _swift.ObjectsAsync();
        }
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
        if (_swift is not null)
        {
            using var read = await _swift.SendAsync(HttpMethod.Get, $"/{imageId}");
            read.EnsureSuccessStatusCode();
            return await read.Content.ReadAsByteArrayAsync();
        }
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
        if (_swift is not null && TestSwift.AuthUrl is not null)
        {
            await EmptySwiftAsync(_swift);
        }
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

    private static async Task EmptySwiftAsync(TestSwift swift)
    {
        // Manifests first, so that no segment is removed under one; a listing gives a page at most.
        for (var round = 0; round < 10 && await swift.ObjectsAsync() is { Count: > 0 } names; round++)
        {
            foreach (var name in names.OrderBy(n => n.Contains("-0000", StringComparison.Ordinal)))
            {
                using var _ = await swift.SendAsync(HttpMethod.Delete, $"/{Uri.EscapeDataString(name)}");
            }
        }
        using var container = await swift.SendAsync(HttpMethod.Delete, "");
    }
}
