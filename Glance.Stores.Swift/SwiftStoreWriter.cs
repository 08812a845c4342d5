using System.Text.Json;
using Glance.Domain.ImageData;

namespace Glance.Stores.Swift;

/// <summary>
/// One image's data on its way into Swift, streamed as it arrives. Data of a known size below the
/// large-object size is one object; anything else goes in segments (<c>{image}-00001</c>, …) joined at
/// commit by a static large object manifest at the image's name, as Glance's Swift store does. Nothing
/// is at the image's name before commit; an abort cancels the PUT under way and deletes the segments.
/// </summary>
internal sealed class SwiftStoreWriter(SwiftImageStore store, string imageId, bool segmented, long firstSegmentSize) : IImageStoreWriter
{
    /// <summary>Swift joins at most 1,000 segments by default: segments double in size every 500.</summary>
    private const int SegmentsPerSize = 500;

    private readonly List<(string Name, string ETag, long Size)> _segments = [];
    private readonly List<string> _attempted = [];
    private long _segmentSize = firstSegmentSize;
    private StreamedPut? _current;
    private bool _committing;
    private bool _finished;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        while (!data.IsEmpty)
        {
            _current ??= Start(segmented ? SegmentName(_segments.Count + 1) : imageId);
            var take = segmented ? (int)Math.Min(data.Length, _segmentSize - _current.Written) : data.Length;
            await _current.WriteAsync(data[..take], ct);
            data = data[take..];
            if (segmented && _current.Written == _segmentSize)
            {
                await EndSegmentAsync();
                if (_segments.Count % SegmentsPerSize == 0)
                {
                    _segmentSize *= 2;
                }
            }
        }
    }

    /// <summary>
    /// Ends the object, or the last segment and then the manifest. Not cut short by the client going
    /// away now: everything has arrived, and a manifest left half-answered would be an object no image
    /// points at.
    /// </summary>
    public async Task<StoredData> CommitAsync(CancellationToken clientGone)
    {
        var ct = CancellationToken.None;
        _committing = true;
        if (!segmented || _segments.Count == 0 && _current is null)
        {
            // One object (an empty one when nothing came).
            var put = _current ?? Start(imageId);
            _current = null;
            await put.CompleteAsync();
        }
        else
        {
            if (_current is { Written: > 0 })
            {
                await EndSegmentAsync();
            }
            var manifest = JsonSerializer.Serialize(_segments.Select(s => new Dictionary<string, object>
            {
                ["path"] = $"/{store.Connection.Container}/{s.Name}",
                ["etag"] = s.ETag,
                ["size_bytes"] = s.Size,
            }));
            (await store.Connection.SendAsync(container => new HttpRequestMessage(HttpMethod.Put,
                $"{container}/{Uri.EscapeDataString(imageId)}?multipart-manifest=put")
            {
                Content = new StringContent(manifest),
            }, ct)).Dispose();
        }
        _finished = true;
        return new StoredData(store.UrlOf(imageId), new Dictionary<string, string>());
    }

    /// <summary>
    /// Cancels the PUT under way and deletes the segments sent, and the object at the image's name when a
    /// commit failed on the way back (Swift may have kept it: while the image is saving, only this upload
    /// writes that name). Never throws: the caller is already reporting a failure.
    /// </summary>
    public async Task AbortAsync(CancellationToken ct)
    {
        _finished = true;
        if (_current is { } current)
        {
            _current = null;
            await current.CancelAsync();
        }
        // The manifest first, when there may be one: deleting it deletes its segments too. Then every
        // name a PUT was started for, kept or not (one whose answer was lost may have been kept).
        var names = _attempted.ToList();
        if (_committing && !names.Contains(imageId))
        {
            names.Insert(0, imageId);
        }
        foreach (var name in names)
        {
            try
            {
                await store.DeleteObjectAsync(name, CancellationToken.None);
            }
            catch (Exception ex) when (ex is Glance.Domain.Common.StoreUnavailableException or IOException)
            {
                // Left for an operator: a segment is never listed as an image.
            }
        }
        _segments.Clear();
        _attempted.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            await AbortAsync(CancellationToken.None);
        }
    }

    private async Task EndSegmentAsync()
    {
        var current = _current!;
        _current = null;
        var etag = await current.CompleteAsync();
        _segments.Add((current.Name, etag, current.Written));
    }

    private StreamedPut Start(string name)
    {
        _attempted.Add(name);
        return new StreamedPut(store.Connection, name);
    }

    private string SegmentName(int number) => $"{imageId}-{number:D5}";
}
