using System.Net;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>PATCH /v2/images/{id} in both of Glance's patch media types.</summary>
public sealed class UpdateImageTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private readonly HttpClient _owner = factory.ClientFor("project-a");
    private readonly HttpClient _other = factory.ClientFor("project-b");
    private readonly HttpClient _admin = factory.AdminClient();

    [Fact]
    public async Task Replace_changes_core_attributes_with_the_v21_media_type()
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.PatchAsync(image.Id(), """
            [{"op": "replace", "path": "/name", "value": "renamed"},
             {"op": "replace", "path": "/min_ram", "value": 512},
             {"op": "replace", "path": "/protected", "value": true},
             {"op": "replace", "path": "/visibility", "value": "private"},
             {"op": "replace", "path": "/tags", "value": ["a", "b", "a"]}]
            """);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var updated = await response.ReadJsonAsync();
        Assert.Equal("renamed", (string?)updated["name"]);
        Assert.Equal(512, (int)updated["min_ram"]!);
        Assert.True((bool)updated["protected"]!);
        Assert.Equal("private", (string?)updated["visibility"]);
        Assert.Equal(["a", "b"], updated["tags"]!.AsArray().Select(t => (string)t!).Order());
        Assert.Equal("renamed", (string?)(await _owner.GetImageAsync(image.Id()))["name"]);
    }

    [Fact]
    public async Task Requests_adding_the_same_new_property_at_once_each_succeed_or_are_told_to_try_again()
    {
        for (var round = 0; round < 5; round++)
        {
            var id = (await _owner.CreateImageAsync()).Id();

            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(n =>
                _owner.PatchAsync(id, $$"""[{"op": "add", "path": "/x_raced", "value": "v{{n}}"}]""")));

            // Never a 500: one wins, the others follow it or hear 409.
            Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
            Assert.StartsWith("v", (string?)(await _owner.GetImageAsync(id))["x_raced"]);
        }
    }

    [Fact]
    public async Task The_v20_media_type_that_Tempest_sends_works()
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.PatchAsync(image.Id(), """[{"replace": "/name", "value": "tempest"}, {"add": "/os_distro", "value": "cirros"}]""", ApiClientExtensions.V20Patch);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var updated = await response.ReadJsonAsync();
        Assert.Equal("tempest", (string?)updated["name"]);
        Assert.Equal("cirros", (string?)updated["os_distro"]);
    }

    [Fact]
    public async Task Add_overwrites_a_property_in_v21_but_not_in_v20()
    {
        var image = await _owner.CreateImageAsync(new { os_distro = "ubuntu" });

        var v20 = await _owner.PatchAsync(image.Id(), """[{"add": "/os_distro", "value": "debian"}]""", ApiClientExtensions.V20Patch);
        await v20.ShouldHaveStatusAsync(HttpStatusCode.Conflict);

        var v21 = await _owner.PatchAsync(image.Id(), """[{"op": "add", "path": "/os_distro", "value": "debian"}]""");
        await v21.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("debian", (string?)(await v21.ReadJsonAsync())["os_distro"]);
    }

    [Fact]
    public async Task Remove_deletes_a_custom_property()
    {
        var image = await _owner.CreateImageAsync(new { os_distro = "ubuntu" });

        var response = await _owner.PatchAsync(image.Id(), """[{"op": "remove", "path": "/os_distro"}]""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.False((await _owner.GetImageAsync(image.Id())).ContainsKey("os_distro"));
    }

    [Theory]
    [InlineData("""[{"op": "replace", "path": "/missing", "value": "x"}]""")]
    [InlineData("""[{"op": "remove", "path": "/missing"}]""")]
    public async Task Replacing_or_removing_a_missing_property_is_409(string patch)
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.PatchAsync(image.Id(), patch)).ShouldHaveStatusAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("visibility")]
    [InlineData("min_ram")]
    public async Task Removing_a_core_attribute_is_403(string attribute)
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.PatchAsync(image.Id(), $$"""[{"op": "remove", "path": "/{{attribute}}"}]""")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("id")]
    [InlineData("checksum")]
    [InlineData("size")]
    [InlineData("created_at")]
    [InlineData("self")]
    [InlineData("os_hash_value")]
    public async Task Read_only_attributes_are_403_even_for_remove(string attribute)
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.PatchAsync(image.Id(), $$"""[{"op": "replace", "path": "/{{attribute}}", "value": "x"}]""")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _owner.PatchAsync(image.Id(), $$"""[{"op": "remove", "path": "/{{attribute}}"}]""")).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("os_glance_import_task")]
    [InlineData("deleted")]
    [InlineData("location")]
    public async Task Reserved_attributes_are_403(string attribute)
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.PatchAsync(image.Id(), $$"""[{"op": "add", "path": "/{{attribute}}", "value": "x"}]""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{"op": "replace", "path": "/name"}""")]
    [InlineData("""{"op": "move", "path": "/name", "value": "x"}""")]
    [InlineData("""{"path": "/name", "value": "x"}""")]
    [InlineData("""{"op": "replace", "value": "x"}""")]
    [InlineData("""{"op": "replace", "path": "name", "value": "x"}""")]
    [InlineData("""{"op": "replace", "path": "/name/first", "value": "x"}""")]
    [InlineData("""{"op": "replace", "path": "//name", "value": "x"}""")]
    [InlineData("""{"op": "replace", "path": "/tags/-", "value": "x"}""")]
    [InlineData("""{"op": "replace", "path": "/na~2me", "value": "x"}""")]
    [InlineData(""""just a string"""")]
    public async Task Malformed_operations_are_400(string operation)
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.PatchAsync(image.Id(), $"[{operation}]")).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""[{"replace": "/name", "remove": "/name", "value": "x"}]""")]
    [InlineData("""[{"value": "x"}]""")]
    public async Task Malformed_v20_operations_are_400(string patch)
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.PatchAsync(image.Id(), patch, ApiClientExtensions.V20Patch)).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"op": "replace", "path": "/name"}""")]
    [InlineData("""[{"op": "replace", "path": "/name", "value": 5}]""")]
    [InlineData("""[{"op": "replace", "path": "/visibility", "value": "foo"}]""")]
    [InlineData("""[{"op": "replace", "path": "/min_disk", "value": -1}]""")]
    [InlineData("""[{"op": "replace", "path": "/min_disk", "value": 2147483648}]""")]
    [InlineData("""[{"op": "replace", "path": "/os_hidden", "value": "true"}]""")]
    [InlineData("""[{"op": "add", "path": "/custom", "value": 1}]""")]
    [InlineData("""[{"op": "add", "path": "/custom", "value": "\ud83d\ude00"}]""")]
    [InlineData("not json")]
    public async Task Bad_bodies_and_values_are_400(string patch)
    {
        var image = await _owner.CreateImageAsync();

        await (await _owner.PatchAsync(image.Id(), patch)).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json-patch+json")]
    public async Task Other_media_types_are_415_with_accept_patch(string mediaType)
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.PatchAsync(image.Id(), """[{"op": "replace", "path": "/name", "value": "x"}]""", mediaType);

        await response.ShouldHaveStatusAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/openstack-images-v2.1-json-patch", response.Headers.GetValues("Accept-Patch").Single());
    }

    [Fact]
    public async Task A_refused_patch_changes_nothing()
    {
        var image = await _owner.CreateImageAsync(new { name = "before", os_distro = "ubuntu" });

        var response = await _owner.PatchAsync(image.Id(), """
            [{"op": "replace", "path": "/name", "value": "after"},
             {"op": "remove", "path": "/os_distro"},
             {"op": "replace", "path": "/missing", "value": "x"}]
            """);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
        var unchanged = await _owner.GetImageAsync(image.Id());
        Assert.Equal("before", (string?)unchanged["name"]);
        Assert.Equal("ubuntu", (string?)unchanged["os_distro"]);
        Assert.Equal(image["updated_at"]!.ToString(), unchanged["updated_at"]!.ToString());
    }

    [Fact]
    public async Task An_empty_patch_returns_the_image_unchanged()
    {
        var image = await _owner.CreateImageAsync(new { name = "same" });

        var response = await _owner.PatchAsync(image.Id(), "[]");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("same", (string?)(await response.ReadJsonAsync())["name"]);
    }

    [Fact]
    public async Task Another_project_gets_403_on_a_visible_image_and_404_on_an_invisible_one()
    {
        var community = await _owner.CreateImageAsync(new { visibility = "community" });
        var priv = await _owner.CreateImageAsync(new { visibility = "private" });
        const string patch = """[{"op": "replace", "path": "/name", "value": "mine"}]""";

        await (await _other.PatchAsync(community.Id(), patch)).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _other.PatchAsync(priv.Id(), patch)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("replace")]
    [InlineData("add")]
    public async Task Only_admins_change_the_owner(string op)
    {
        var image = await _owner.CreateImageAsync();
        var patch = $$"""[{"op": "{{op}}", "path": "/owner", "value": "project-b"}]""";

        await (await _owner.PatchAsync(image.Id(), patch)).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);

        var response = await _admin.PatchAsync(image.Id(), patch);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("project-b", (string?)(await response.ReadJsonAsync())["owner"]);
    }

    [Fact]
    public async Task Only_admins_make_an_image_public()
    {
        var image = await _owner.CreateImageAsync();
        const string patch = """[{"op": "replace", "path": "/visibility", "value": "public"}]""";

        await (await _owner.PatchAsync(image.Id(), patch)).ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        await (await _admin.PatchAsync(image.Id(), patch)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Formats_are_fixed_once_the_image_has_data()
    {
        var image = await _owner.CreateImageAsync();
        (await _owner.UploadAsync(image.Id(), [1, 2, 3])).EnsureSuccessStatusCode();

        var response = await _owner.PatchAsync(image.Id(), """[{"op": "replace", "path": "/disk_format", "value": "raw"}]""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("can be only replaced for a queued image", (string?)(await response.ReadJsonAsync())["message"]);
    }

    [Fact]
    public async Task Locations_cannot_be_changed_while_they_are_hidden()
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.PatchAsync(image.Id(), """[{"op": "add", "path": "/locations/-", "value": {"url": "http://x", "metadata": {}}}]""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_property_can_be_set_to_a_json_pointer_escaped_name()
    {
        var image = await _owner.CreateImageAsync();

        var response = await _owner.PatchAsync(image.Id(), """[{"op": "add", "path": "/a~1b~0c", "value": "x"}]""");

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("x", (string?)(await response.ReadJsonAsync())["a/b~c"]);
    }
}
