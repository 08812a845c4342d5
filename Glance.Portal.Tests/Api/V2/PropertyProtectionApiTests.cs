using System.Net;
using System.Net.Http.Json;
using Glance.Domain.Common;
using Glance.Domain.PropertyProtections;
using Glance.Portal.Tests.Domain.PropertyProtections;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>Property protections on the API with Glance's status codes (reference §6.2).</summary>
public sealed class PropertyProtectionApiTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"glance-protections-{Guid.NewGuid():N}.conf");
    private PortalApiFactory _factory = null!;
    private HttpClient _member = null!;
    private HttpClient _admin = null!;
    private string _id = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_file, SampleRuleFiles.Nuanced);
        _factory = new PortalApiFactory().With("Glance:PropertyProtection:File", _file);
        _member = _factory.ClientFor("P");
        _admin = _factory.AdminClient();
        _id = (await _member.CreateImageAsync(new { name = "protected", x_keep = "k", x_open = "o" })).Id();
        await (await _admin.PatchAsync(_id, """[{"op":"add","path":"/x_secret","value":"s"},{"op":"add","path":"/x_readonly","value":"r"}]""")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        File.Delete(_file);
    }

    private static async Task ShouldSayAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        await response.ShouldHaveStatusAsync(status);
        Assert.Contains(message, (string)(await response.ReadJsonAsync())["message"]!);
    }

    [Fact]
    public async Task Unreadable_properties_are_left_out_of_show_list_and_patch_responses()
    {
        var shown = await _member.GetImageAsync(_id);
        Assert.False(shown.ContainsKey("x_secret"));
        Assert.Equal("r", (string)shown["x_readonly"]!);

        var listed = (await (await _member.GetAsync("/image/v2/images")).ReadJsonAsync())["images"]!.AsArray().Single(i => (string)i!["id"]! == _id)!;
        Assert.False(listed.AsObject().ContainsKey("x_secret"));

        var patched = await (await _member.PatchAsync(_id, """[{"op":"replace","path":"/name","value":"renamed"}]""")).ReadJsonAsync();
        Assert.False(patched.ContainsKey("x_secret"));
        Assert.Equal("s", (string)(await _admin.GetImageAsync(_id))["x_secret"]!);
    }

    [Fact]
    public async Task Saving_without_seeing_a_property_keeps_it()
    {
        await (await _member.PatchAsync(_id, """[{"op":"replace","path":"/x_keep","value":"changed"},{"op":"add","path":"/x_new","value":"n"}]"""))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var seenByAdmin = await _admin.GetImageAsync(_id);
        Assert.Equal("s", (string)seenByAdmin["x_secret"]!);
        Assert.Equal("changed", (string)seenByAdmin["x_keep"]!);
        Assert.Equal("n", (string)seenByAdmin["x_new"]!);
    }

    [Fact]
    public async Task Create_update_and_delete_denials_are_403()
    {
        await ShouldSayAsync(await _member.PostAsJsonAsync("/image/v2/images", new { name = "n", x_readonly = "v" }), HttpStatusCode.Forbidden, "Attribute 'x_readonly' is reserved.");
        await ShouldSayAsync(await _member.PatchAsync(_id, """[{"op":"replace","path":"/x_readonly","value":"v"}]"""), HttpStatusCode.Forbidden, "Attribute 'x_readonly' is reserved.");
        // v2.1 add over an existing readable property is an update.
        await ShouldSayAsync(await _member.PatchAsync(_id, """[{"op":"add","path":"/x_readonly","value":"v"}]"""), HttpStatusCode.Forbidden, "Attribute 'x_readonly' is reserved.");
        await ShouldSayAsync(await _member.PatchAsync(_id, """[{"op":"remove","path":"/x_keep"}]"""), HttpStatusCode.Forbidden, "Attribute 'x_keep' is reserved.");

        var image = await _admin.GetImageAsync(_id);
        Assert.Equal("r", (string)image["x_readonly"]!);
        Assert.Equal("k", (string)image["x_keep"]!);
    }

    [Fact]
    public async Task Replacing_or_removing_an_unreadable_property_is_409_and_adding_it_is_a_create()
    {
        await ShouldSayAsync(await _member.PatchAsync(_id, """[{"op":"replace","path":"/x_secret","value":"v"}]"""), HttpStatusCode.Conflict, "Property x_secret does not exist.");
        await ShouldSayAsync(await _member.PatchAsync(_id, """[{"op":"remove","path":"/x_secret"}]"""), HttpStatusCode.Conflict, "Property x_secret does not exist.");
        await ShouldSayAsync(await _member.PatchAsync(_id, """[{"op":"add","path":"/x_secret","value":"v"}]"""), HttpStatusCode.Forbidden, "Attribute 'x_secret' is reserved.");

        Assert.Equal("s", (string)(await _admin.GetImageAsync(_id))["x_secret"]!);
    }

    [Fact]
    public async Task A_rule_change_takes_effect_on_the_next_request_without_restart()
    {
        Assert.Equal("r", (string)(await _member.GetImageAsync(_id))["x_readonly"]!);
        var protections = _factory.Services.GetRequiredService<PropertyProtectionService>();
        var root = new CallerContext("root", "admin", ["admin"]);

        await protections.SaveAsync(root, SampleRuleFiles.Nuanced.Replace("read = admin,member\nupdate = admin\n", "read = admin\nupdate = admin\n"), ProtectionRuleFormat.Roles, "x_readonly for admins only");

        Assert.False((await _member.GetImageAsync(_id)).ContainsKey("x_readonly"));
        await protections.RollbackAsync(root, 1, null);
        Assert.Equal("r", (string)(await _member.GetImageAsync(_id))["x_readonly"]!);
    }
}

/// <summary>A rule file Glance would refuse stops start-up with a message naming the section.</summary>
public sealed class BadProtectionFileTests
{
    [Theory]
    [InlineData("[^x_(.*]\ncreate = @\nread = @\nupdate = @\ndelete = @", "roles", "[^x_(.*]")]
    [InlineData("[^x_.*]\ncreate = @\nread = @\nupdate = @", "roles", "'delete' operation is missing")]
    [InlineData("[^x_.*]\ncreate = @,!\nread = @\nupdate = @\ndelete = @", "roles", "both '@' and '!'")]
    [InlineData("[^x_.*]\ncreate = default,context_is_admin\nread = default\nupdate = default\ndelete = default", "policies", "several policies")]
    public async Task A_bad_file_stops_start_up(string content, string format, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"glance-protections-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(path, content);
        try
        {
            await using var factory = new PortalApiFactory()
                .With("Glance:PropertyProtection:File", path)
                .With("Glance:PropertyProtection:RuleFormat", format);

            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

            Assert.Contains("Glance:PropertyProtection:File", error.ToString());
            Assert.Contains(message, error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_file_or_an_unknown_format_stops_start_up()
    {
        await using (var factory = new PortalApiFactory().With("Glance:PropertyProtection:File", "/nonexistent/protections.conf"))
        {
            Assert.Contains("/nonexistent/protections.conf", Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString());
        }
        await using (var factory = new PortalApiFactory().With("Glance:PropertyProtection:RuleFormat", "acl"))
        {
            Assert.Contains("neither 'roles' nor 'policies'", Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString());
        }
    }
}
