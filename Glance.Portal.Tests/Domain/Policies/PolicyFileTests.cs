using Glance.Domain.Policies;

namespace Glance.Portal.Tests.Domain.Policies;

public sealed class PolicyFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"glance-policy-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void A_yaml_file_overrides_rules_and_keeps_the_other_defaults()
    {
        File.WriteAllText(_path, """
            # Members may publish their own images.
            "publicize_image": "role:admin or (role:member and project_id:%(owner)s)"
            "deactivate": "!"
            """);

        var rules = PolicyRuleSet.Load(_path);

        Assert.Equal("!", rules.Sources["deactivate"]);
        Assert.Equal(PolicyDefaults.Rules["get_image"], rules.Sources["get_image"]);
        Assert.IsType<OrCheck>(rules.Rules["publicize_image"]);
    }

    [Fact]
    public void A_json_file_works_too()
    {
        File.WriteAllText(_path, """{"get_images": "role:reader", "custom": "rule:get_images"}""");

        var rules = PolicyRuleSet.Load(_path);

        Assert.Equal("role:reader", rules.Sources["get_images"]);
        Assert.IsType<RuleCheck>(rules.Rules["custom"]);
    }

    [Theory]
    [InlineData("\"modify_image\": \"role:admin or\"", "modify_image")]
    [InlineData("\"modify_image\": \"rule:nope\"", "nope")]
    [InlineData("- not\n- a map", "not a YAML or JSON map")]
    [InlineData("{\"a\": ", "not a YAML or JSON map")]
    public void A_bad_file_is_refused_with_the_reason(string content, string named)
    {
        File.WriteAllText(_path, content);

        var error = Assert.Throws<PolicyFileException>(() => PolicyRuleSet.Load(_path));

        Assert.Contains(named, error.Message);
        Assert.Contains(_path, error.Message);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        var error = Assert.Throws<PolicyFileException>(() => PolicyRuleSet.Load(_path + ".missing"));

        Assert.Contains("cannot be read", error.Message);
    }
}
