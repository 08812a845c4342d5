using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.PropertyProtections;
using Glance.Portal.Tests.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Glance.Portal.Tests.Domain.PropertyProtections;

/// <summary>Rule sets that admins validate, save, compare, roll back, export, lint and simulate while the service runs.</summary>
public sealed class LiveRuleSetTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"glance-protections-{Guid.NewGuid():N}.conf");
    private readonly CallerContext _root = new("root", "admin", ["admin", "member", "reader"]);
    private readonly CallerContext _member = new("alice", "demo-a", ["member", "reader"]);
    private PortalApiFactory _factory = null!;
    private PropertyProtectionService _protections = null!;
    private PropertyProtectionEngine _engine = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllTextAsync(_file, SampleRuleFiles.Roles);
        _factory = new PortalApiFactory().With("Glance:PropertyProtection:File", _file);
        _factory.CreateClient();
        _protections = _factory.Services.GetRequiredService<PropertyProtectionService>();
        _engine = _factory.Services.GetRequiredService<PropertyProtectionEngine>();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        File.Delete(_file);
    }

    [Fact]
    public async Task The_configured_file_is_version_1_and_is_not_imported_again_while_unchanged()
    {
        var version = Assert.Single(await _protections.VersionsAsync(_root));
        Assert.Equal((1, "file"), (version.Number, version.Source));
        Assert.Equal(SampleRuleFiles.Roles, version.Content);
        Assert.Equal(1, _engine.Current?.Version);

        await _protections.InitializeAsync(CancellationToken.None);
        Assert.Single(await _protections.VersionsAsync(_root));

        await File.WriteAllTextAsync(_file, SampleRuleFiles.Nuanced);
        await _protections.InitializeAsync(CancellationToken.None);
        Assert.Equal(2, _engine.Current?.Version);
    }

    [Fact]
    public async Task A_draft_is_validated_without_saving_and_an_invalid_one_never_becomes_active()
    {
        var report = _protections.Validate(_root, "[^x_(]\ncreate = @\nread = @\nupdate = @\ndelete = @", ProtectionRuleFormat.Roles);
        Assert.False(report.IsValid);
        Assert.Contains(report.Errors, e => e.Contains("[^x_(]"));

        await Assert.ThrowsAsync<ValidationException>(() => _protections.SaveAsync(_root, "[x]\ncreate = @", ProtectionRuleFormat.Roles, "broken"));
        Assert.Equal(1, _engine.Current?.Version);
        Assert.Single(await _protections.VersionsAsync(_root));
    }

    [Fact]
    public async Task Only_admins_read_or_change_the_rules_but_anyone_hears_their_own_verdict()
    {
        Assert.Throws<ForbiddenException>(() => _protections.Validate(_member, SampleRuleFiles.Roles, ProtectionRuleFormat.Roles));
        await Assert.ThrowsAsync<ForbiddenException>(() => _protections.SaveAsync(_member, SampleRuleFiles.Roles, ProtectionRuleFormat.Roles, null));
        await Assert.ThrowsAsync<ForbiddenException>(() => _protections.VersionsAsync(_member));
        Assert.Throws<ForbiddenException>(() => _protections.Export(_member));

        var verdict = _protections.ForCaller(_member, "os_distro");
        Assert.Equal(".*", verdict.SectionPattern);
        Assert.False(verdict.Allowed[PropertyOperation.Update]);
        Assert.Equal("Section [.*] does not allow you to update it.", verdict.Explain(PropertyOperation.Update));
    }

    [Fact]
    public async Task Saved_versions_are_listed_compared_rolled_back_and_exported()
    {
        var saved = await _protections.SaveAsync(_root, SampleRuleFiles.Nuanced, ProtectionRuleFormat.Roles, "finer rules");
        Assert.Equal((2, "root", "admin", "finer rules", "editor"), (saved.Number, saved.SavedBy, saved.SavedByProject, saved.Comment, saved.Source));

        var diff = await _protections.DiffAsync(_root, 1, 2);
        Assert.Contains(diff, c => c is { Pattern: "^x_.*", Change: "removed" });
        Assert.Contains(diff, c => c is { Pattern: "^x_secret$", Change: "added", NewPosition: 0 });
        var catchAll = Assert.Single(diff, c => c.Pattern == ".*");
        Assert.Equal(("changed", 1, 3), (catchAll.Change, catchAll.OldPosition, catchAll.NewPosition));
        Assert.Contains((PropertyOperation.Read, "admin", "@"), catchAll.Operations);

        var rolledBack = await _protections.RollbackAsync(_root, 1, null);
        Assert.Equal((3, "rollback", "Rolled back to version 1."), (rolledBack.Number, rolledBack.Source, rolledBack.Comment));
        Assert.Equal([3, 2, 1], (await _protections.VersionsAsync(_root)).Select(v => v.Number));
        Assert.Empty(await _protections.DiffAsync(_root, 1, 3));

        var exported = _protections.Export(_root)!;
        var reread = ProtectionRuleParser.Parse(exported, ProtectionRuleFormat.Roles);
        Assert.Equal(["^x_.*", ".*"], reread.Sections.Select(s => s.Pattern));
        Assert.Equal("admin,member,_member_", reread.Sections[0].Rules[PropertyOperation.Read].ToString());
    }

    [Fact]
    public void The_lint_finds_shadowed_sections_a_missing_catch_all_and_roles_nobody_has()
    {
        var report = _protections.Validate(_root, """
            [^x_.*]
            create = admin
            read = admin
            update = admin
            delete = admin
            [^x_billing$]
            create = billing_admin
            read = admin
            update = admin
            delete = admin
            [^os_]
            create = admin
            read = @
            update = admin
            delete = admin
            """, ProtectionRuleFormat.Roles);

        Assert.True(report.IsValid);
        Assert.Contains(report.Warnings, w => w.Contains("[^x_billing$] can never match") && w.Contains("[^x_.*]"));
        Assert.Contains(report.Warnings, w => w.Contains("No catch-all section"));
        Assert.Contains(report.Warnings, w => w.Contains("no user has the role 'billing_admin'"));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("[^os_] can never match"));

        var afterCatchAll = _protections.Validate(_root, SampleRuleFiles.Roles + "\n[^os_]\ncreate = admin\nread = admin\nupdate = admin\ndelete = admin\n", ProtectionRuleFormat.Roles);
        Assert.Contains(afterCatchAll.Warnings, w => w.Contains("[^os_] can never match") && w.Contains("[.*]"));
        Assert.Contains(afterCatchAll.Warnings, w => w.Contains("no user has the role '_member_'"));

        var policies = _protections.Validate(_root, "[.*]\ncreate = default\nread = default\nupdate = nope\ndelete = context_is_admin", ProtectionRuleFormat.Policies);
        Assert.Contains(policies.Warnings, w => w.Contains("the policy 'nope' is not defined"));
    }

    [Fact]
    public void The_simulator_answers_for_roles_under_the_active_rules_or_a_draft()
    {
        var active = _protections.Simulate(_root, ["member"], "x_owner");
        Assert.Equal((0, "^x_.*"), (active.SectionIndex, active.SectionPattern));
        Assert.All(active.Allowed.Values, Assert.True);

        var draft = _protections.Simulate(_root, ["member"], "x_secret", SampleRuleFiles.Nuanced, ProtectionRuleFormat.Roles);
        Assert.Equal((0, "^x_secret$"), (draft.SectionIndex, draft.SectionPattern));
        Assert.All(draft.Allowed.Values, Assert.False);

        var unmatched = _protections.Simulate(_root, ["admin"], "os_distro", "[^x_]\ncreate = @\nread = @\nupdate = @\ndelete = @", ProtectionRuleFormat.Roles);
        Assert.Null(unmatched.SectionIndex);
        Assert.Equal("No section matches 'os_distro', so nobody may read it.", unmatched.Explain(PropertyOperation.Read));
    }

    [Fact]
    public async Task The_impact_preview_lists_what_a_draft_changes_for_properties_on_real_images()
    {
        var images = _factory.Services.GetRequiredService<ImageService>();
        await images.CreateAsync(_root, new NewImage { Name = "one", Properties = new Dictionary<string, string?> { ["x_billing"] = "1", ["os_distro"] = "debian" } });
        await images.CreateAsync(_root, new NewImage { Name = "two", Properties = new Dictionary<string, string?> { ["x_billing"] = "2" } });

        var draft = SampleRuleFiles.Roles.Replace("[^x_.*]\ncreate = admin,member,_member_\nread = admin,member,_member_", "[^x_.*]\ncreate = admin,member,_member_\nread = admin");
        var impact = await _protections.ImpactAsync(_root, draft, ProtectionRuleFormat.Roles);

        Assert.Contains(new ProtectionImpact("x_billing", 2, "member", PropertyOperation.Read, true, false), impact);
        Assert.Contains(new ProtectionImpact("x_billing", 2, "_member_", PropertyOperation.Read, true, false), impact);
        Assert.DoesNotContain(impact, i => i.Property == "os_distro");
        Assert.DoesNotContain(impact, i => i.Role == "admin");
    }
}

/// <summary>The simulator's "user and project" form, with the development provider's accounts as the directory.</summary>
public sealed class SimulateUserTests : IAsyncLifetime
{
    private readonly DevIdentityFactory _factory = new();
    private readonly CallerContext _root = new("root", "admin", ["admin"]);

    public ValueTask InitializeAsync()
    {
        _factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public void A_user_is_simulated_with_the_roles_they_hold_in_the_project()
    {
        var protections = _factory.Services.GetRequiredService<PropertyProtectionService>();

        var alice = protections.SimulateUser(_root, "alice", "demo-a", "x_billing", SampleRuleFiles.Roles, ProtectionRuleFormat.Roles);
        var carol = protections.SimulateUser(_root, "carol", "demo-a", "x_billing", SampleRuleFiles.Roles, ProtectionRuleFormat.Roles);

        Assert.True(alice.Allowed[PropertyOperation.Update]);
        Assert.False(carol.Allowed[PropertyOperation.Read]);
        Assert.Throws<NotFoundException>(() => protections.SimulateUser(_root, "bob", "demo-a", "x_billing"));
        // The directory's roles count as known: carol's "reader" is, "_member_" is not.
        Assert.Contains("reader", protections.KnownRoles);
        Assert.Contains(protections.Validate(_root, SampleRuleFiles.Roles, ProtectionRuleFormat.Roles).Warnings, w => w.Contains("'_member_'"));
    }
}
