using System.Buffers;
using Amazon.S3.Model;
using Glance.Domain.ImageData;

namespace Glance.Stores.S3;

/// <summary>
/// One image's data on its way into S3. Bytes gather in a part-sized buffer; data that fits in one part
/// is put whole at commit, larger data goes up as a multipart upload completed at commit, while the
/// next parts fill (two parts in flight at most). Either way nothing is at the key before commit, and
/// an abort removes the parts already sent.
/// </summary>
internal sealed class S3StoreWriter(S3ImageStore store, string imageId, int firstPartSize) : IImageStoreWriter
{
    /// <summary>S3 allows 10,000 parts: parts double in size every thousand, so data of any size the cap allows fits.</summary>
    private const int PartsPerSize = 1000;
    private const int LargestPart = 1 << 30;

    /// <summary>Parts on their way while the next fills: the client's data and S3's answers overlap.</summary>
    private const int PartsInFlight = 2;

    private readonly Queue<Task<PartETag>> _sending = new();
    private readonly List<PartETag> _parts = [];
    private readonly CancellationTokenSource _abort = new();
    private int _partSize = firstPartSize;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(firstPartSize);
    private int _filled;
    private int _started;
    private string? _uploadId;
    private bool _committing;
    private bool _finished;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        while (!data.IsEmpty)
        {
            var buffer = _buffer ?? throw new ObjectDisposedException(nameof(S3StoreWriter));
            var take = Math.Min(data.Length, _partSize - _filled);
            data[..take].CopyTo(buffer.AsMemory(_filled));
            _filled += take;
            data = data[take..];
            if (_filled == _partSize)
            {
                await SendPartAsync();
            }
        }
    }

    /// <summary>
    /// Puts the object, or sends the last part, waits for every part and completes the upload. Not cut
    /// short by the client going away now: everything has arrived, and a completion left half-answered
    /// would leave an object no image points at.
    /// </summary>
    public async Task<StoredData> CommitAsync(CancellationToken clientGone)
    {
        var ct = CancellationToken.None;
        var client = store.Client;
        _committing = true;
        if (_uploadId is null)
        {
            await S3Errors.RunAsync(store.Id, () => client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = store.Bucket,
                Key = imageId,
                InputStream = new MemoryStream(_buffer!, 0, _filled, writable: false),
                UseChunkEncoding = false,
                AutoCloseStream = false,
            }, ct), ct);
        }
        else
        {
            if (_filled > 0)
            {
                await SendPartAsync();
            }
            while (_sending.Count > 0)
            {
                _parts.Add(await _sending.Dequeue());
            }
            await S3Errors.RunAsync(store.Id, () => client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = store.Bucket,
                Key = imageId,
                UploadId = _uploadId,
                PartETags = _parts,
            }, ct), ct);
        }
        _finished = true;
        Release();
        return new StoredData(S3ImageStore.UrlOf(store.Bucket, imageId), new Dictionary<string, string>());
    }

    /// <summary>
    /// Stops the parts on their way, removes the parts sent, and the object when a commit failed on the
    /// way back (S3 may have kept it: while the image is saving, only this upload writes its key). Never
    /// throws: the caller is already reporting a failure.
    /// </summary>
    public async Task AbortAsync(CancellationToken ct)
    {
        _finished = true;
        await _abort.CancelAsync();
        while (_sending.Count > 0)
        {
            try
            {
                await _sending.Dequeue();
            }
            catch (Exception)
            {
                // Stopped, or failed on its own: either way the upload is aborted next.
            }
        }
        Release();
        try
        {
            if (_uploadId is { } uploadId)
            {
                await S3Errors.RunAsync(store.Id, () => store.Client.AbortMultipartUploadAsync(store.Bucket, imageId, uploadId, ct), ct);
            }
        }
        catch (Exception ex) when (ex is Glance.Domain.Common.StoreUnavailableException or IOException)
        {
            // Gone already (completed, or aborted), or the store is down: a later start's sweep aborts what is left.
        }
        if (_committing)
        {
            try
            {
                await store.DeleteAsync(S3ImageStore.UrlOf(store.Bucket, imageId), ct);
            }
            catch (Exception ex) when (ex is Glance.Domain.Common.StoreUnavailableException or IOException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            await AbortAsync(CancellationToken.None);
        }
        _abort.Dispose();
    }

    /// <summary>Sends the filled buffer as the next part and starts a new one; waits while too many are on their way.</summary>
    private async Task SendPartAsync()
    {
        // Never cut short: an upload S3 made but whose id never arrived could not be aborted.
        _uploadId ??= (await S3Errors.RunAsync(store.Id, () => store.Client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = store.Bucket, Key = imageId }, CancellationToken.None), CancellationToken.None)).UploadId;
        var number = ++_started;
        _sending.Enqueue(UploadPartAsync(number, _buffer!, _filled));
        if (number % PartsPerSize == 0 && _partSize < LargestPart)
        {
            _partSize *= 2;
        }
        _buffer = ArrayPool<byte>.Shared.Rent(_partSize);
        _filled = 0;
        while (_sending.Count > PartsInFlight)
        {
            _parts.Add(await _sending.Dequeue());
        }
    }

    private async Task<PartETag> UploadPartAsync(int number, byte[] buffer, int length)
    {
        try
        {
            var answer = await S3Errors.RunAsync(store.Id, () => store.Client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = store.Bucket,
                Key = imageId,
                UploadId = _uploadId,
                PartNumber = number,
                InputStream = new MemoryStream(buffer, 0, length, writable: false),
                PartSize = length,
                UseChunkEncoding = false,
            }, _abort.Token), _abort.Token);
            return new PartETag(number, answer.ETag);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Release()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
