using Glance.Domain.PropertyProtections;

namespace Glance.Portal.Tests.Domain.PropertyProtections;

/// <summary>Glance's refusals of a rule file, each naming the section, and the round trip through export.</summary>
public sealed class ProtectionRuleParserTests
{
    [Theory]
    [InlineData("[^x_(.*]\ncreate = @\nread = @\nupdate = @\ndelete = @", "[^x_(.*]", "regular expression")]
    [InlineData("[^x_.*]\ncreate = @\nread = @\nupdate = @", "[^x_.*]", "'delete' operation is missing")]
    [InlineData("[^x_.*]\ncreate = @,!\nread = @\nupdate = @\ndelete = @", "[^x_.*]", "both '@' and '!'")]
    [InlineData("[^x_.*]\ncreate = admin\nread = admin\nupdate = admin\ndelete = admin\nfly = admin", "[^x_.*]", "'fly' is not an operation")]
    [InlineData("create = admin", "", "outside any section")]
    public void Bad_roles_files_are_refused_naming_the_section(string file, string section, string reason)
    {
        var error = Assert.Throws<ProtectionRuleException>(() => ProtectionRuleParser.Parse(file, ProtectionRuleFormat.Roles));

        Assert.Contains(section, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void The_policies_format_takes_one_policy_per_value()
    {
        var error = Assert.Throws<ProtectionRuleException>(() => ProtectionRuleParser.Parse(
            "[.*]\ncreate = default,context_is_admin\nread = default\nupdate = default\ndelete = default", ProtectionRuleFormat.Policies));

        Assert.Contains("[.*]", error.Message);
        Assert.Contains("several policies", error.Message);
        // The same value is a list of two roles in the roles format.
        Assert.Single(ProtectionRuleParser.Parse("[.*]\ncreate = default,context_is_admin\nread = a\nupdate = a\ndelete = a", ProtectionRuleFormat.Roles).Sections);
    }

    [Fact]
    public void Configparser_details_are_read_as_glance_reads_them()
    {
        var rules = ProtectionRuleParser.Parse("""
            ; a comment
            [^(?P<prefix>x)_[a-z]+$]
            CREATE: admin
            read = admin ,
              member
            update=admin
            delete = admin
            """, ProtectionRuleFormat.Roles);

        var section = Assert.Single(rules.Sections);
        Assert.Equal("^(?P<prefix>x)_[a-z]+$", section.Pattern);
        Assert.True(section.Matches("x_abc"));
        Assert.False(section.Matches("y_abc"));
        // An indented line continues the value, as in configparser.
        Assert.Equal(["admin", "member"], section.Rules[PropertyOperation.Read].Values);
        Assert.Equal(["admin"], section.Rules[PropertyOperation.Create].Values);
    }

    [Fact]
    public void An_export_reads_back_as_the_same_rules()
    {
        var rules = ProtectionRuleParser.Parse(SampleRuleFiles.Nuanced, ProtectionRuleFormat.Roles);

        var again = ProtectionRuleParser.Parse(ProtectionRuleWriter.Write(rules), ProtectionRuleFormat.Roles);

        Assert.Equal(rules.Sections.Select(s => s.Pattern), again.Sections.Select(s => s.Pattern));
        Assert.Equal(
            rules.Sections.SelectMany(s => s.Rules.Select(r => $"{s.Pattern}:{r.Key}={r.Value}")),
            again.Sections.SelectMany(s => s.Rules.Select(r => $"{s.Pattern}:{r.Key}={r.Value}")));
    }
}
