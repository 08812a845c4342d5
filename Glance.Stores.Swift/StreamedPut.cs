using System.IO.Pipelines;

namespace Glance.Stores.Swift;

/// <summary>
/// One object PUT whose body is written as it arrives (chunked): Swift keeps the object only when the
/// body ends properly, so a PUT that is cancelled leaves nothing at the name.
/// </summary>
internal sealed class StreamedPut
{
    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 4 << 20, resumeWriterThreshold: 2 << 20));
    private readonly CancellationTokenSource _cancel = new();
    private readonly Task<HttpResponseMessage> _sending;
    private readonly SwiftConnection _connection;

    public StreamedPut(SwiftConnection connection, string name)
    {
        Name = name;
        _connection = connection;
        _sending = connection.SendAsync(container =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"{container}/{Uri.EscapeDataString(name)}")
            {
                Content = new StreamContent(_pipe.Reader.AsStream()),
            };
            // A refusal (an expired token, a missing container) arrives before any data is sent.
            request.Headers.ExpectContinue = true;
            return request;
        }, _cancel.Token, streamed: true);
        // A request that ends early (refused, unreachable) stops reading: let the writer see that.
        _sending.ContinueWith(_ => _pipe.Reader.Complete(), TaskScheduler.Default);
    }

    public string Name { get; }

    public long Written { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        // Swift that stops taking data for a request's time has failed the upload.
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stall.CancelAfter(SwiftConnection.RequestTimeout);
        FlushResult flushed;
        try
        {
            flushed = await _pipe.Writer.WriteAsync(data, stall.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw _connection.Unavailable($"stopped taking the data of {Name}", null);
        }
        Written += data.Length;
        if (flushed.IsCompleted)
        {
            // Swift stopped reading before the end: its answer says why.
            using var early = await _sending;
            throw _connection.Unavailable($"answered {(int)early.StatusCode} before the data of {Name} was complete", null);
        }
    }

    /// <summary>Ends the body and waits for Swift to keep the object; returns its ETag (the MD5 of its bytes).</summary>
    public async Task<string> CompleteAsync()
    {
        await _pipe.Writer.CompleteAsync();
        // All sent: Swift answers within a request's time, or the PUT is given up (and kept nothing).
        _cancel.CancelAfter(SwiftConnection.RequestTimeout);
        using var response = await _sending;
        // Swift sends the MD5 without the quotes HTTP asks for, which .NET's parsed ETag refuses.
        return response.Headers.NonValidated.TryGetValues("ETag", out var etag) ? etag.ToString().Trim('"') : "";
    }

    /// <summary>Stops the PUT mid-body, so Swift keeps nothing. Never throws.</summary>
    public async Task CancelAsync()
    {
        _cancel.Cancel();
        await _pipe.Writer.CompleteAsync(new OperationCanceledException());
        try
        {
            (await _sending).Dispose();
        }
        catch (Exception)
        {
            // The PUT's failure is the point: nothing was kept.
        }
    }
}
