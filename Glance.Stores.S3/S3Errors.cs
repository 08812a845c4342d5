using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Glance.Domain.Common;

namespace Glance.Stores.S3;

/// <summary>What a failed S3 request means to the image service.</summary>
internal static class S3Errors
{
    /// <summary>
    /// Runs one request. An object that is not there is missing data (an <see cref="IOException"/>, as a
    /// missing file is); anything else that fails (no answer, a timeout, refused keys, a server error) is
    /// the store being unable to serve now, which the API answers 503.
    /// </summary>
    /// <param name="missingIsNotFound">A read of an object: its 404 means the object is missing. Elsewhere a 404
    /// (a multipart upload that is gone, say) is the store failing the request.</param>
    public static async Task<T> RunAsync<T>(string storeId, Func<Task<T>> request, CancellationToken ct, bool missingIsNotFound = false)
    {
        try
        {
            return await request();
        }
        catch (AmazonS3Exception missing) when (missingIsNotFound && missing.StatusCode == HttpStatusCode.NotFound && missing.ErrorCode != "NoSuchBucket")
        {
            throw new FileNotFoundException($"The object is not in S3 store '{storeId}'.", missing);
        }
        catch (AmazonServiceException refused)
        {
            throw new StoreUnavailableException($"The S3 store '{storeId}' refused the request ({(int)refused.StatusCode} {refused.ErrorCode}).", refused);
        }
        catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException
            || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new StoreUnavailableException($"The S3 store '{storeId}' cannot be reached now.", ex);
        }
    }

    public static Task RunAsync(string storeId, Func<Task> request, CancellationToken ct) =>
        RunAsync(storeId, async () => { await request(); return true; }, ct);
}
