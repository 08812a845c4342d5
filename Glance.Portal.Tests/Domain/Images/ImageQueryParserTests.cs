using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Members;

namespace Glance.Portal.Tests.Domain.Images;

public sealed class ImageQueryParserTests
{
    private static ImageQuery Parse(params (string Key, string Value)[] parameters) =>
        ImageQueryParser.Parse(parameters.Select(p => KeyValuePair.Create(p.Key, p.Value)));

    [Fact]
    public void No_parameters_give_Glances_defaults()
    {
        var query = Parse();

        Assert.Null(query.Limit);
        Assert.Empty(query.Sort);
        Assert.Null(query.Visibility);
        Assert.False(query.AllVisibilities);
        Assert.Equal(MemberStatus.Accepted, query.MemberStatus);
        Assert.False(query.OsHidden);
    }

    [Fact]
    public void One_sort_dir_applies_to_every_sort_key()
    {
        var query = Parse(("sort_key", "name"), ("sort_key", "size"), ("sort_dir", "asc"));

        Assert.Equal([new SortKey("name", false), new SortKey("size", false)], query.Sort);
    }

    [Fact]
    public void The_sort_parameter_defaults_each_direction_to_desc()
    {
        var query = Parse(("sort", "name:asc,size"));

        Assert.Equal([new SortKey("name", false), new SortKey("size", true)], query.Sort);
    }

    [Fact]
    public void Visibility_all_and_member_status_all_widen_the_query()
    {
        var query = Parse(("visibility", "all"), ("member_status", "all"));

        Assert.True(query.AllVisibilities);
        Assert.Null(query.Visibility);
        Assert.Null(query.MemberStatus);
    }

    [Fact]
    public void Unknown_keys_become_property_filters()
    {
        var query = Parse(("os_distro", "ubuntu"), ("hw_disk_bus", "scsi"), ("name", "x"));

        Assert.Equal("ubuntu", query.PropertyFilters["os_distro"]);
        Assert.Equal("scsi", query.PropertyFilters["hw_disk_bus"]);
        var name = query.TextFilters.Single();
        Assert.Equal(("name", FilterOperator.Eq), (name.Field, name.Op));
        Assert.Equal(["x"], name.Values);
    }

    [Fact]
    public void In_lists_keep_quoted_commas()
    {
        Assert.Equal(["glass, darkly", "share me"], ImageFilterParser.SplitQuoted("\"glass, darkly\",share me"));
        Assert.Equal(["a", "", "b"], ImageFilterParser.SplitQuoted("a,,b"));
    }

    [Fact]
    public void A_bare_timestamp_is_an_eq_filter()
    {
        var filter = ImageFilterParser.ParseDate("created_at", "2026-01-02T03:04:05Z");

        Assert.Equal(FilterOperator.Eq, filter.Op);
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), filter.Value);
    }

    [Theory]
    [InlineData("sort", "name:asc:x")]
    [InlineData("sort", ":asc")]
    [InlineData("sort_key", "checksum")]
    [InlineData("limit", "1.5")]
    [InlineData("os_hidden", "1")]
    public void Refuses_what_Glance_refuses(string key, string value)
    {
        Assert.Throws<ValidationException>(() => Parse((key, value)));
    }
}
