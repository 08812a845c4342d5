using Glance.Domain.Common;
using Glance.Domain.Policies;

namespace Glance.Domain.Members;

/// <summary>
/// Which projects a caller may pick by name when sharing: the directory's, when it is open to everyone
/// or the caller is an admin. Anyone else types ids, so that a cloud's project names are not shown to
/// every tenant unless the operator says so.
/// </summary>
public sealed class ProjectChoices(IProjectDirectory directory, ImagePolicy policy)
{
    /// <summary>The caller's choices; null when it types ids.</summary>
    public async Task<KnownProjects?> ForAsync(CallerContext caller, CancellationToken ct = default)
    {
        if (directory.Audience != DirectoryAudience.Everyone && !policy.IsAdmin(caller))
        {
            return null;
        }
        return await directory.ProjectsAsync(ct) is { } projects ? new KnownProjects(projects) : null;
    }
}
