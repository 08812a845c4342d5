using Glance.Domain.Common;
using Glance.Domain.Policies;

namespace Glance.Portal.Tests.Domain.Policies;

public sealed class PolicyParserTests
{
    private static readonly CallerContext s_member = new("u1", "p1", ["member", "reader"]);
    private static readonly CallerContext s_admin = new("u0", "admin", ["Admin"]);

    private static bool Allows(string check, CallerContext caller, IReadOnlyDictionary<string, string?>? target = null)
    {
        var engine = new PolicyEngine(PolicyRuleSet.Build(new Dictionary<string, string> { ["under_test"] = check }));
        return engine.IsAllowed("under_test", caller, target ?? new Dictionary<string, string?>());
    }

    private static readonly Dictionary<string, string?> s_ownImage = new() { ["project_id"] = "p1", ["owner"] = "p1", ["visibility"] = "private" };
    private static readonly Dictionary<string, string?> s_otherPublic = new() { ["project_id"] = "p2", ["owner"] = "p2", ["visibility"] = "public" };

    [Theory]
    [InlineData("", true)]
    [InlineData("@", true)]
    [InlineData("!", false)]
    [InlineData("role:member", true)]
    [InlineData("role:MEMBER", true)]
    [InlineData("role:admin", false)]
    [InlineData("not role:admin", true)]
    [InlineData("role:admin or role:reader", true)]
    [InlineData("role:admin and role:reader", false)]
    [InlineData("role:admin or role:member and role:reader", true)]
    [InlineData("(role:admin or role:member) and not role:reader", false)]
    [InlineData("((role:member))", true)]
    [InlineData("not not role:member", true)]
    [InlineData("user_id:u1", true)]
    [InlineData("project_id:p2", false)]
    [InlineData("is_admin:True", false)]
    [InlineData("is_admin:False", true)]
    public void Evaluates_the_oslo_policy_language(string check, bool expected)
    {
        Assert.Equal(expected, Allows(check, s_member));
    }

    [Theory]
    [InlineData("project_id:%(project_id)s", true, false)]
    [InlineData("project_id:%(owner)s", true, false)]
    [InlineData("'public':%(visibility)s", false, true)]
    [InlineData("\"public\":%(visibility)s", false, true)]
    [InlineData("project_id:%(member_id)s", false, false)]
    [InlineData("(project_id:%(owner)s)", true, false)]
    [InlineData("role:member and (project_id:%(project_id)s or 'public':%(visibility)s)", true, true)]
    public void Compares_credentials_and_literals_with_target_fields(string check, bool onOwnImage, bool onOtherPublicImage)
    {
        Assert.Equal(onOwnImage, Allows(check, s_member, s_ownImage));
        Assert.Equal(onOtherPublicImage, Allows(check, s_member, s_otherPublic));
    }

    [Fact]
    public void Is_admin_follows_the_context_is_admin_rule()
    {
        Assert.True(Allows("is_admin:True", s_admin));
        Assert.True(new PolicyEngine(PolicyRuleSet.Defaults()).IsAdmin(s_admin));
        var custom = new PolicyEngine(PolicyRuleSet.Build(new Dictionary<string, string> { ["context_is_admin"] = "role:cloud_admin" }));
        Assert.False(custom.IsAdmin(s_admin));
        Assert.True(custom.IsAdmin(new CallerContext("u", "p", ["cloud_admin"])));
    }

    [Fact]
    public void A_rule_nobody_defined_falls_back_to_the_default_rule()
    {
        var open = new PolicyEngine(PolicyRuleSet.Defaults());
        var closed = new PolicyEngine(PolicyRuleSet.Build(new Dictionary<string, string> { ["default"] = "!" }));

        Assert.True(open.IsAllowed("not_a_rule", s_member, new Dictionary<string, string?>()));
        Assert.False(closed.IsAllowed("not_a_rule", s_member, new Dictionary<string, string?>()));
    }

    [Theory]
    [InlineData("role:admin or", "under_test")]
    [InlineData("(role:admin", "under_test")]
    [InlineData("role:admin)", "under_test")]
    [InlineData("and role:admin", "under_test")]
    [InlineData("roleadmin", "under_test")]
    [InlineData("role:", "under_test")]
    [InlineData("http://example/check", "under_test")]
    [InlineData("rule:no_such_rule", "no_such_rule")]
    [InlineData("rule:under_test", "under_test")]
    public void Refuses_bad_rules_naming_them(string check, string named)
    {
        var error = Assert.Throws<PolicyFileException>(() => PolicyRuleSet.Build(new Dictionary<string, string> { ["under_test"] = check }));

        Assert.Contains($"'{named}'", error.Message);
    }

    [Fact]
    public void Refuses_rules_that_refer_to_each_other_in_a_circle()
    {
        var error = Assert.Throws<PolicyFileException>(() => PolicyRuleSet.Build(new Dictionary<string, string>
        {
            ["a"] = "rule:b",
            ["b"] = "role:x or rule:a",
        }));

        Assert.Contains("refers back to itself", error.Message);
    }
}
