using Amazon.S3;
using Amazon.S3.Model;
using Glance.Domain.ImageData;
using Microsoft.Extensions.Logging;

namespace Glance.Stores.S3;

/// <summary>
/// Keeps each image's data as one object, named by the image id, in one bucket of an S3 service (AWS,
/// Ceph RGW, Swift's s3api, MinIO). Data larger than a part goes up as a multipart upload, which S3
/// shows at the key only once completed, so a reader never sees half an image and an abort leaves
/// nothing. Requests use what every such service accepts: path-style addresses, no chunked signing,
/// checksums only where required.
/// </summary>
public sealed class S3ImageStore : IImageStore
{
    private const string Scheme = "s3://";
    private const int MiB = 1 << 20;

    /// <summary>A multipart upload this old was left by a node that stopped; no live upload lasts so long.</summary>
    internal static readonly TimeSpan LeftoverAge = TimeSpan.FromDays(1);

    private static readonly TimeSpan SweepTime = TimeSpan.FromSeconds(30);

    private readonly IAmazonS3 _client;
    private readonly S3StoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _bucketCheck = new(1, 1);
    private bool _bucketReady;

    internal S3ImageStore(string id, S3StoreOptions options, IAmazonS3 client, TimeProvider clock, ILogger logger)
    {
        Id = id;
        _options = options;
        _client = client;
        _clock = clock;
        _logger = logger;
        Bucket = options.Bucket!;
    }

    public string Id { get; }

    public string Type => "s3";

    public string Bucket { get; }

    public StoreCapabilities Capabilities => StoreCapabilities.ReadWriteDelete;

    /// <summary>Glance's <c>s3_store_*</c> names for what an admin may read; never the keys.</summary>
    public IReadOnlyDictionary<string, object?> Properties => new Dictionary<string, object?>
    {
        ["s3_store_host"] = _options.Endpoint,
        ["s3_store_bucket"] = Bucket,
        ["s3_store_bucket_url_format"] = "path",
        ["s3_store_create_bucket_on_put"] = _options.CreateBucket,
        ["s3_store_large_object_chunk_size"] = _options.ChunkSizeMiB,
    };

    internal IAmazonS3 Client => _client;

    public async Task<IImageStoreWriter> BeginWriteAsync(string imageId, long? expectedSize, CancellationToken ct)
    {
        await EnsureBucketAsync(ct);
        // The first parts are of the configured size whatever the client announced (an announcement
        // costs nothing to make); the writer grows them as the data does.
        return new S3StoreWriter(this, imageId, _options.ChunkSizeMiB * MiB);
    }

    public async Task<Stream> OpenReadAsync(string url, long offset, long? length, CancellationToken ct)
    {
        var request = new GetObjectRequest { BucketName = Bucket, Key = KeyOf(url) };
        if (offset > 0 || length is not null)
        {
            request.ByteRange = length is { } bounded ? new Amazon.S3.Model.ByteRange(offset, offset + bounded - 1) : new Amazon.S3.Model.ByteRange($"bytes={offset}-");
        }
        if (length == 0)
        {
            return Stream.Null;
        }
        var response = await S3Errors.RunAsync(Id, () => _client.GetObjectAsync(request, ct), ct, missingIsNotFound: true);
        return new ResponseBodyStream(response.ResponseStream, response, response.ContentLength);
    }

    public Task DeleteAsync(string url, CancellationToken ct) =>
        S3Errors.RunAsync(Id, () => _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = KeyOf(url) }, ct), ct);

    public async Task<bool> IsHealthyAsync(CancellationToken ct)
    {
        try
        {
            // A bucket the store may create is made now: a new deployment is healthy before its first upload.
            await EnsureBucketAsync(ct);
            await S3Errors.RunAsync(Id, () => _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, MaxKeys = 1 }, ct), ct);
            return true;
        }
        catch (Exception ex) when (ex is Glance.Domain.Common.StoreUnavailableException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Aborts multipart uploads left by writers that never finished. Only old ones: another node may be
    /// in the middle of an upload into the same bucket right now. Bounded in time, so a service that
    /// does not answer cannot hold up start-up.
    /// </summary>
    public async Task RemoveLeftoversAsync(CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(SweepTime);
        var cutoff = _clock.GetUtcNow().UtcDateTime - LeftoverAge;
        var request = new ListMultipartUploadsRequest { BucketName = Bucket };
        try
        {
            // A bucket the store may create is made at start, as a new deployment's first step.
            await EnsureBucketAsync(limit.Token);
            while (true)
            {
                var page = await S3Errors.RunAsync(Id, () => _client.ListMultipartUploadsAsync(request, limit.Token), limit.Token);
                foreach (var upload in page.MultipartUploads ?? [])
                {
                    if (upload.Initiated is { } initiated && initiated.ToUniversalTime() < cutoff)
                    {
                        try
                        {
                            await S3Errors.RunAsync(Id, () => _client.AbortMultipartUploadAsync(Bucket, upload.Key, upload.UploadId, limit.Token), limit.Token);
                        }
                        catch (Glance.Domain.Common.StoreUnavailableException ex)
                        {
                            // Another node's sweep may have aborted it first.
                            _logger.LogDebug(ex, "S3 store {StoreId}: could not abort upload {UploadId} of {Key}", Id, upload.UploadId, upload.Key);
                        }
                    }
                }
                if (page.IsTruncated != true)
                {
                    break;
                }
                request.KeyMarker = page.NextKeyMarker;
                request.UploadIdMarker = page.NextUploadIdMarker;
            }
        }
        catch (Exception ex) when (ex is Glance.Domain.Common.StoreUnavailableException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            // Start-up goes on; the store's health says whether it serves.
            _logger.LogWarning(ex, "S3 store {StoreId}: could not look for unfinished uploads", Id);
        }
    }

    internal static string UrlOf(string bucket, string key) => $"{Scheme}{bucket}/{key}";

    private string KeyOf(string url)
    {
        var prefix = $"{Scheme}{Bucket}/";
        if (!url.StartsWith(prefix, StringComparison.Ordinal) || url.Length == prefix.Length)
        {
            // Recorded under another bucket (the setting changed since): this store cannot serve it.
            throw new Glance.Domain.Common.StoreUnavailableException($"The data at '{url}' is not in the bucket of S3 store '{Id}'.");
        }
        return url[prefix.Length..];
    }

    private async Task EnsureBucketAsync(CancellationToken ct)
    {
        if (_bucketReady || !_options.CreateBucket)
        {
            return;
        }
        await _bucketCheck.WaitAsync(ct);
        try
        {
            if (!_bucketReady)
            {
                await S3Errors.RunAsync(Id, async () =>
                {
                    try
                    {
                        await _client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }, ct);
                    }
                    catch (AmazonS3Exception exists) when (exists.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
                    {
                    }
                }, ct);
                _bucketReady = true;
            }
        }
        finally
        {
            _bucketCheck.Release();
        }
    }
}
