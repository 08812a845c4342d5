using System.Net;
using Glance.Portal.Tests.TestInfrastructure;

namespace Glance.Portal.Tests.Api.V2;

/// <summary>Four images of project F that the filters tell apart, two created before <see cref="Between"/> and two after.</summary>
public sealed class ImageFilterWorld : PortalApiFactory, IAsyncLifetime
{
    public DateTime Between { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var client = ClientFor("F");
        await Create(client, new { name = "alpha", disk_format = "qcow2", container_format = "bare", min_ram = 512, os_distro = "ubuntu", tags = new[] { "lts" } }, data: 10);
        await Create(client, new { name = "glass, darkly", disk_format = "raw", container_format = "bare", min_disk = 20, os_distro = "debian" }, data: 100);
        await Task.Delay(50);
        Between = DateTime.UtcNow;
        await Task.Delay(50);
        await Create(client, new { name = "share me", disk_format = "iso", container_format = "bare", @protected = true, tags = new[] { "lts", "edge" } }, data: 1000);
        await Create(client, new { name = "with:colon", visibility = "private" });
    }

    private static async Task Create(HttpClient client, object body, int? data = null)
    {
        var image = await client.CreateImageAsync(body);
        if (data is { } size)
        {
            await (await client.UploadAsync(image.Id(), new byte[size])).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

/// <summary>One test per list parameter and operator of glance-v2-reference §4.3.</summary>
public sealed class ListImagesFilterTests(ImageFilterWorld world) : IClassFixture<ImageFilterWorld>
{
    private readonly HttpClient _client = world.ClientFor("F");
    private readonly DateTime _between = world.Between;

    private async Task<string[]> NamesAsync(string query)
    {
        var response = await _client.GetAsync($"/image/v2/images?{query}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync())["images"]!.AsArray().Select(i => (string)i!["name"]!).Order(StringComparer.Ordinal).ToArray();
    }

    private static string Q(string value) => Uri.EscapeDataString(value);

    [Fact]
    public async Task Name_matches_exactly_or_with_eq_or_in()
    {
        Assert.Equal(["alpha"], await NamesAsync("name=alpha"));
        Assert.Empty(await NamesAsync("name=alph"));
        Assert.Equal(["with:colon"], await NamesAsync("name=" + Q("eq:with:colon")));
        Assert.Equal(["glass, darkly", "share me"], await NamesAsync("name=" + Q("in:\"glass, darkly\",share me")));
    }

    [Theory]
    [InlineData("name=with:colon")]
    [InlineData("name=like:alpha")]
    [InlineData("status=gt:active")]
    [InlineData("name=in:\"unclosed")]
    [InlineData("name=in:\"a\"b")]
    [InlineData("name=in:a\"b\"")]
    public async Task Unknown_operators_and_broken_quotes_are_400(string query)
    {
        var response = await _client.GetAsync($"/image/v2/images?{query.Replace("\"", "%22")}");

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Status_and_formats_match_with_in()
    {
        Assert.Equal(["with:colon"], await NamesAsync("status=queued"));
        Assert.Equal(["alpha", "glass, darkly", "share me"], await NamesAsync("status=in:active,killed"));
        Assert.Equal(["alpha", "share me"], await NamesAsync("disk_format=in:qcow2,iso"));
        Assert.Equal(["alpha", "glass, darkly", "share me"], await NamesAsync("container_format=bare"));
    }

    [Fact]
    public async Task Size_bounds_are_inclusive()
    {
        Assert.Equal(["glass, darkly", "share me"], await NamesAsync("size_min=100"));
        Assert.Equal(["alpha", "glass, darkly"], await NamesAsync("size_max=100"));
        Assert.Equal(["glass, darkly"], await NamesAsync("size_min=100&size_max=100"));
        Assert.Equal(["share me"], await NamesAsync("size=1000"));
    }

    [Fact]
    public async Task Other_numeric_columns_take_min_and_max_too()
    {
        Assert.Equal(["alpha"], await NamesAsync("min_ram_min=256"));
        Assert.Equal(["glass, darkly"], await NamesAsync("min_disk=20"));
        // Only raw data in a bare container has a virtual size here.
        Assert.Equal(["glass, darkly"], await NamesAsync("virtual_size_min=50"));
    }

    [Theory]
    [InlineData("size_min=big")]
    [InlineData("size_max=1.5")]
    [InlineData("size=ten")]
    [InlineData("min_ram_min=x")]
    public async Task Non_integer_sizes_are_400(string query)
    {
        await (await _client.GetAsync($"/image/v2/images?{query}")).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Created_at_compares_with_every_operator()
    {
        var at = _between.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ");

        Assert.Equal(["share me", "with:colon"], await NamesAsync($"created_at={Q("gt:" + at)}"));
        Assert.Equal(["share me", "with:colon"], await NamesAsync($"created_at={Q("gte:" + at)}"));
        Assert.Equal(["alpha", "glass, darkly"], await NamesAsync($"created_at={Q("lt:" + at)}"));
        Assert.Equal(["alpha", "glass, darkly"], await NamesAsync($"created_at={Q("lte:" + at)}"));
        Assert.Equal(4, (await NamesAsync($"created_at={Q("neq:" + at)}")).Length);
        Assert.Empty(await NamesAsync($"created_at={Q(at)}"));
        Assert.Equal(["share me", "with:colon"], await NamesAsync($"updated_at={Q("gt:" + at)}"));
    }

    [Theory]
    [InlineData("created_at=gt:yesterday")]
    [InlineData("created_at=soon:2020-01-01T00:00:00Z")]
    [InlineData("updated_at=2020-13-45")]
    public async Task Bad_dates_and_date_operators_are_400(string query)
    {
        await (await _client.GetAsync($"/image/v2/images?{query}")).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Protected_and_custom_properties_and_tags_filter()
    {
        Assert.Equal(["share me"], await NamesAsync("protected=true"));
        Assert.Equal(3, (await NamesAsync("protected=false")).Length);
        Assert.Equal(["alpha"], await NamesAsync("os_distro=ubuntu"));
        Assert.Empty(await NamesAsync("os_distro=ubuntu&min_disk=20"));
        Assert.Equal(["alpha", "share me"], await NamesAsync("tag=lts"));
        Assert.Equal(["share me"], await NamesAsync("tag=lts&tag=edge"));
    }

    [Fact]
    public async Task Owner_and_checksum_match_exactly()
    {
        Assert.Equal(4, (await NamesAsync("owner=F")).Length);
        Assert.Empty(await NamesAsync("owner=G"));
        var md5Of10Zeros = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(new byte[10]));
        Assert.Equal(["alpha"], await NamesAsync($"checksum={md5Of10Zeros}"));
    }
}
