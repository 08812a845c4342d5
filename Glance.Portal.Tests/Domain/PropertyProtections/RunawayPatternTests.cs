using System.Net;
using System.Text.RegularExpressions;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.PropertyProtections;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.PropertyProtections;

/// <summary>Section patterns that backtrack without end are refused up front, and one that still times out fails nothing.</summary>
public sealed class RunawayPatternTests
{
    private static string File(string pattern) => $"[{pattern}]\ncreate = @\nread = @\nupdate = @\ndelete = @\n";

    [Theory]
    [InlineData("^(a+)+$")]
    [InlineData("^(\\w+\\s?)*$")]
    [InlineData("^(a|aa)+$")]
    [InlineData("^([0-9]+)*:$")]
    public void A_pattern_that_runs_out_of_time_is_refused_naming_its_section(string pattern)
    {
        var (set, errors) = ProtectionRuleParser.TryParse(File(pattern), ProtectionRuleFormat.Roles);

        Assert.Null(set);
        var error = Assert.Single(errors);
        Assert.Contains($"[{pattern}]", error);
        Assert.Contains("takes longer than", error);
    }

    [Theory]
    [InlineData("^x_.*")]
    [InlineData("^os_(distro|version)$")]
    [InlineData(".*")]
    [InlineData("^[a-z_]+$")]
    public void Ordinary_patterns_pass(string pattern) =>
        Assert.Empty(ProtectionRuleParser.TryParse(File(pattern), ProtectionRuleFormat.Roles).Errors);

    [Fact]
    public void The_same_file_at_start_up_stops_it_with_the_reason()
    {
        var file = Path.Combine(Path.GetTempPath(), $"glance-runaway-{Guid.NewGuid():N}.conf");
        System.IO.File.WriteAllText(file, File("^(a+)+$"));
        try
        {
            using var factory = new PortalApiFactory().With("Glance:PropertyProtection:File", file);
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            Assert.Contains("takes longer than", error.ToString());
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }

    [Fact]
    public async Task A_pattern_that_times_out_on_a_name_closes_that_property_and_reads_and_lists_still_answer()
    {
        await using var factory = new PortalApiFactory();
        var client = factory.AdminClient();
        var name = new string('a', 40) + "!";
        var id = (await client.CreateImageAsync(new Dictionary<string, object> { ["name"] = "slow", [name] = "v", ["os_distro"] = "debian" })).Id();

        // As if validation had let it through: a pattern whose match on that name never ends in time.
        var slow = new Regex("^(a|aa)+$", RegexOptions.None, TimeSpan.FromMilliseconds(5));
        var open = new ProtectionRule(["@"]);
        var rules = Enum.GetValues<PropertyOperation>().ToDictionary(o => o, _ => open);
        var engine = factory.Services.GetRequiredService<PropertyProtectionEngine>();
        engine.Activate(new ProtectionRuleSet(ProtectionRuleFormat.Roles, [new ProtectionSection("^(a|aa)+$", slow, rules), new ProtectionSection(".*", new Regex(".*"), rules)]), 99);

        Assert.False(engine.IsAllowed(new CallerContext("root", "admin", ["admin"]), name, PropertyOperation.Read));
        var image = await client.GetImageAsync(id);
        Assert.False(image.ContainsKey(name));
        Assert.Equal("debian", (string?)image["os_distro"]);
        var list = await client.GetAsync("/image/v2/images");
        await list.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var images = factory.Services.GetRequiredService<ImageService>();
        var found = await images.ListAsync(new CallerContext("root", "admin", ["admin"]), new ImageQuery { Search = ImageSearch.Parse("slow") });
        Assert.Contains(found.Images, i => i.Id == id);
    }
}
