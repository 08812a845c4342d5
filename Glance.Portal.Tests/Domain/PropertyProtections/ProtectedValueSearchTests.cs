using System.Net;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.PropertyProtections;

/// <summary>
/// A value the caller may not read decides nothing for that caller: not the portal's search words
/// (whole or any substring, so it cannot be recovered character by character), not its exclusions,
/// its <c>key=value</c> terms or its os_distro facet, and not the API's property filters. Callers who
/// may read it find it as before.
/// </summary>
public sealed class ProtectedValueSearchTests : IAsyncLifetime
{
    private const string Rules = """
        [^x_internal_]
        create = admin
        read = admin
        update = admin
        delete = admin

        [^os_distro$]
        create = admin
        read = admin
        update = admin
        delete = admin

        [.*]
        create = admin,member
        read = admin,member,reader
        update = admin,member
        delete = admin,member
        """;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"glance-protected-search-{Guid.NewGuid():N}.conf");
    private readonly CallerContext _admin = new("root", "admin", ["admin", "member", "reader"]);
    private readonly CallerContext _member = new("alice", "searchers", ["member", "reader"]);
    private readonly string _marker = "zq" + Guid.NewGuid().ToString("N")[..6];
    private PortalApiFactory _factory = null!;
    private ImageService _images = null!;
    private string _hidden = "";
    private string _open = "";

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_file, Rules);
        _factory = new PortalApiFactory().With("Glance:PropertyProtection:File", _file);
        _factory.CreateClient();
        _images = _factory.Services.GetRequiredService<ImageService>();

        // The marker is in an admin-only value of one image and in a readable value of another.
        _hidden = (await _images.CreateAsync(_admin, new NewImage
        {
            Name = "alpha",
            Visibility = ImageVisibility.Public,
            Properties = new Dictionary<string, string?> { ["x_internal_code"] = $"code-{_marker}-end", ["os_distro"] = "secretos", ["description"] = "plain" },
        })).Id;
        _open = (await _images.CreateAsync(_admin, new NewImage
        {
            Name = "beta",
            Visibility = ImageVisibility.Public,
            Properties = new Dictionary<string, string?> { ["description"] = $"about {_marker} openly" },
        })).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        File.Delete(_file);
    }

    private async Task<List<string>> SearchAsync(CallerContext caller, string text)
    {
        var page = await _images.ListAsync(caller, new ImageQuery { Search = ImageSearch.Parse(text), Limit = 1000 });
        return page.Images.Select(i => i.Id).Where(id => id == _hidden || id == _open).ToList();
    }

    [Fact]
    public async Task Search_words_match_only_values_the_caller_may_read_whole_or_in_part()
    {
        var whole = $"code-{_marker}-end";
        for (var length = 3; length <= whole.Length; length++)
        {
            foreach (var start in new[] { 0, whole.Length - length })
            {
                var part = whole.Substring(start, length);
                if (part.StartsWith('-'))
                {
                    continue; // the search reads that as an excluded word
                }
                // What the member may read of each image: its name and its readable values.
                var expected = new List<string>();
                if ("alpha".Contains(part) || "plain".Contains(part))
                {
                    expected.Add(_hidden);
                }
                if ("beta".Contains(part) || $"about {_marker} openly".Contains(part))
                {
                    expected.Add(_open);
                }
                Assert.Equal(expected.Order(), (await SearchAsync(_member, part)).Order());
            }
        }
        Assert.Equal([_hidden], await SearchAsync(_admin, "code-" + _marker));
        Assert.Equal(new[] { _hidden, _open }.Order(), (await SearchAsync(_admin, _marker)).Order());
        Assert.Empty(await SearchAsync(_member, "secretos"));
        Assert.Equal([_hidden], await SearchAsync(_admin, "secretos"));
    }

    [Fact]
    public async Task An_excluded_word_excludes_only_by_values_the_caller_may_read()
    {
        Assert.Equal([_hidden], await SearchAsync(_member, "-" + _marker));
        Assert.Equal([_hidden], await SearchAsync(_member, "-openly"));
        Assert.Empty(await SearchAsync(_admin, "-" + _marker));
    }

    [Fact]
    public async Task Property_terms_on_a_hidden_property_see_no_value()
    {
        var value = $"code-{_marker}-end";
        Assert.Empty(await SearchAsync(_member, $"x_internal_code={value}"));
        Assert.Empty(await SearchAsync(_member, "os_distro=secretos"));
        Assert.Equal(new[] { _hidden, _open }.Order(), (await SearchAsync(_member, $"x_internal_code!={value}")).Order());
        Assert.Equal([_hidden], await SearchAsync(_admin, $"x_internal_code={value}"));
        Assert.Equal([_open], await SearchAsync(_admin, $"x_internal_code!={value}"));
    }

    [Fact]
    public async Task Facets_count_neither_hidden_matches_nor_hidden_os_distro_values()
    {
        var member = await _images.FacetsAsync(_member, new ImageQuery { Search = ImageSearch.Parse(_marker) });
        Assert.Equal(1, member.Total);
        Assert.Empty(member.OsDistro);
        var all = await _images.FacetsAsync(_member, new ImageQuery());
        Assert.Empty(all.OsDistro);

        var admin = await _images.FacetsAsync(_admin, new ImageQuery { Search = ImageSearch.Parse(_marker) });
        Assert.Equal(2, admin.Total);
        Assert.Equal(1, admin.OsDistro["secretos"]);
    }

    [Fact]
    public async Task The_apis_property_filters_do_not_match_a_value_the_caller_may_not_read()
    {
        var value = Uri.EscapeDataString($"code-{_marker}-end");
        var member = await _factory.ClientFor("searchers").GetAsync($"/image/v2/images?x_internal_code={value}");
        await member.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Empty((await member.ReadJsonAsync())["images"]!.AsArray());
        var distro = await _factory.ClientFor("searchers").GetAsync("/image/v2/images?os_distro=secretos");
        Assert.Empty((await distro.ReadJsonAsync())["images"]!.AsArray());

        var admin = await _factory.AdminClient().GetAsync($"/image/v2/images?x_internal_code={value}");
        Assert.Equal([_hidden], (await admin.ReadJsonAsync())["images"]!.AsArray().Select(i => (string)i!["id"]!));
    }
}
