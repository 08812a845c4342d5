using System.Security.Claims;

namespace Glance.Portal.Auth;

/// <summary>
/// The portal user's active project, as in Horizon's project picker: one of the projects the identity
/// provider says the user belongs to, remembered in a cookie across visits. The principal is rewritten
/// to speak for that project (its <c>project_id</c> and the roles held there), so the caller the domain
/// sees is the same as an API token for that project would give.
/// </summary>
public static class ActiveProject
{
    public const string CookieName = "glance_project";

    /// <summary>Maps the provider's claims to Glance's names and applies the active project.</summary>
    public static ClaimsPrincipal Apply(ClaimsPrincipal source, ClaimNamesOptions names, string? wantedProject)
    {
        var claims = new List<Claim>();
        Copy(source, names.UserId, GlanceClaimTypes.UserId, claims);
        Copy(source, names.Name, GlanceClaimTypes.Name, claims);
        var projects = Values(source, names.Projects).ToList();
        var projectRoles = Values(source, names.ProjectRoles, ' ').ToList();
        var tokenProject = source.FindFirst(names.ProjectId)?.Value;
        if (tokenProject is not null && !projects.Contains(tokenProject))
        {
            projects.Insert(0, tokenProject);
        }

        var active = wantedProject is not null && projects.Contains(wantedProject) ? wantedProject : tokenProject ?? projects.FirstOrDefault();
        var roles = RolesIn(projectRoles, active) ?? (active == tokenProject ? Values(source, names.Role).ToList() : []);
        if (active is not null)
        {
            claims.Add(new Claim(GlanceClaimTypes.ProjectId, active));
        }
        claims.AddRange(roles.Select(r => new Claim(GlanceClaimTypes.Role, r)));
        claims.AddRange(projects.Select(p => new Claim(GlanceClaimTypes.Projects, p)));
        claims.AddRange(projectRoles.Select(p => new Claim(GlanceClaimTypes.ProjectRoles, p)));
        var identity = new ClaimsIdentity(claims, source.Identity?.AuthenticationType ?? "Glance", GlanceClaimTypes.Name, GlanceClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static IReadOnlyList<string> ProjectsOf(ClaimsPrincipal user) =>
        user.FindAll(GlanceClaimTypes.Projects).Select(c => c.Value).ToList();

    private static List<string>? RolesIn(List<string> projectRoles, string? project) =>
        projectRoles.Select(v => v.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == project) is { } found
            ? found[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : null;

    /// <summary>
    /// A multi-valued claim however the provider sends it: as several claims, as one JSON array (how
    /// userinfo arrays arrive), or as one space- or comma-separated string.
    /// </summary>
    private static IEnumerable<string> Values(ClaimsPrincipal principal, string type, params char[] separators) =>
        principal.FindAll(type)
            .SelectMany(c => c.Value.StartsWith('[')
                ? JsonArrayValues(c.Value)
                : c.Value.Split(separators.Length > 0 ? separators : [' ', ','], StringSplitOptions.RemoveEmptyEntries))
            .Distinct();

    private static IEnumerable<string> JsonArrayValues(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [json];
        }
    }

    private static void Copy(ClaimsPrincipal principal, string from, string to, List<Claim> claims)
    {
        if (principal.FindFirst(from)?.Value is { } value)
        {
            claims.Add(new Claim(to, value));
        }
    }
}
