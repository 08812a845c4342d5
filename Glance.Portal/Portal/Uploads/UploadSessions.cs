using System.Collections.Concurrent;
using Glance.Domain.Common;
using Glance.Domain.ImageData;

namespace Glance.Portal.Portal.Uploads;

/// <summary>
/// The browser uploads under way on this node. Sessions live in memory: a portal behind a load
/// balancer needs sticky sessions for them, as Blazor Server's circuits already do.
/// </summary>
public sealed class UploadSessions(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How long an ended upload still answers "where did it get to" for a browser coming back.</summary>
    private static readonly TimeSpan KeepEnded = TimeSpan.FromMinutes(10);

    public const int PerUserLimit = 8;

    private readonly ConcurrentDictionary<string, UploadSession> _sessions = new();
    private readonly Lock _counting = new();

    /// <summary>Begins the domain's upload of <paramref name="size"/> bytes into the image; a refusal is thrown as the domain's exception.</summary>
    public async Task<UploadSession> BeginAsync(CallerContext caller, string imageId, long size)
    {
        Sweep();
        var session = new UploadSession(imageId, caller, size, clock);
        // Counted and held in one step, so that uploads begun at the same moment cannot pass the limit together.
        lock (_counting)
        {
            if (_sessions.Values.Count(s => SameCaller(s.Owner, caller) && s.IsRunning) >= PerUserLimit)
            {
                throw new TooManyUploadsException($"You already have {PerUserLimit} uploads running; wait for one to finish.");
            }
            _sessions[session.Id] = session;
        }
        try
        {
            await session.StartAsync(async (stream, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<ImageDataService>().UploadAsync(caller, imageId, stream, size, ct);
            });
        }
        catch
        {
            _sessions.TryRemove(session.Id, out _);
            session.Dispose();
            throw;
        }
        return session;
    }

    /// <summary>The session, only for the user and project that began it.</summary>
    public UploadSession? Find(string id, CallerContext caller)
    {
        Sweep();
        return _sessions.TryGetValue(id, out var session) && SameCaller(session.Owner, caller) ? session : null;
    }

    private static bool SameCaller(CallerContext a, CallerContext b) => a.UserId == b.UserId && a.ProjectId == b.ProjectId;

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, session) in _sessions)
        {
            if (!session.IsRunning && now - session.LastActivity > KeepEnded && _sessions.TryRemove(id, out _))
            {
                session.Dispose();
            }
        }
    }
}

public sealed class TooManyUploadsException(string message) : Exception(message);
