using Glance.Domain.Common;
using Glance.Domain.Policies;
using Glance.Domain.PropertyProtections;

namespace Glance.Portal.Tests.Domain.PropertyProtections;

/// <summary>Every operation of Glance's two sample files for admin, member, reader and anonymous callers.</summary>
public sealed class SampleRuleFileTests
{
    private static PropertyProtectionEngine EngineFor(string file, ProtectionRuleFormat format)
    {
        var engine = new PropertyProtectionEngine(new PolicyEngine(PolicyRuleSet.Load(null)));
        engine.Activate(ProtectionRuleParser.Parse(file, format), 1);
        return engine;
    }

    private static CallerContext Caller(string who) => who switch
    {
        "admin" => new CallerContext("a", "p", ["admin"]),
        "member" => new CallerContext("m", "p", ["member", "reader"]),
        "_member_" => new CallerContext("m", "p", ["_Member_"]),
        "reader" => new CallerContext("r", "p", ["reader"]),
        _ => new CallerContext(null, null, []),
    };

    public static TheoryData<string, string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var format in new[] { "roles", "policies" })
        {
            foreach (var who in new[] { "admin", "member", "_member_", "reader", "anonymous" })
            {
                // x_ properties: roles lists admin, member and _member_; the policies sample's "default" rule allows anyone.
                var xAllowed = format == "policies" || who is "admin" or "member" or "_member_";
                data.Add(format, who, "x_owner_foo", xAllowed);
                // Everything else: admins only, in both samples.
                data.Add(format, who, "spl_creator_policy", who == "admin");
                data.Add(format, who, "os_distro", who == "admin");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_operation_follows_the_first_matching_section(string format, string who, string property, bool allowed)
    {
        var engine = format == "roles"
            ? EngineFor(SampleRuleFiles.Roles, ProtectionRuleFormat.Roles)
            : EngineFor(SampleRuleFiles.Policies, ProtectionRuleFormat.Policies);

        foreach (var operation in Enum.GetValues<PropertyOperation>())
        {
            Assert.Equal(allowed, engine.IsAllowed(Caller(who), property, operation));
        }
    }

    [Fact]
    public void A_property_no_section_matches_is_closed_to_everyone_admins_included()
    {
        var engine = EngineFor("""
            [^x_.*]
            create = @
            read = @
            update = @
            delete = @
            """, ProtectionRuleFormat.Roles);

        Assert.True(engine.IsAllowed(Caller("anonymous"), "x_any", PropertyOperation.Read));
        Assert.False(engine.IsAllowed(Caller("admin"), "os_distro", PropertyOperation.Read));
    }

    [Fact]
    public void Sections_search_anywhere_unless_anchored_and_empty_or_bang_values_allow_no_one()
    {
        var engine = EngineFor("""
            [secret]
            create = !
            read =
            update = admin
            delete = @
            [.*]
            create = @
            read = @
            update = @
            delete = @
            """, ProtectionRuleFormat.Roles);

        Assert.False(engine.IsAllowed(Caller("admin"), "my_secret_key", PropertyOperation.Create));
        Assert.False(engine.IsAllowed(Caller("admin"), "my_secret_key", PropertyOperation.Read));
        Assert.True(engine.IsAllowed(Caller("admin"), "my_secret_key", PropertyOperation.Update));
        Assert.True(engine.IsAllowed(Caller("anonymous"), "my_secret_key", PropertyOperation.Delete));
        Assert.True(engine.IsAllowed(Caller("anonymous"), "public_key", PropertyOperation.Read));
    }

    [Fact]
    public void Without_active_rules_every_property_is_open()
    {
        var engine = new PropertyProtectionEngine(new PolicyEngine(PolicyRuleSet.Load(null)));

        Assert.True(engine.IsAllowed(Caller("anonymous"), "anything", PropertyOperation.Delete));
    }

    [Fact]
    public void A_policy_nobody_defined_refuses()
    {
        var engine = EngineFor("""
            [.*]
            create = no_such_rule
            read = default
            update = context_is_admin
            delete = @
            """, ProtectionRuleFormat.Policies);

        Assert.False(engine.IsAllowed(Caller("admin"), "k", PropertyOperation.Create));
        Assert.True(engine.IsAllowed(Caller("anonymous"), "k", PropertyOperation.Read));
        Assert.True(engine.IsAllowed(Caller("admin"), "k", PropertyOperation.Update));
        Assert.False(engine.IsAllowed(Caller("member"), "k", PropertyOperation.Update));
    }
}
