using System.Net;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

public sealed class SchemasEndpointsTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private readonly HttpClient _client = factory.ClientFor("project-a");

    [Theory]
    [InlineData("image")]
    [InlineData("images")]
    [InlineData("member")]
    [InlineData("members")]
    public async Task Each_schema_is_served_under_its_name(string name)
    {
        var response = await _client.GetAsync($"/image/v2/schemas/{name}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(name, (string?)(await response.ReadJsonAsync())["name"]);
    }

    [Fact]
    public async Task The_image_schema_lists_core_and_extra_properties_with_their_constraints()
    {
        var schema = await (await _client.GetAsync("/image/v2/schemas/image")).ReadJsonAsync();
        var properties = schema["properties"]!.AsObject();

        foreach (var core in new[] { "id", "name", "status", "visibility", "protected", "os_hidden", "checksum", "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "container_format", "disk_format", "created_at", "updated_at", "tags", "min_ram", "min_disk", "self", "file", "schema", "locations", "direct_url" })
        {
            Assert.True(properties.ContainsKey(core), core);
        }
        foreach (var extra in new[] { "kernel_id", "ramdisk_id", "instance_uuid", "architecture", "os_distro", "os_version", "description" })
        {
            Assert.False((bool)properties[extra]!["is_base"]!, extra);
        }
        Assert.Contains("qcow2", properties["disk_format"]!["enum"]!.AsArray().Select(v => (string?)v));
        // Only with multi-store, as in Glance; glanceclient's own --stores option would collide with it.
        Assert.False(properties.ContainsKey("stores"));
        Assert.Equal("string", (string?)schema["additionalProperties"]!["type"]);
        Assert.Equal(3, schema["links"]!.AsArray().Count);
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        var response = await _client.PostAsync("/image/v2/schemas/image", null);

        await response.ShouldHaveStatusAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
    }
}

public sealed class ClosedSchemaTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new PortalApiFactory().With("Glance:AllowAdditionalImageProperties", "false");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Without_additional_properties_only_schema_properties_are_accepted()
    {
        var client = _factory.ClientFor("project-a");

        var schema = await (await client.GetAsync("/image/v2/schemas/image")).ReadJsonAsync();
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Null(schema["links"]);

        await (await client.PostJsonTextAsync("/image/v2/images", """{"hw_disk_bus": "scsi"}""")).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        var image = await client.CreateImageAsync(new { os_distro = "cirros" });
        Assert.Equal("cirros", (string?)image["os_distro"]);
        await (await client.PatchAsync(image.Id(), """[{"op": "add", "path": "/hw_disk_bus", "value": "scsi"}]""")).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }
}
