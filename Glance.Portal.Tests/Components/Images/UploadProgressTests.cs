using Glance.Portal.Components.Images;

namespace Glance.Portal.Tests.Components.Images;

/// <summary>What the upload bar says: percent, speed and time left, and how an upload ended.</summary>
public sealed class UploadProgressTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Progress_gives_percent_speed_and_time_left()
    {
        var clock = new Clock();
        var progress = new UploadProgress(clock);
        progress.Start(100_000_000);

        clock.Now = clock.Now.AddSeconds(2);
        progress.Report(40_000_000, 100_000_000);

        Assert.Equal(40, progress.Percent);
        Assert.Equal(20_000_000, progress.BytesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(3), progress.Remaining);
        Assert.Equal("40 % · 20 MB/s · 3 s left", progress.Describe());
    }

    [Fact]
    public void A_finished_upload_is_at_100_percent_and_a_cancelled_or_failed_one_says_why()
    {
        var clock = new Clock();
        var progress = new UploadProgress(clock);
        progress.Start(10);
        clock.Now = clock.Now.AddSeconds(1);
        progress.Report(4, 10);

        progress.Complete();
        Assert.Equal((UploadState.Done, 100.0), (progress.State, progress.Percent));
        Assert.DoesNotContain("left", progress.Describe());

        progress.Start(10);
        progress.Cancel();
        Assert.Equal((UploadState.Cancelled, "Upload cancelled."), (progress.State, progress.Message));

        progress.Start(10);
        progress.Fail("Image exceeds the storage quota.");
        Assert.Equal(UploadState.Failed, progress.State);
        progress.Report(9, 10);
        Assert.Equal(0, progress.Sent);
    }

    [Fact]
    public void Before_any_byte_there_is_no_speed_to_show()
    {
        var progress = new UploadProgress(new Clock());
        progress.Start(10);

        Assert.Null(progress.BytesPerSecond);
        Assert.Equal("0 %", progress.Describe());
    }
}
