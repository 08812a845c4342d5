using Bunit;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.PropertyProtections;
using Glance.Portal.Components.Admin;
using Glance.Portal.Tests.TestInfrastructure;
using MudBlazor;

namespace Glance.Portal.Tests.Components.Admin;

/// <summary>The admin rule editor on the real domain: editing the table, live validation, lint, simulation, saving, history.</summary>
public sealed class AdminRuleEditorTests : PortalComponentContext
{
    private readonly CallerContext _root = new("root", "admin", ["admin", "member", "reader"]);

    private IRenderedComponent<MudDialogProvider>? _dialogs;

    private IRenderedComponent<Glance.Portal.Components.Pages.Admin> RenderAdmin()
    {
        SignIn("root", "admin", "admin", "member", "reader");
        _dialogs = Render<MudDialogProvider>();
        var cut = Render<Glance.Portal.Components.Pages.Admin>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=rule-table]"));
        return cut;
    }

    private static async Task AddSectionAsync(IRenderedComponent<Glance.Portal.Components.Pages.Admin> cut, string pattern, string create, string read, string update, string delete)
    {
        await cut.Find("[data-testid=rule-add]").ClickAsync(new());
        await cut.FindAll("[data-testid=rule-row]")[^1].QuerySelector("[data-testid=rule-pattern]")!.InputAsync(new() { Value = pattern });
        foreach (var (op, value) in new[] { ("create", create), ("read", read), ("update", update), ("delete", delete) })
        {
            await cut.FindAll("[data-testid=rule-row]")[^1].QuerySelector($"[data-testid=rule-{op}]")!.InputAsync(new() { Value = value });
        }
    }

    [Fact]
    public void A_draft_builds_the_file_glance_reads_and_sections_reorder()
    {
        var draft = new RuleDraft();
        draft.Sections.Add(new DraftSection { Pattern = ".*" });
        draft.Sections.Add(new DraftSection { Pattern = "^x_billing_.*" });
        draft.Sections[1].Values[PropertyOperation.Read] = "admin, billing";

        draft.Move(1, -1);

        var rules = ProtectionRuleParser.Parse(draft.ToIni(), ProtectionRuleFormat.Roles);
        Assert.Equal(["^x_billing_.*", ".*"], rules.Sections.Select(s => s.Pattern));
        Assert.Equal(["admin", "billing"], rules.Sections[0].Rules[PropertyOperation.Read].Values);
        Assert.Equal(["anyone"], RuleDraft.Describe("@"));
        Assert.Equal(["no one"], RuleDraft.Describe(""));
        Assert.Equal(["no one"], RuleDraft.Describe("!"));
    }

    [Fact]
    public void Non_admins_get_a_refusal()
    {
        SignIn("alice", "demo-a", "member", "reader");

        var cut = Render<Glance.Portal.Components.Pages.Admin>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=admin-forbidden]")));
        Assert.Empty(cut.FindAll("[data-testid=rule-table]"));
    }

    [Fact]
    public async Task A_bad_regex_is_flagged_as_typed_and_the_draft_cannot_be_saved()
    {
        var cut = RenderAdmin();

        await AddSectionAsync(cut, "^x_(", "admin", "admin", "admin", "admin");

        cut.WaitForAssertion(() => Assert.Contains("regular expression", cut.Markup));
        Assert.NotEmpty(cut.FindAll("[data-testid=draft-error]"));
        Assert.True(cut.Find("[data-testid=rule-save]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_section_without_a_pattern_is_named_plainly()
    {
        var cut = RenderAdmin();

        await cut.Find("[data-testid=rule-add]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(["Section 1 has no pattern yet."], cut.FindAll("[data-testid=draft-error]").Select(e => e.TextContent.Trim())));
        Assert.True(cut.Find("[data-testid=rule-save]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Lint_warnings_appear_for_the_draft()
    {
        var cut = RenderAdmin();

        await AddSectionAsync(cut, "^x_.*", "admin", "admin,billing_admin", "admin", "admin");

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=draft-warning]"), w => w.TextContent.Contains("No catch-all section")));
        Assert.Contains(cut.FindAll("[data-testid=draft-warning]"), w => w.TextContent.Contains("billing_admin"));
    }

    [Fact]
    public async Task Saving_activates_a_version_and_the_simulator_answers_for_the_draft()
    {
        var cut = RenderAdmin();
        await AddSectionAsync(cut, "^x_billing_.*", "admin", "admin", "admin", "admin");
        await AddSectionAsync(cut, ".*", "@", "@", "@", "@");

        await cut.Find("[data-testid=sim-roles]").ChangeAsync(new() { Value = "member" });
        await cut.Find("[data-testid=sim-property]").ChangeAsync(new() { Value = "x_billing_code" });
        await cut.Find("[data-testid=sim-run]").ClickAsync(new());
        Assert.Equal("Section 1, [^x_billing_.*], decides.", cut.Find("[data-testid=sim-section]").TextContent.Trim());
        Assert.Equal("read: no", cut.Find("[data-testid=sim-read]").TextContent);

        await cut.Find("[data-testid=rule-comment]").ChangeAsync(new() { Value = "hide billing from members" });
        await cut.Find("[data-testid=rule-save]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=version-row]")));
        var version = Assert.Single(await Service<PropertyProtectionService>().VersionsAsync(_root));
        Assert.Equal(("hide billing from members", "editor"), (version.Comment, version.Source));
        Assert.False(Service<PropertyProtectionEngine>().IsAllowed(new CallerContext("a", "p", ["member"]), "x_billing_code", PropertyOperation.Read));
    }

    [Fact]
    public async Task The_impact_preview_names_roles_that_lose_access_on_real_images()
    {
        await Service<ImageService>().CreateAsync(_root, new NewImage { Name = "billed", Properties = new Dictionary<string, string?> { ["x_billing_code"] = "42" } });
        await Service<PropertyProtectionService>().SaveAsync(_root, "[.*]\ncreate = @\nread = @\nupdate = @\ndelete = @\n", ProtectionRuleFormat.Roles, "open");
        var cut = RenderAdmin();

        await cut.Find("[data-testid=rule-up]").ClickAsync(new());
        await AddSectionAsync(cut, "^x_billing_.*", "admin", "admin", "admin", "admin");
        await cut.Find("[data-testid=rule-down]").ClickAsync(new());
        await cut.Find("[data-testid=impact-run]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=impact-change]"), c => c.TextContent == "Role member loses read on x_billing_code (1 image)"));
    }

    [Fact]
    public async Task Versions_compare_and_roll_back()
    {
        var service = Service<PropertyProtectionService>();
        await service.SaveAsync(_root, "[.*]\ncreate = admin\nread = @\nupdate = admin\ndelete = admin\n", ProtectionRuleFormat.Roles, "first");
        await service.SaveAsync(_root, "[.*]\ncreate = admin\nread = admin\nupdate = admin\ndelete = admin\n", ProtectionRuleFormat.Roles, "second");
        var cut = RenderAdmin();

        foreach (var box in cut.FindAll("[data-testid=version-row] input[type=checkbox]"))
        {
            await box.ChangeAsync(new() { Value = true });
        }
        await cut.Find("[data-testid=versions-diff]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("read: @ → admin", cut.Find("[data-testid=diff-change]").TextContent));

        // Not awaited: the click waits for the confirmation below.
        var rollback = cut.Find("[data-version='1'] [data-testid=version-rollback]").ClickAsync(new());
        var dialogs = _dialogs!;
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-ok]"));
        await dialogs.Find("[data-testid=confirm-ok]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=version-row]").Count));
        await rollback;
        Assert.True(Service<PropertyProtectionEngine>().IsAllowed(new CallerContext("a", "p", ["member"]), "anything", PropertyOperation.Read));
    }
}
