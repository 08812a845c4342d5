using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>
/// A real full disk: the data folder on a 3 MiB tmpfs. Needs root and mount(8), as CI and the
/// developers' machines have; elsewhere the test is skipped, not passed.
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly string _mountPoint = Path.Combine(Path.GetTempPath(), "glance-full-" + Guid.NewGuid().ToString("N"));
    private PortalApiFactory? _factory;
    private bool _mounted;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_mountPoint);
        _mounted = await RunAsync("mount", $"-t tmpfs -o size=3m tmpfs {_mountPoint}") == 0;
        if (_mounted)
        {
            _factory = new PortalApiFactory().With("Glance:DataDirectory", _mountPoint);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_mounted)
        {
            await RunAsync("umount", _mountPoint);
        }
        Directory.Delete(_mountPoint, recursive: true);
    }

    [Fact]
    public async Task An_upload_that_fills_the_disk_is_413_and_leaves_the_image_queued_with_no_file()
    {
        Assert.SkipUnless(_mounted, "needs root to mount a small tmpfs");
        var client = _factory!.ClientFor("project-a");
        var image = await client.CreateImageAsync(new { disk_format = "raw", container_format = "bare" });

        // Chunked, so the size is unknown up front and the disk fills while writing.
        var content = new StreamContent(new MemoryStream(new byte[8 << 20]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/image/v2/images/{image.Id()}/file") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var chunked = await client.SendAsync(request);

        await chunked.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("queued", (string?)(await client.GetImageAsync(image.Id()))["status"]);
        Assert.Empty(Directory.GetFiles(Path.Combine(_mountPoint, "images"), "*", SearchOption.AllDirectories));

        // With the size announced, the store refuses before writing anything.
        var announced = await client.UploadAsync(image.Id(), new byte[8 << 20]);
        await announced.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(Directory.GetFiles(Path.Combine(_mountPoint, "images"), "*", SearchOption.AllDirectories));

        // Room for a small image is still there afterwards.
        await (await client.UploadAsync(image.Id(), new byte[1000])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal("active", (string?)(await client.GetImageAsync(image.Id()))["status"]);
    }

    private static async Task<int> RunAsync(string command, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
