using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Glance.Domain.Members;
using Microsoft.Extensions.Options;

namespace Glance.Portal.Auth;

/// <summary>
/// Keystone's projects (<c>GET /v3/projects</c> as Glance's service user, which Keystone's default
/// policy lets an admin do), so that people share with a project by name as in Horizon. Read at most
/// once a minute by one request at a time. When Keystone cannot answer, or answers a list cut short by
/// its <c>list_limit</c>, there is no directory for half a minute and ids are typed.
/// </summary>
public sealed class KeystoneProjectDirectory(KeystoneServiceSession keystone, IOptions<KeystoneOptions> options, TimeProvider clock,
    ILogger<KeystoneProjectDirectory> logger) : IProjectDirectory
{
    private static readonly TimeSpan s_fresh = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_retryAfterFailure = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private Snapshot? _last;

    /// <summary>What Keystone last said (null projects: it could not say) and until when it stands.</summary>
    private sealed record Snapshot(IReadOnlyList<KnownProject>? Projects, DateTimeOffset Until);

    public DirectoryAudience Audience => options.Value.ProjectDirectory;

    public async Task<IReadOnlyList<KnownProject>?> ProjectsAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _last) is { } last && last.Until > clock.GetUtcNow())
        {
            return last.Projects;
        }
        await _reading.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _last) is { } again && again.Until > clock.GetUtcNow())
            {
                return again.Projects;
            }
            var projects = await ReadAsync(ct);
            Volatile.Write(ref _last, new Snapshot(projects, clock.GetUtcNow() + (projects is null ? s_retryAfterFailure : s_fresh)));
            return projects;
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task<IReadOnlyList<KnownProject>?> ReadAsync(CancellationToken ct)
    {
        try
        {
            using var response = await keystone.SendAsync(token =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, keystone.V3 + "/projects");
                request.Headers.Add("X-Auth-Token", token);
                return request;
            }, ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Keystone answered {Status} when listing projects; members are typed by id", (int)response.StatusCode);
                return null;
            }
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            if (body?["truncated"]?.GetValueKind() == JsonValueKind.True)
            {
                logger.LogWarning("Keystone's project list is cut short by its list_limit; members are typed by id");
                return null;
            }
            return (body?["projects"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(p => p["is_domain"]?.GetValueKind() != JsonValueKind.True)
                .Select(p => (Id: Text(p["id"]), Name: Text(p["name"])))
                .Where(p => p.Id is not null)
                .Select(p => new KnownProject(p.Id!, p.Name ?? p.Id!))
                .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
                .ToList();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException)
        {
            logger.LogWarning(ex, "Keystone could not list projects; members are typed by id");
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
}
