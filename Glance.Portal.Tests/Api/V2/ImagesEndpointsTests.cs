using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

public sealed class ImagesEndpointsTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private readonly HttpClient _owner = factory.ClientFor("project-a");
    private readonly HttpClient _other = factory.ClientFor("project-b");
    private readonly HttpClient _admin = factory.AdminClient();

    [Fact]
    public async Task Create_applies_Glance_defaults_and_returns_location()
    {
        var response = await _owner.PostAsJsonAsync("/image/v2/images", new { name = "cirros" });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var image = await response.ReadJsonAsync();
        Assert.Equal("queued", (string?)image["status"]);
        Assert.Equal("shared", (string?)image["visibility"]);
        Assert.Equal("project-a", (string?)image["owner"]);
        Assert.False((bool)image["protected"]!);
        Assert.False((bool)image["os_hidden"]!);
        Assert.Equal(0, (int)image["min_ram"]!);
        Assert.Equal(0, (int)image["min_disk"]!);
        Assert.Null(image["size"]);
        Assert.Null(image["checksum"]);
        Assert.True(image.ContainsKey("virtual_size"));
        Assert.Empty(image["tags"]!.AsArray());
        Assert.Equal($"/v2/images/{image.Id()}", (string?)image["self"]);
        Assert.Equal($"/v2/images/{image.Id()}/file", (string?)image["file"]);
        Assert.Equal("/v2/schemas/image", (string?)image["schema"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", (string?)image["created_at"]);
        Assert.Equal(new Uri($"http://localhost/image/v2/images/{image.Id()}"), response.Headers.Location);
    }

    [Fact]
    public async Task Create_keeps_custom_properties_and_deduplicates_tags()
    {
        var image = await _owner.CreateImageAsync(new { name = "ubuntu", os_distro = "ubuntu", hw_disk_bus = "scsi", tags = new[] { "lts", "lts", "x86" } });

        Assert.Equal("ubuntu", (string?)image["os_distro"]);
        Assert.Equal("scsi", (string?)image["hw_disk_bus"]);
        Assert.Equal(["lts", "x86"], image["tags"]!.AsArray().Select(t => (string)t!).Order());
        var shown = await _owner.GetImageAsync(image.Id());
        Assert.Equal("scsi", (string?)shown["hw_disk_bus"]);
    }

    [Fact]
    public async Task Create_with_an_explicit_id_uses_it_and_refuses_it_twice()
    {
        var id = Guid.NewGuid().ToString();
        await _owner.CreateImageAsync(new { id, name = "first" });

        var again = await _owner.PostAsJsonAsync("/image/v2/images", new { id, name = "second" });

        await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        Assert.Equal("first", (string?)(await _owner.GetImageAsync(id))["name"]);
    }

    [Fact]
    public async Task Create_refuses_the_id_of_a_deleted_image()
    {
        var image = await _owner.CreateImageAsync();
        (await _owner.DeleteAsync($"/image/v2/images/{image.Id()}")).EnsureSuccessStatusCode();

        var again = await _owner.PostAsJsonAsync("/image/v2/images", new { id = image.Id() });

        await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("not json")]
    [InlineData("{\"name\": \"a\",}")]
    public async Task Create_refuses_malformed_json(string body)
    {
        var response = await _owner.PostJsonTextAsync("/image/v2/images", body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Malformed JSON", (string?)(await response.ReadJsonAsync())["message"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("\"just a string\"")]
    public async Task Create_refuses_a_body_that_is_not_an_object(string body)
    {
        var response = await _owner.PostJsonTextAsync("/image/v2/images", body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"name\": 5}")]
    [InlineData("{\"protected\": \"yes\"}")]
    [InlineData("{\"os_hidden\": 1}")]
    [InlineData("{\"min_ram\": \"512\"}")]
    [InlineData("{\"min_disk\": 1.5}")]
    [InlineData("{\"visibility\": \"everyone\"}")]
    [InlineData("{\"container_format\": \"zip\"}")]
    [InlineData("{\"disk_format\": \"exe\"}")]
    [InlineData("{\"tags\": \"one\"}")]
    [InlineData("{\"tags\": [1]}")]
    [InlineData("{\"os_distro\": 7}")]
    [InlineData("{\"custom\": {\"nested\": true}}")]
    [InlineData("{\"ramdisk_id\": \"not-a-uuid\"}")]
    [InlineData("{\"id\": \"not-a-uuid\"}")]
    public async Task Create_refuses_values_of_the_wrong_type(string body)
    {
        var response = await _owner.PostJsonTextAsync("/image/v2/images", body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"min_disk\": 2147483648}", "out of range")]
    [InlineData("{\"min_ram\": 99999999999999999999999}", "out of range")]
    [InlineData("{\"min_disk\": -1}", "negative")]
    public async Task Create_refuses_min_disk_and_min_ram_out_of_range(string body, string message)
    {
        var response = await _owner.PostJsonTextAsync("/image/v2/images", body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Contains(message, (string?)(await response.ReadJsonAsync())["message"]);
    }

    [Fact]
    public async Task Create_accepts_the_largest_min_disk()
    {
        var image = await _owner.CreateImageAsync(new { min_disk = int.MaxValue });

        Assert.Equal(int.MaxValue, (int)image["min_disk"]!);
    }

    [Theory]
    [InlineData("{\"name\": \"smile \\ud83d\\ude00\"}")]
    [InlineData("{\"os_distro\": \"\\ud83d\\ude00\"}")]
    [InlineData("{\"\\ud83d\\ude00\": \"x\"}")]
    [InlineData("{\"tags\": [\"\\ud83d\\ude00\"]}")]
    public async Task Create_refuses_4_byte_utf8(string body)
    {
        var response = await _owner.PostJsonTextAsync("/image/v2/images", body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_refuses_a_custom_key_longer_than_255()
    {
        var body = new JsonObject { [new string('k', 256)] = "v" };

        var response = await _owner.PostAsJsonAsync("/image/v2/images", body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("status", "\"active\"")]
    [InlineData("checksum", "\"abc\"")]
    [InlineData("size", "5")]
    [InlineData("virtual_size", "5")]
    [InlineData("created_at", "\"2020-01-01T00:00:00Z\"")]
    [InlineData("updated_at", "\"2020-01-01T00:00:00Z\"")]
    [InlineData("os_hash_algo", "\"sha512\"")]
    [InlineData("os_hash_value", "\"abc\"")]
    [InlineData("self", "\"/x\"")]
    [InlineData("file", "\"/x\"")]
    [InlineData("schema", "\"/x\"")]
    [InlineData("direct_url", "\"file:///x\"")]
    [InlineData("stores", "\"a\"")]
    public async Task Create_refuses_read_only_attributes(string key, string value)
    {
        var response = await _owner.PostJsonTextAsync("/image/v2/images", $"{{\"{key}\": {value}}}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains($"Attribute '{key}' is read-only.", (string?)(await response.ReadJsonAsync())["message"]);
    }

    [Theory]
    [InlineData("os_glance_foo")]
    [InlineData("os_glance_import_task")]
    [InlineData("location")]
    [InlineData("deleted")]
    [InlineData("deleted_at")]
    [InlineData("locations")]
    public async Task Create_refuses_reserved_attributes(string key)
    {
        var value = key == "locations" ? "[]" : "\"x\"";
        var response = await _owner.PostJsonTextAsync("/image/v2/images", $"{{\"{key}\": {value}}}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("reserved", (string?)(await response.ReadJsonAsync())["message"]);
    }

    [Fact]
    public async Task Only_admins_create_public_images()
    {
        var refused = await _owner.PostAsJsonAsync("/image/v2/images", new { visibility = "public" });
        await refused.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);

        var image = await _admin.CreateImageAsync(new { visibility = "public" });
        Assert.Equal("public", (string?)image["visibility"]);
    }

    [Fact]
    public async Task Members_may_create_community_and_private_images()
    {
        Assert.Equal("community", (string?)(await _owner.CreateImageAsync(new { visibility = "community" }))["visibility"]);
        Assert.Equal("private", (string?)(await _owner.CreateImageAsync(new { visibility = "private" }))["visibility"]);
    }

    [Fact]
    public async Task Only_admins_create_images_for_another_project()
    {
        var refused = await _owner.PostAsJsonAsync("/image/v2/images", new { owner = "project-b" });
        await refused.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);

        var image = await _admin.CreateImageAsync(new { owner = "project-b" });
        Assert.Equal("project-b", (string?)image["owner"]);
    }

    [Fact]
    public async Task Show_hides_images_the_caller_cannot_see()
    {
        var priv = await _owner.CreateImageAsync(new { visibility = "private" });
        var shared = await _owner.CreateImageAsync(new { visibility = "shared" });
        var community = await _owner.CreateImageAsync(new { visibility = "community" });

        await (await _other.GetAsync($"/image/v2/images/{priv.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await _other.GetAsync($"/image/v2/images/{shared.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await _other.GetAsync($"/image/v2/images/{community.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await _admin.GetAsync($"/image/v2/images/{priv.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-an-image")]
    [InlineData("00000000-0000-0000-0000-0000000000001")]
    public async Task Show_answers_404_for_unknown_ids(string id)
    {
        var response = await _owner.GetAsync($"/image/v2/images/{id}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var error = await response.ReadJsonAsync();
        Assert.Equal("404 Not Found", (string?)error["code"]);
        Assert.Equal("Not Found", (string?)error["title"]);
    }

    [Fact]
    public async Task Show_refuses_a_body()
    {
        var image = await _owner.CreateImageAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/image/v2/images/{image.Id()}") { Content = new StringContent("{}") };

        var response = await _owner.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Delete_removes_the_image_and_a_second_delete_is_404()
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.DeleteAsync($"/image/v2/images/{image.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await _owner.GetAsync($"/image/v2/images/{image.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await _owner.DeleteAsync($"/image/v2/images/{image.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_removes_the_data_from_the_store()
    {
        var image = await _owner.CreateImageAsync();
        (await _owner.UploadAsync(image.Id(), [1, 2, 3])).EnsureSuccessStatusCode();
        Assert.Contains(image.Id(), await factory.Store.ObjectsAsync());

        (await _owner.DeleteAsync($"/image/v2/images/{image.Id()}")).EnsureSuccessStatusCode();

        Assert.DoesNotContain(image.Id(), await factory.Store.ObjectsAsync());
    }

    [Fact]
    public async Task Delete_refuses_protected_images()
    {
        var image = await _owner.CreateImageAsync(new { @protected = true });

        var response = await _owner.DeleteAsync($"/image/v2/images/{image.Id()}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("is protected", (string?)(await response.ReadJsonAsync())["message"]);
        await _owner.GetImageAsync(image.Id());
    }

    [Fact]
    public async Task Delete_by_another_project_is_403_when_visible_and_404_when_not()
    {
        var community = await _owner.CreateImageAsync(new { visibility = "community" });
        var priv = await _owner.CreateImageAsync(new { visibility = "private" });

        await (await _other.DeleteAsync($"/image/v2/images/{community.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _other.DeleteAsync($"/image/v2/images/{priv.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_may_delete_any_image()
    {
        var image = await _owner.CreateImageAsync(new { visibility = "private" });

        await (await _admin.DeleteAsync($"/image/v2/images/{image.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Unsupported_methods_get_405_with_allow()
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.PostAsync($"/image/v2/images/{image.Id()}", null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.MethodNotAllowed);
        var allow = response.Content.Headers.Allow;
        Assert.Contains("GET", allow);
        Assert.Contains("PATCH", allow);
        Assert.Contains("DELETE", allow);
    }

    [Fact]
    public async Task Calls_without_a_confirmed_identity_get_401()
    {
        var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/image/v2/images");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }
}
