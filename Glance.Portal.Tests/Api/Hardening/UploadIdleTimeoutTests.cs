using System.Net;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.Hardening;

/// <summary>A client that announces a length and then stalls is cut off after Glance:Limits:UploadIdleTimeout.</summary>
public sealed class UploadIdleTimeoutTests : IAsyncLifetime
{
    private readonly KestrelPortalFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _factory.With("Glance:Limits:UploadIdleTimeout", "00:00:01");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_stalled_upload_is_408_and_the_image_is_queued_again_with_no_file()
    {
        var client = _factory.RealClientFor("stall-owner");
        var id = (await client.CreateImageAsync(new { disk_format = "raw", container_format = "bare" })).Id();

        using var upload = await _factory.BeginRawUploadAsync(id, "stall-owner", announced: 1 << 20);
        await upload.SendAsync(new byte[64 << 10]);
        var started = DateTime.UtcNow;
        var status = await upload.ReadStatusAsync();

        Assert.Equal(408, status);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(30));
        Assert.Equal("queued", (string?)(await client.GetImageAsync(id))["status"]);
        Assert.Empty(await _factory.Store.ObjectsAsync());

        // The image takes its data afterwards.
        await (await client.UploadAsync(id, new byte[1000])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }
}
