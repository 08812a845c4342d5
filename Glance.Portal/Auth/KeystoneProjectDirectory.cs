using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Glance.Domain.Members;

namespace Glance.Portal.Auth;

/// <summary>
/// Keystone's projects (<c>GET /v3/projects</c> as Glance's service user, which Keystone's default
/// policy lets an admin do), so that people share with a project by name as in Horizon. Read at most
/// once a minute; when Keystone cannot answer, there is no directory for that moment and ids are typed.
/// </summary>
public sealed class KeystoneProjectDirectory(KeystoneServiceSession keystone, TimeProvider clock, ILogger<KeystoneProjectDirectory> logger) : IProjectDirectory
{
    private static readonly TimeSpan s_fresh = TimeSpan.FromMinutes(1);
    private (IReadOnlyList<KnownProject> Projects, DateTimeOffset ReadAt)? _last;

    public async Task<IReadOnlyList<KnownProject>?> ProjectsAsync(CancellationToken ct = default)
    {
        if (_last is { } last && clock.GetUtcNow() - last.ReadAt < s_fresh)
        {
            return last.Projects;
        }
        try
        {
            using var response = await keystone.SendAsync(token =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, keystone.Options.V3 + "/projects");
                request.Headers.Add("X-Auth-Token", token);
                return request;
            }, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Keystone answered {Status} when listing projects; members are typed by id", (int)response.StatusCode);
                return null;
            }
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            var projects = (body?["projects"]?.AsArray() ?? [])
                .Where(p => p?["enabled"]?.GetValue<bool>() != false && p?["is_domain"]?.GetValue<bool>() != true)
                .Select(p => new KnownProject(p!["id"]!.GetValue<string>(), p["name"]?.GetValue<string>() ?? p["id"]!.GetValue<string>()))
                .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
                .ToList();
            _last = (projects, clock.GetUtcNow());
            return projects;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Keystone could not list projects; members are typed by id");
            return null;
        }
    }
}
