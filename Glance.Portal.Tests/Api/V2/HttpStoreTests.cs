using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Glance.Domain.ImageData;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>
/// Glance's read-only http store beside a filesystem store: listed read-only, refused as an upload's
/// target, and serving the data of images whose location is on a real web server.
/// </summary>
public sealed class HttpStoreTests : IAsyncLifetime
{
    private static readonly byte[] s_disk = ApiClientExtensions.RandomBytes(100_000);
    private TestWebServer _web = null!;
    private PortalApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _web = await TestWebServer.StartAsync();
        _web.Files["disk.img"] = s_disk;
        _factory = Portal();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _web.DisposeAsync();
    }

    private static PortalApiFactory Portal() => new PortalApiFactory()
        .With("Glance:Stores:Backends:local:Type", "filesystem")
        .With("Glance:Stores:Backends:local:Path", "local-store")
        .With("Glance:Stores:Backends:web:Type", "http")
        .With("Glance:Stores:Backends:web:Description", "Images on the mirror");

    /// <summary>An active image whose data is at <paramref name="url"/> in the http store, as a location added by an operator leaves it.</summary>
    private static async Task<string> ImageAtAsync(PortalApiFactory factory, string url, byte[] data)
    {
        var id = (await factory.ClientFor("project-a").CreateImageAsync(new { name = "mirrored", disk_format = "raw", container_format = "bare" })).Id();
        await factory.WithDatabaseAsync(async db =>
        {
            var image = (await db.Images.FindAsync(id))!;
            image.BeginUpload();
            image.MarkActive(data.Length, Convert.ToHexStringLower(MD5.HashData(data)), "sha512", Convert.ToHexStringLower(SHA512.HashData(data)),
                "web", new StoredData(url, new Dictionary<string, string>()), DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task The_http_store_is_listed_read_only_and_an_upload_naming_it_is_410_leaving_the_image_queued()
    {
        var owner = _factory.ClientFor("project-a");

        var stores = (await (await owner.GetAsync("/image/v2/info/stores")).ReadJsonAsync())["stores"]!.AsArray();
        var detail = (await (await _factory.AdminClient().GetAsync("/image/v2/info/stores/detail")).ReadJsonAsync())["stores"]!.AsArray();
        var id = (await owner.CreateImageAsync(new { disk_format = "raw", container_format = "bare" })).Id();
        var content = new ByteArrayContent([1, 2, 3]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var upload = new HttpRequestMessage(HttpMethod.Put, $"/image/v2/images/{id}/file") { Content = content };
        upload.Headers.Add("X-Image-Meta-Store", "web");
        var refused = await owner.SendAsync(upload);

        Assert.Equal("""{"id":"web","description":"Images on the mirror","read-only":"true"}""", stores.Single(s => (string?)s!["id"] == "web")!.ToJsonString());
        Assert.Equal("""{"id":"local","default":"true"}""", stores.Single(s => (string?)s!["id"] == "local")!.ToJsonString());
        var web = detail.Single(s => (string?)s!["id"] == "web")!;
        Assert.Equal(("http", "{}"), ((string?)web["type"], web["properties"]!.ToJsonString()));
        await refused.ShouldHaveStatusAsync(HttpStatusCode.Gone);
        Assert.Contains("Adding images to store is disabled", await refused.Content.ReadAsStringAsync());
        Assert.Equal("queued", (string?)(await owner.GetImageAsync(id))["status"]);
        // Naming no store, the data goes to the default one, which writes.
        await (await owner.UploadAsync(id, [1, 2, 3])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Equal("local", (string?)(await _factory.AdminClient().GetImageAsync(id))["stores"]);
    }

    [Theory]
    [InlineData("files")]
    [InlineData("whole")]
    [InlineData("from-start")]
    [InlineData("moved")]
    public async Task Data_on_a_web_server_is_read_whole_and_by_range_whether_the_server_honours_ranges_or_redirects(string route)
    {
        var id = await ImageAtAsync(_factory, _web.UrlOf(route, "disk.img"), s_disk);
        var reader = _factory.ClientFor("project-a");

        var whole = await reader.GetAsync($"/image/v2/images/{id}/file");

        await whole.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(s_disk, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(s_disk[70_000..70_010], await reader.DownloadRangeAsync(id, 70_000, 70_009));
        Assert.Equal(s_disk[99_990..], await reader.DownloadRangeAsync(id, 99_990, 99_999));
        Assert.Equal("web", (string?)(await _factory.AdminClient().GetImageAsync(id))["stores"]);
        // The store asked for the range, rather than reading the whole file each time.
        Assert.Contains($"GET /{route}/disk.img bytes=70000-70009", _web.Requests);
    }

    [Fact]
    public async Task Data_on_the_web_server_shorter_than_the_image_is_503_rather_than_a_cut_off_answer()
    {
        var id = await ImageAtAsync(_factory, _web.UrlOf("files", "disk.img"), [.. s_disk, 1, 2, 3]);

        var download = await _factory.ClientFor("project-a").GetAsync($"/image/v2/images/{id}/file");

        await download.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Data_gone_from_the_web_server_is_503_and_deleting_the_image_leaves_the_servers_files_alone()
    {
        var gone = await ImageAtAsync(_factory, _web.UrlOf("files", "removed.img"), [1, 2, 3]);
        var kept = await ImageAtAsync(_factory, _web.UrlOf("files", "disk.img"), s_disk);
        var owner = _factory.ClientFor("project-a");

        var download = await owner.GetAsync($"/image/v2/images/{gone}/file");
        await (await owner.DeleteAsync($"/image/v2/images/{kept}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await download.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        Assert.DoesNotContain(_web.Requests, r => !r.StartsWith("GET ", StringComparison.Ordinal));
        Assert.Equal(s_disk, await new HttpClient().GetByteArrayAsync(_web.UrlOf("files", "disk.img")));
        await (await owner.GetAsync($"/image/v2/images/{kept}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_admin_removes_the_http_copy_of_an_image_that_has_another_and_the_web_server_keeps_its_file()
    {
        var id = (await _factory.ClientFor("project-a").CreateImageAsync(new { disk_format = "raw", container_format = "bare" })).Id();
        await (await _factory.ClientFor("project-a").UploadAsync(id, s_disk)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await _factory.WithDatabaseAsync(async db =>
        {
            var image = (await db.Images.FindAsync(id))!;
            await db.Entry(image).Collection(i => i.Locations).LoadAsync();
            image.Locations.Add(new ImageLocation(id, "web", new StoredData(_web.UrlOf("files", "disk.img"), new Dictionary<string, string>()), DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var admin = _factory.AdminClient();

        await (await admin.DeleteAsync($"/image/v2/stores/web/{id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal("local", (string?)(await admin.GetImageAsync(id))["stores"]);
        Assert.True(_web.Files.ContainsKey("disk.img"));
        Assert.DoesNotContain(_web.Requests, r => !r.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_https_server_is_trusted_only_through_the_authorities_the_store_is_given()
    {
        await using var secure = await TestWebServer.StartAsync(https: true);
        secure.Files["disk.img"] = s_disk;
        var authorities = Path.Combine(_factory.DataDirectory, "web-ca.pem");
        Directory.CreateDirectory(_factory.DataDirectory);
        await File.WriteAllTextAsync(authorities, secure.CertificatePem());
        await using var trusting = Portal().With("Glance:Stores:Backends:web:CaCertificatesFile", authorities);

        var unknown = await _factory.ClientFor("project-a").GetAsync($"/image/v2/images/{await ImageAtAsync(_factory, secure.UrlOf("files", "disk.img"), s_disk)}/file");
        var trusted = await trusting.ClientFor("project-a").GetAsync($"/image/v2/images/{await ImageAtAsync(trusting, secure.UrlOf("files", "disk.img"), s_disk)}/file");

        await unknown.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        await trusted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(s_disk, await trusted.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Given_authorities_that_do_not_vouch_for_the_server_refuse_it_even_when_insecure_is_on(bool insecure)
    {
        await using var secure = await TestWebServer.StartAsync(https: true);
        secure.Files["disk.img"] = s_disk;
        var authorities = Path.Combine(_factory.DataDirectory, "other-ca.pem");
        Directory.CreateDirectory(_factory.DataDirectory);
        await File.WriteAllTextAsync(authorities, TestWebServer.UnrelatedAuthorityPem());
        await using var portal = Portal().With("Glance:Stores:Backends:web:CaCertificatesFile", authorities)
            .With("Glance:Stores:Backends:web:Insecure", insecure ? "true" : "false");

        var download = await portal.ClientFor("project-a").GetAsync($"/image/v2/images/{await ImageAtAsync(portal, secure.UrlOf("files", "disk.img"), s_disk)}/file");

        await download.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Insecure_alone_accepts_a_server_no_authority_vouches_for()
    {
        await using var secure = await TestWebServer.StartAsync(https: true);
        secure.Files["disk.img"] = s_disk;
        await using var portal = Portal().With("Glance:Stores:Backends:web:Insecure", "true");

        var download = await portal.ClientFor("project-a").GetAsync($"/image/v2/images/{await ImageAtAsync(portal, secure.UrlOf("files", "disk.img"), s_disk)}/file");

        await download.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(s_disk, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("Glance:Stores:Default", "web", "Glance:Stores:Default names 'web', a store that only reads (http)")]
    [InlineData("Glance:Stores:Backends:local:Type", "http", "No image store can take uploads ('local' only reads, 'web' only reads)")]
    [InlineData("Glance:Stores:Backends:web:CaCertificatesFile", "/nonexistent/ca.pem", "Glance:Stores:Backends:web:CaCertificatesFile: '/nonexistent/ca.pem' cannot be read")]
    [InlineData("Glance:Stores:Backends:web:Proxy", "proxy.example", "Glance:Stores:Backends:web:Proxy must be the proxy's http(s) address")]
    public async Task A_setting_that_leaves_no_store_to_upload_to_or_cannot_work_stops_start_up(string key, string value, string message)
    {
        await using var factory = Portal().With(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.AllMessages());
    }
}
