using System.Net;
using System.Net.Http.Headers;
using Glance.Domain.ImageData;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>Glance's multi-store API on two filesystem stores: discovery, choosing the store, and removing one copy.</summary>
public sealed class MultiStoreTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new PortalApiFactory()
        .With("Glance:Stores:Backends:fast:Type", "filesystem")
        .With("Glance:Stores:Backends:fast:Path", "fast-store")
        .With("Glance:Stores:Backends:fast:Description", "Fast disks")
        .With("Glance:Stores:Backends:cheap:Type", "filesystem")
        .With("Glance:Stores:Backends:cheap:Path", "cheap-store")
        .With("Glance:Stores:Backends:archive:Type", "filesystem")
        .With("Glance:Stores:Backends:archive:Path", "archive-store")
        .With("Glance:Stores:Default", "fast");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private string StoreFolder(string store) => Path.Combine(_factory.DataDirectory, $"{store}-store");

    private static async Task<HttpResponseMessage> UploadToAsync(HttpClient client, string id, string store, byte[] data)
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/image/v2/images/{id}/file") { Content = content };
        request.Headers.Add("X-Image-Meta-Store", store);
        return await client.SendAsync(request);
    }

    /// <summary>A second copy of an image's data, as an import's copy-image would leave it.</summary>
    private async Task AddCopyAsync(string id, string store, byte[] data)
    {
        var target = _factory.Services.GetRequiredService<IImageStores>().Find(store)!;
        await using var writer = await target.BeginWriteAsync(id, data.Length, CancellationToken.None);
        await writer.WriteAsync(data, CancellationToken.None);
        var stored = await writer.CommitAsync(CancellationToken.None);
        await _factory.WithDatabaseAsync(async db =>
        {
            var image = await db.Images.FindAsync(id);
            await db.Entry(image!).Collection(i => i.Locations).LoadAsync();
            image!.Locations.Add(new ImageLocation(id, store, stored, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task The_stores_are_listed_with_the_default_and_admins_see_their_type_and_settings()
    {
        var member = _factory.ClientFor("project-a");

        var stores = await (await member.GetAsync("/image/v2/info/stores")).ReadJsonAsync();
        var detail = await member.GetAsync("/image/v2/info/stores/detail");
        var admin = await (await _factory.AdminClient().GetAsync("/image/v2/info/stores/detail")).ReadJsonAsync();

        Assert.Equal("""{"stores":[{"id":"archive"},{"id":"cheap"},{"id":"fast","description":"Fast disks","default":"true"}]}""", stores.ToJsonString());
        await detail.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        var fast = admin["stores"]![2]!;
        Assert.Equal(("file", StoreFolder("fast"), false), ((string?)fast["type"], (string?)fast["properties"]!["data_dir"], (bool)fast["properties"]!["thin_provisioning"]!));
    }

    [Fact]
    public async Task An_upload_goes_to_the_store_it_names_and_the_image_says_where_its_data_is()
    {
        var client = _factory.ClientFor("project-a");
        var created = await client.PostJsonTextAsync("/image/v2/images", """{"name": "x", "disk_format": "raw", "container_format": "bare", "visibility": "community"}""");
        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        // Every configured store, in the configuration's order (its keys' order, for .NET's configuration).
        Assert.Equal("archive,cheap,fast", created.Headers.GetValues("OpenStack-image-store-ids").Single());
        var body = await created.ReadJsonAsync();
        var id = body.Id();
        Assert.False(body.ContainsKey("stores"));

        var unknown = await UploadToAsync(client, id, "nowhere", [1, 2, 3]);
        await unknown.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Store for identifier nowhere not found", await unknown.Content.ReadAsStringAsync());
        Assert.Equal("queued", (string?)(await client.GetImageAsync(id))["status"]);

        await (await UploadToAsync(client, id, "cheap", [1, 2, 3])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal("cheap", (string?)(await client.GetImageAsync(id))["stores"]);
        Assert.True(File.Exists(Path.Combine(StoreFolder("cheap"), id)));
        var listed = await (await client.GetAsync("/image/v2/images")).ReadJsonAsync();
        Assert.Equal("cheap", (string?)listed["images"]!.AsArray().Single(i => i!.AsObject().Id() == id)!["stores"]);
        // Where the data lives is get_image_location's to tell (the owner's and admins' under the legacy defaults).
        var other = _factory.ClientFor("project-b");
        Assert.False((await other.GetImageAsync(id)).ContainsKey("stores"));
        var communityList = await (await other.GetAsync("/image/v2/images?visibility=community")).ReadJsonAsync();
        Assert.False(communityList["images"]!.AsArray().Single(i => i!.AsObject().Id() == id)!.AsObject().ContainsKey("stores"));
        Assert.Equal("cheap", (string?)(await _factory.AdminClient().GetImageAsync(id))["stores"]);
        var schema = await (await client.GetAsync("/image/v2/schemas/image")).ReadJsonAsync();
        Assert.True((bool)schema["properties"]!["stores"]!["readOnly"]!);
        var versions = await (await client.GetAsync("/image/versions")).ReadJsonAsync();
        Assert.Contains("v2.10", versions["versions"]!.AsArray().Select(v => (string?)v!["id"]));
    }

    [Fact]
    public async Task An_admin_removes_one_copy_and_every_refusal_follows_glance()
    {
        var owner = _factory.ClientFor("project-a");
        var admin = _factory.AdminClient();
        var image = await owner.CreateImageAsync(new { name = "copied", disk_format = "raw", container_format = "bare" });
        var id = image.Id();
        await (await owner.UploadAsync(id, [5, 6, 7])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await AddCopyAsync(id, "cheap", [5, 6, 7]);
        Assert.Equal("fast,cheap", (string?)(await owner.GetImageAsync(id))["stores"]);

        async Task<(HttpStatusCode, string)> Remove(HttpClient client, string store, string image)
        {
            var response = await client.DeleteAsync($"/image/v2/stores/{store}/{image}");
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, body.Length == 0 ? "" : (string?)System.Text.Json.Nodes.JsonNode.Parse(body)!["message"] ?? "");
        }

        // Glance's legacy defaults give delete_image_location to admins only.
        Assert.Equal(HttpStatusCode.Forbidden, (await Remove(owner, "cheap", id)).Item1);
        Assert.Equal(HttpStatusCode.Conflict, (await Remove(admin, "nowhere", id)).Item1);
        Assert.Equal(HttpStatusCode.NotFound, (await Remove(admin, "cheap", Guid.NewGuid().ToString())).Item1);
        var elsewhere = await Remove(admin, "archive", id);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.Item1);
        Assert.Contains($"Image {id} is not stored in store archive", elsewhere.Item2);
        Assert.Equal(HttpStatusCode.NoContent, (await Remove(admin, "cheap", id)).Item1);

        Assert.Equal("fast", (string?)(await owner.GetImageAsync(id))["stores"]);
        Assert.False(File.Exists(Path.Combine(StoreFolder("cheap"), id)));
        var last = await Remove(admin, "fast", id);
        Assert.Equal(HttpStatusCode.Forbidden, last.Item1);
        Assert.Contains("Cannot delete image data from the only store containing it", last.Item2);
        await AddCopyAsync(id, "cheap", [5, 6, 7]);
        await (await admin.PostAsync($"/image/v2/images/{id}/actions/deactivate", null)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var deactivated = await Remove(admin, "cheap", id);
        Assert.Equal(HttpStatusCode.Conflict, deactivated.Item1);
        Assert.Contains("image status is not 'active'", deactivated.Item2);
    }

    [Fact]
    public async Task A_download_reads_the_next_copy_when_a_store_cannot_answer()
    {
        var owner = _factory.ClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "two copies", disk_format = "raw", container_format = "bare" })).Id();
        await (await owner.UploadAsync(id, [4, 5, 6])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await AddCopyAsync(id, "cheap", [4, 5, 6]);

        File.Delete(Path.Combine(StoreFolder("fast"), id));

        var download = await owner.GetAsync($"/image/v2/images/{id}/file");
        await download.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal([4, 5, 6], await download.Content.ReadAsByteArrayAsync());
        File.Delete(Path.Combine(StoreFolder("cheap"), id));
        await (await owner.GetAsync($"/image/v2/images/{id}/file")).ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Two_admins_removing_the_last_two_copies_at_once_leave_one()
    {
        var owner = _factory.ClientFor("project-a");
        var admin = _factory.AdminClient();
        for (var round = 0; round < 5; round++)
        {
            var id = (await owner.CreateImageAsync(new { name = $"raced {round}", disk_format = "raw", container_format = "bare" })).Id();
            await (await owner.UploadAsync(id, [1, 2, 3])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
            await AddCopyAsync(id, "cheap", [1, 2, 3]);

            var answers = await Task.WhenAll(admin.DeleteAsync($"/image/v2/stores/fast/{id}"), admin.DeleteAsync($"/image/v2/stores/cheap/{id}"));

            // One removal wins; the other is told the image changed under it (409) or, if it came after,
            // that the copy left is the only one (403). Never both: the data would be gone.
            var statuses = answers.Select(a => a.StatusCode).Order().ToList();
            Assert.Equal(HttpStatusCode.NoContent, statuses[0]);
            Assert.Contains(statuses[1], new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
            var left = (string?)(await owner.GetImageAsync(id))["stores"];
            Assert.Contains(left, new[] { "fast", "cheap" });
            Assert.True(File.Exists(Path.Combine(StoreFolder(left!), id)));
            Assert.Equal([1, 2, 3], await (await owner.GetAsync($"/image/v2/images/{id}/file")).Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task With_one_store_the_api_is_glances_single_store_api()
    {
        await using var single = new PortalApiFactory();
        var client = single.ClientFor("project-a");

        var stores = await client.GetAsync("/image/v2/info/stores");
        var created = await client.PostJsonTextAsync("/image/v2/images", """{"name": "x"}""");
        var remove = await client.DeleteAsync($"/image/v2/stores/file/{(await created.ReadJsonAsync()).Id()}");

        await stores.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        Assert.Contains("Multi backend is not supported at this site.", await stores.Content.ReadAsStringAsync());
        Assert.False(created.Headers.Contains("OpenStack-image-store-ids"));
        await remove.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var versions = await (await client.GetAsync("/image/versions")).ReadJsonAsync();
        Assert.DoesNotContain("v2.10", versions["versions"]!.AsArray().Select(v => (string?)v!["id"]));
    }

    [Theory]
    [InlineData("Glance:Stores:Default", "elsewhere", "Glance:Stores:Default names 'elsewhere'")]
    [InlineData("Glance:Stores:Backends:fast:Type", "ceph-fs", "Glance:Stores:Backends:fast:Type must be 'filesystem'")]
    [InlineData("Glance:Stores:Backends:os_glance_x:Type", "filesystem", "store ids beginning with 'os_glance_' are reserved")]
    public async Task A_store_setting_that_cannot_work_stops_start_up_naming_the_key(string key, string value, string message)
    {
        await using var factory = new PortalApiFactory()
            .With("Glance:Stores:Backends:fast:Type", "filesystem")
            .With("Glance:Stores:Backends:fast:Path", "fast-store")
            .With("Glance:Stores:Backends:os_glance_x:Path", "x")
            .With(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.AllMessages());
    }

    [Fact]
    public async Task Starting_without_a_store_that_holds_data_warns_naming_it()
    {
        var owner = _factory.ClientFor("project-a");
        var id = (await owner.CreateImageAsync(new { name = "kept", disk_format = "raw", container_format = "bare" })).Id();
        await (await UploadToAsync(owner, id, "cheap", [1])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();

        // Started again with the embedded single store only: the data in 'cheap' has nowhere to be read from.
        await using var restarted = PortalApiFactory.Restart(_factory);
        await using var logged = restarted.WithWebHostBuilder(builder =>
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(lines))));
        await (await logged.CreateClient().GetAsync("/image/versions")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Contains(lines, line => line.StartsWith("Store 'cheap' is not configured here, but 1 image locations are recorded in it", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("store 'fast'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fast-store", "is also the folder of store 'fast'")]
    [InlineData("fast-store/slow", "is inside the folder of store 'fast'")]
    [InlineData(".", "contains the folder of store 'fast'")]
    public async Task Two_filesystem_stores_never_share_a_folder(string path, string message)
    {
        await using var factory = new PortalApiFactory()
            .With("Glance:Stores:Backends:fast:Type", "filesystem")
            .With("Glance:Stores:Backends:fast:Path", "fast-store")
            .With("Glance:Stores:Backends:slow:Type", "filesystem")
            .With("Glance:Stores:Backends:slow:Path", path);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"Glance:Stores:Backends:slow:Path: {Path.GetFullPath(Path.Combine(factory.DataDirectory, path)).TrimEnd('/')}", error.AllMessages());
        Assert.Contains(message, error.AllMessages());
    }
}
