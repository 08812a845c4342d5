using System.Security.Claims;
using Glance.Domain.Common;
using Glance.Portal.Auth;

namespace Glance.Portal.Tests.Auth;

public sealed class ActiveProjectTests
{
    private static readonly ClaimNamesOptions s_glanceNames = new();

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void The_tokens_project_is_active_until_the_user_picks_another()
    {
        var user = Principal(("sub", "alice"), ("project_id", "demo-a"), ("role", "member"),
            ("projects", "demo-a"), ("projects", "lab"), ("project_roles", "demo-a=member,reader"), ("project_roles", "lab=reader"));

        var initial = CallerContextFactory.From(ActiveProject.Apply(user, s_glanceNames, wantedProject: null));
        var switched = CallerContextFactory.From(ActiveProject.Apply(user, s_glanceNames, wantedProject: "lab"));

        Assert.Equal("demo-a", initial.ProjectId);
        Assert.Equal(["member", "reader"], initial.Roles.Order());
        Assert.Equal("lab", switched.ProjectId);
        Assert.Equal(["reader"], switched.Roles);
    }

    [Fact]
    public void A_project_the_user_is_not_in_is_ignored()
    {
        var user = Principal(("sub", "bob"), ("project_id", "demo-b"), ("role", "member"), ("projects", "demo-b"));

        var caller = CallerContextFactory.From(ActiveProject.Apply(user, s_glanceNames, wantedProject: "admin"));

        Assert.Equal("demo-b", caller.ProjectId);
        Assert.Equal(["member"], caller.Roles);
    }

    [Fact]
    public void Other_claim_names_and_json_array_values_are_understood()
    {
        var names = new ClaimNamesOptions { ProjectId = "tenant", Projects = "tenants", Role = "groups", ProjectRoles = "tenant_roles", Name = "preferred_username" };
        var user = Principal(("sub", "erin"), ("preferred_username", "erin@example"), ("tenant", "ext-a"),
            ("tenants", """["ext-a","ext-b"]"""), ("groups", """["member","reader"]"""), ("tenant_roles", """["ext-a=member,reader","ext-b=reader"]"""));

        var principal = ActiveProject.Apply(user, names, wantedProject: "ext-b");
        var caller = CallerContextFactory.From(principal);

        Assert.Equal("ext-b", caller.ProjectId);
        Assert.Equal(["reader"], caller.Roles);
        Assert.Equal(["ext-a", "ext-b"], ActiveProject.ProjectsOf(principal));
        Assert.Equal("erin@example", principal.Identity?.Name);
    }

    [Fact]
    public void Without_per_project_roles_the_tokens_roles_hold_for_the_tokens_project_only()
    {
        var user = Principal(("sub", "dan"), ("project_id", "p1"), ("role", "member"), ("projects", "p1 p2"));

        Assert.Equal(["member"], CallerContextFactory.From(ActiveProject.Apply(user, s_glanceNames, "p1")).Roles);
        Assert.Empty(CallerContextFactory.From(ActiveProject.Apply(user, s_glanceNames, "p2")).Roles);
    }
}
