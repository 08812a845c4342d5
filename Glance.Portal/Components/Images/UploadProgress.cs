using System.Globalization;

namespace Glance.Portal.Components.Images;

public enum UploadState
{
    Idle,
    Uploading,
    Done,
    Failed,
    Cancelled,
}

/// <summary>An upload as the dialog shows it: how far, how fast, how long to go, and how it ended.</summary>
public sealed class UploadProgress(TimeProvider clock)
{
    private DateTimeOffset _started;

    public UploadState State { get; private set; } = UploadState.Idle;

    public long Sent { get; private set; }

    public long Total { get; private set; }

    public string? Message { get; private set; }

    public void Start(long total)
    {
        (State, Sent, Total, Message, _started) = (UploadState.Uploading, 0, total, null, clock.GetUtcNow());
    }

    public void Report(long sent, long total)
    {
        if (State == UploadState.Uploading)
        {
            // Bytes moving again mean the retry worked.
            Message = sent > Sent ? null : Message;
            (Sent, Total) = (sent, total);
        }
    }

    /// <summary>The network failed; the browser waits <paramref name="seconds"/> and then resumes where the server got to.</summary>
    public void Retrying(int attempt, int seconds)
    {
        if (State == UploadState.Uploading)
        {
            Message = $"The connection dropped; trying again in {seconds} s (attempt {attempt}). The upload goes on from where it stopped.";
        }
    }

    public void Complete() => (State, Sent, Message) = (UploadState.Done, Total, null);

    public void Fail(string message) => (State, Message) = (UploadState.Failed, message);

    public void Cancel() => (State, Message) = (UploadState.Cancelled, "Upload cancelled.");

    public double Percent => Total <= 0 ? 0 : Math.Min(100, Sent * 100.0 / Total);

    public double? BytesPerSecond
    {
        get
        {
            var seconds = (clock.GetUtcNow() - _started).TotalSeconds;
            return State == UploadState.Idle || seconds <= 0.05 || Sent == 0 ? null : Sent / seconds;
        }
    }

    public TimeSpan? Remaining => BytesPerSecond is { } rate && rate > 0 ? TimeSpan.FromSeconds((Total - Sent) / rate) : null;

    /// <summary>"42 % · 35.2 MB/s · 12 s left".</summary>
    public string Describe()
    {
        var parts = new List<string> { Percent.ToString("0", CultureInfo.InvariantCulture) + " %" };
        if (BytesPerSecond is { } rate)
        {
            parts.Add((rate / 1_000_000).ToString(rate < 10_000_000 ? "0.0" : "0", CultureInfo.InvariantCulture) + " MB/s");
        }
        if (State == UploadState.Uploading && Remaining is { } left)
        {
            parts.Add(left.TotalSeconds < 60 ? $"{Math.Ceiling(left.TotalSeconds):0} s left" : $"{left.TotalMinutes:0} min left");
        }
        return string.Join(" · ", parts);
    }
}
