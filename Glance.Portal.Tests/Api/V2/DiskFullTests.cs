using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
        // A full disk under SQLite's file and the filesystem store; a PostgreSQL server's disk is its own.
        TestDatabase.RequireSqlite();
        TestStore.RequireFileSystem();
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

    [Fact]
    public async Task With_the_disk_full_writes_are_503_or_413_nothing_half_done_and_health_says_so()
    {
        Assert.SkipUnless(_mounted, "needs root to mount a small tmpfs");
        // A full disk under SQLite's file and the filesystem store; a PostgreSQL server's disk is its own.
        TestDatabase.RequireSqlite();
        TestStore.RequireFileSystem();
        var client = _factory!.ClientFor("project-a");
        var anonymous = _factory.CreateClient();
        await (await anonymous.GetAsync("/healthcheck")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var image = await client.CreateImageAsync(new { name = "before", disk_format = "raw", container_format = "bare" });

        // Fill what is left of the disk.
        var filler = Path.Combine(_mountPoint, "filler");
        await using (var stream = File.Create(filler))
        {
            try
            {
                var block = new byte[64 << 10];
                while (true)
                {
                    stream.Write(block);
                    stream.Flush();
                }
            }
            catch (IOException)
            {
            }
        }

        await (await anonymous.GetAsync("/healthcheck")).ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        // 413 when the store is what is full, 503 when the database cannot even mark the image saving.
        var upload = await client.UploadAsync(image.Id(), new byte[256 << 10]);
        Assert.Contains(upload.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.ServiceUnavailable });
        // Never active and no file kept. Saving only when the database could not record the way back
        // either; the start-up sweep returns such an image to queued. (A read on a full disk may be
        // refused too, when SQLite would need room for its shared memory: 503, never a wrong answer.)
        if (await ReadWhileFullAsync(client, image.Id()) is { } whileFull)
        {
            Assert.Contains((string?)whileFull["status"], new[] { "queued", "saving" });
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(_mountPoint, "images"), "*", SearchOption.AllDirectories));

        // SQLite may still fit a few writes in pages it has; keep writing until it cannot.
        var big = new string('x', 250);
        HttpResponseMessage? refused = null;
        for (var n = 0; n < 400 && refused is null; n++)
        {
            var properties = Enumerable.Range(0, 100).ToDictionary(i => $"p{n}_{i}", _ => (object)big);
            properties["name"] = $"fill-{n}";
            var response = await client.PostAsJsonAsync("/image/v2/images", properties);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                refused = response;
            }
        }
        Assert.NotNull(refused);
        await refused.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("disk is full", (string?)(await refused.ReadJsonAsync())["message"]);

        // A change the database refuses leaves the image as it was.
        var patch = await client.PatchAsync(image.Id(), "[{\"op\": \"add\", \"path\": \"/big\", \"value\": \"" + big + "\"}]");
        Assert.Contains(patch.StatusCode, new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK });
        if (await ReadWhileFullAsync(client, image.Id()) is { } patched)
        {
            Assert.Equal(patch.StatusCode == HttpStatusCode.OK, patched.ContainsKey("big"));
        }

        File.Delete(filler);
        await (await anonymous.GetAsync("/healthcheck")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var after = await client.GetImageAsync(image.Id());
        Assert.Equal("queued", (string?)after["status"]);
        Assert.Equal(patch.StatusCode == HttpStatusCode.OK, after.ContainsKey("big"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_mountPoint, "images"), "*", SearchOption.AllDirectories));
        await (await client.UploadAsync(image.Id(), new byte[1000])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    /// <summary>The image as the API shows it, or null when the full disk refused the read itself (503).</summary>
    private static async Task<System.Text.Json.Nodes.JsonObject?> ReadWhileFullAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/image/v2/images/{id}");
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return null;
        }
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
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
