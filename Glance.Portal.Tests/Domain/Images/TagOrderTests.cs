using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.Images;

/// <summary>Tag filters in the default order, which walk the tag's rows (each carrying its image's created_at).</summary>
public sealed class TagOrderTests : IAsyncLifetime
{
    private readonly PortalApiFactory _factory = new();
    private readonly CallerContext _caller = new("u", "S", ["member", "reader"]);
    private readonly CallerContext _other = new("o", "T", ["member", "reader"]);
    private ImageService _images = null!;

    public async ValueTask InitializeAsync()
    {
        _factory.CreateClient();
        _images = _factory.Services.GetRequiredService<ImageService>();
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private Task<Image> Create(string name, CallerContext? caller = null, params string[] tags) =>
        _images.CreateAsync(caller ?? _caller, new NewImage { Name = name, Tags = tags });

    private async Task<List<string>> PageThroughAsync(ImageQuery query)
    {
        var names = new List<string>();
        string? marker = null;
        ImagePage page;
        do
        {
            page = await _images.ListAsync(_caller, query with { Limit = 2, Marker = marker });
            names.AddRange(page.Images.Select(i => i.Name!));
            marker = page.Images.LastOrDefault()?.Id;
        }
        while (page.HasMore);
        return names;
    }

    [Fact]
    public async Task A_tag_added_later_keeps_its_image_in_created_order_and_every_other_filter_holds()
    {
        var oldest = await Create("oldest");
        await Create("plain", null, "blue");
        await Create("both", null, "blue", "green");
        await Create("strangers", _other, "blue");
        await Create("newest", null, "blue");
        // Tagged last, but created first: it belongs at the end of a newest-first list.
        await _images.AddTagAsync(_caller, oldest.Id, "blue");

        Assert.Equal(["newest", "both", "plain", "oldest"], await PageThroughAsync(new ImageQuery { Tags = ["blue"] }));
        Assert.Equal(["both"], await PageThroughAsync(new ImageQuery { Tags = ["blue", "green"] }));
        Assert.Equal(["both"], await PageThroughAsync(new ImageQuery { Tags = ["green", "blue"] }));
        // Another order does not take the tag's walk, and agrees.
        Assert.Equal(["both", "newest", "oldest", "plain"],
            await PageThroughAsync(new ImageQuery { Tags = ["blue"], Sort = [new SortKey("name", false)] }));
    }

    [Fact]
    public async Task A_removed_tag_no_longer_finds_its_image()
    {
        var image = await Create("tagged", null, "red");
        await _images.RemoveTagAsync(_caller, image.Id, "red");

        Assert.Empty(await PageThroughAsync(new ImageQuery { Tags = ["red"] }));
    }
}
