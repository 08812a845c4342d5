using Glance.Domain.Common;
using Glance.Domain.Policies;

namespace Glance.Portal.Tests.Domain.Policies;

/// <summary>Every built-in rule, against the callers and images that tell its cases apart.</summary>
public sealed class PolicyDefaultsTests
{
    private static readonly PolicyEngine s_engine = new(PolicyRuleSet.Defaults());

    private static readonly CallerContext s_admin = new("admin-user", "admin", ["admin"]);
    private static readonly CallerContext s_owner = new("alice", "owner", ["member", "reader"]);
    private static readonly CallerContext s_member = new("bob", "member", ["member", "reader"]);
    private static readonly CallerContext s_stranger = new("carol", "stranger", ["reader"]);

    private static Dictionary<string, string?> Image(string visibility, bool callerIsMember = false, string? caller = null) => new()
    {
        ["project_id"] = "owner",
        ["owner"] = "owner",
        ["visibility"] = visibility,
        ["member_id"] = callerIsMember ? caller : null,
    };

    private static bool Allowed(string rule, CallerContext caller, Dictionary<string, string?> target) => s_engine.IsAllowed(rule, caller, target);

    [Theory]
    [InlineData("private", false, false)]
    [InlineData("shared", false, false)]
    [InlineData("shared", true, true)]
    [InlineData("community", false, true)]
    [InlineData("public", false, true)]
    public void Get_image_and_download_image_follow_visibility_and_membership(string visibility, bool isMember, bool othersMayRead)
    {
        foreach (var rule in new[] { "get_image", "download_image" })
        {
            Assert.True(Allowed(rule, s_owner, Image(visibility)));
            Assert.True(Allowed(rule, s_admin, Image(visibility)));
            Assert.Equal(othersMayRead, Allowed(rule, s_member, Image(visibility, isMember, "member")));
        }
    }

    [Theory]
    [InlineData("modify_image")]
    [InlineData("delete_image")]
    [InlineData("upload_image")]
    [InlineData("deactivate")]
    [InlineData("reactivate")]
    [InlineData("communitize_image")]
    [InlineData("add_member")]
    [InlineData("delete_member")]
    [InlineData("get_image_location")]
    [InlineData("set_image_location")]
    public void Write_rules_belong_to_the_owner_and_admins(string rule)
    {
        var target = Image("public");

        Assert.True(Allowed(rule, s_owner, target));
        Assert.True(Allowed(rule, s_admin, target));
        Assert.False(Allowed(rule, s_member, Image("shared", true, "member")));
        Assert.False(Allowed(rule, s_stranger, target));
    }

    [Theory]
    [InlineData("publicize_image")]
    [InlineData("copy_image")]
    [InlineData("delete_image_location")]
    [InlineData("manage_image_cache")]
    [InlineData("tasks_api_access")]
    [InlineData("stores_info_detail")]
    [InlineData("context_is_admin")]
    public void Admin_only_rules_refuse_even_the_owner(string rule)
    {
        Assert.True(Allowed(rule, s_admin, Image("private")));
        Assert.False(Allowed(rule, s_owner, Image("private")));
    }

    [Fact]
    public void Add_image_is_for_ones_own_project_unless_admin()
    {
        Assert.True(Allowed("add_image", s_owner, Image("shared")));
        Assert.False(Allowed("add_image", s_member, Image("shared")));
        Assert.True(Allowed("add_image", s_admin, Image("shared")));
    }

    [Theory]
    [InlineData("get_member")]
    [InlineData("get_members")]
    public void Members_are_visible_to_the_owner_and_the_member(string rule)
    {
        Assert.True(Allowed(rule, s_owner, Image("shared")));
        Assert.True(Allowed(rule, s_member, Image("shared", true, "member")));
        Assert.False(Allowed(rule, s_stranger, Image("shared")));
        Assert.True(Allowed(rule, s_admin, Image("shared")));
    }

    [Fact]
    public void Only_the_member_or_an_admin_changes_a_member_status()
    {
        Assert.True(Allowed("modify_member", s_member, Image("shared", true, "member")));
        Assert.False(Allowed("modify_member", s_owner, Image("shared")));
        Assert.True(Allowed("modify_member", s_admin, Image("shared")));
    }

    [Theory]
    [InlineData("get_images")]
    [InlineData("default")]
    [InlineData("get_task")]
    [InlineData("get_tasks")]
    [InlineData("add_task")]
    [InlineData("modify_task")]
    public void Open_rules_let_any_caller_through(string rule)
    {
        Assert.True(Allowed(rule, s_stranger, Image("private")));
    }

    [Fact]
    public void Every_default_rule_is_covered_by_a_test_here()
    {
        var tested = new[]
        {
            "get_image", "download_image", "modify_image", "delete_image", "upload_image", "deactivate", "reactivate",
            "communitize_image", "add_member", "delete_member", "get_image_location", "set_image_location",
            "publicize_image", "copy_image", "delete_image_location", "manage_image_cache", "tasks_api_access",
            "stores_info_detail", "context_is_admin", "add_image", "get_member", "get_members", "modify_member",
            "get_images", "default", "get_task", "get_tasks", "add_task", "modify_task", "admin_or_owner",
        };

        Assert.Empty(PolicyDefaults.Rules.Keys.Except(tested));
        Assert.True(Allowed("admin_or_owner", s_owner, Image("private")));
        Assert.False(Allowed("admin_or_owner", s_member, Image("private")));
    }
}
